import { LoginOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Button, Flex, Layout, Menu } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PUBLIC_LINKS } from './access';
import { useSession } from './session';

const selected = (pathname: string) =>
  [...PUBLIC_LINKS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((l) => pathname === l.path || pathname.startsWith(`${l.path}/`))?.key;

/** The frame of the public pages: advisories, filed platforms and anonymous reporting. */
export function PublicLayout() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const key = selected(pathname);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          background: '#0f1f3d',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/advisories" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff' }}>
          <SafetyCertificateFilled style={{ fontSize: 24, color: '#4f8cff' }} />
          <span style={{ lineHeight: 1.2 }}>
            <span style={{ display: 'block', fontWeight: 600, fontSize: 17 }}>{t('app.name')}</span>
            <span style={{ display: 'block', fontSize: 11, opacity: 0.65 }}>{t('public.tagline')}</span>
          </span>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={key ? [key] : []}
          style={{ flex: 1, minWidth: 0, background: 'transparent', borderBottom: 0 }}
          items={PUBLIC_LINKS.map((l) => ({
            key: l.key,
            label: t(`public.nav.${l.key}`),
            'data-testid': `public-nav-${l.key}`,
          }))}
          onClick={({ key: k }) => navigate(PUBLIC_LINKS.find((l) => l.key === k)?.path ?? '/advisories')}
        />
        <Flex align="center" gap={12}>
          <LanguageSwitch />
          <Link to={me ? '/' : '/login'}>
            <Button type="primary" icon={<LoginOutlined />} data-testid="public-signin">
              {me ? t('public.workspace') : t('public.signIn')}
            </Button>
          </Link>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <div style={{ maxWidth: 1120, margin: '0 auto' }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12 }}>
        {t('public.footer')}
      </Layout.Footer>
    </Layout>
  );
}
