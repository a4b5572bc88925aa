import {
  AimOutlined,
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BugOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FireOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  KeyOutlined,
  NodeIndexOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  SafetyCertificateFilled,
  ShopOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { AppHeader } from './AppHeader';
import { menuSections, PATHS, type PageKey, pageOf } from './access';
import { useMe } from './session';

const icons: Record<PageKey, ReactNode> = {
  home: <HomeOutlined />,
  supervision: <FundProjectionScreenOutlined />,
  vulnerabilities: <BugOutlined />,
  submit: <FormOutlined />,
  unrouted: <NodeIndexOutlined />,
  nationalReports: <CloudUploadOutlined />,
  products: <AppstoreOutlined />,
  assets: <DatabaseOutlined />,
  exposures: <AlertOutlined />,
  affectedUsers: <ClusterOutlined />,
  advisoryImport: <ImportOutlined />,
  affected: <AimOutlined />,
  filing: <FileProtectOutlined />,
  platformFilings: <SolutionOutlined />,
  freezeWindows: <CalendarOutlined />,
  dataCatalog: <TableOutlined />,
  catalogReviews: <AuditOutlined />,
  incidents: <FireOutlined />,
  programme: <DashboardOutlined />,
  training: <ReadOutlined />,
  enterprises: <ShopOutlined />,
  examinations: <ReconciliationOutlined />,
  correctiveActions: <CarryOutOutlined />,
  riskAssessments: <FileDoneOutlined />,
  drills: <ThunderboltOutlined />,
  drillScenarios: <ExperimentOutlined />,
  orgs: <BankOutlined />,
  org: <IdcardOutlined />,
  users: <TeamOutlined />,
  tokens: <KeyOutlined />,
  audit: <AuditOutlined />,
};

/** The signed-in workspace: navigation by org kind and role, header with the actor, page in the middle. */
export function AppLayout() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  // The regulators' org list is national for the ministry and provincial for a province; the report list is
  // the ministry's board, a vendor's inbox or a reporter's own reports.
  const label = (key: PageKey) => {
    if (key === 'orgs' && me.org.kind === 'provincial-regulator') return t('nav.orgsProvince');
    if (key === 'vulnerabilities') return t(`nav.vulnerabilitiesBy.${me.org.kind}`);
    if (key === 'nationalReports' && me.org.kind === 'vendor') return t('nav.nationalReportsVendor');
    if (key === 'affected' && me.org.kind === 'provincial-regulator') return t('nav.affectedProvince');
    return t(`nav.${key}`);
  };

  const item = (key: PageKey) => ({ key, icon: icons[key], label: label(key), 'data-testid': `nav-${key}` });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={224}
        data-testid="sider"
      >
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            gap: 10,
            padding: collapsed ? '0 28px' : '0 20px',
            color: '#fff',
            borderBottom: '1px solid rgba(255,255,255,0.08)',
            overflow: 'hidden',
            whiteSpace: 'nowrap',
          }}
        >
          <SafetyCertificateFilled style={{ fontSize: 24, color: '#4f8cff' }} />
          {collapsed ? null : (
            <div style={{ lineHeight: 1.2 }}>
              <div style={{ fontWeight: 600, fontSize: 17, letterSpacing: 0.5 }}>{t('app.name')}</div>
              <div style={{ fontSize: 11, opacity: 0.65 }}>{t('app.tagline')}</div>
            </div>
          )}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[pageOf(pathname)]}
          style={{ borderInlineEnd: 0, marginTop: 8 }}
          items={[
            item('home'),
            ...menuSections(me).map((s) => ({
              type: 'group' as const,
              key: s.section,
              label: collapsed ? null : t(`nav.sections.${s.section}`),
              children: s.keys.map(item),
            })),
          ]}
          onClick={({ key }) => navigate(PATHS[key as PageKey])}
        />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content style={{ padding: 24 }}>
          <div style={{ maxWidth: 1280, margin: '0 auto' }}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12 }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
