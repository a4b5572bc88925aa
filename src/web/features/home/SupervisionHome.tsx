import {
  AimOutlined,
  ApartmentOutlined,
  BankOutlined,
  BugOutlined,
  CloudServerOutlined,
  ExperimentOutlined,
  FundOutlined,
} from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import dayjs from 'dayjs';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { ORG_KINDS } from '../../lib/domain';
import { useProvinces } from '../../lib/provinces';
import type { OrgKind } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { ProvinceRanking } from './ProvinceRanking';

const ProvinceBarChart = lazy(() => import('../../components/ProvinceBarChart'));

const kindIcons: Record<OrgKind, ReactNode> = {
  ministry: <BankOutlined />,
  'provincial-regulator': <ApartmentOutlined />,
  enterprise: <FundOutlined />,
  vendor: <BugOutlined />,
  'collection-platform': <CloudServerOutlined />,
  researcher: <ExperimentOutlined />,
};

/** Ministry (national) or provincial regulator (its province) overview from GET /api/orgs/summary. */
export function SupervisionHome({ scope }: { scope: 'national' | 'province' }) {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const { nameOf } = useProvinces();
  const summary = useAsync(() => api.orgSummary(), []);
  const national = scope === 'national';
  // The ministry itself is not a supervised organisation; a province does not count other provinces' regulators.
  const shown = ORG_KINDS.filter((k) => k !== 'ministry' && (national || k !== 'provincial-regulator'));
  const byKind = summary.data?.byKind;
  const total = byKind ? shown.reduce((n, k) => n + (byKind[k] ?? 0), 0) : 0;
  const rows = [...(summary.data?.byProvince ?? [])]
    .sort((a, b) => b.enterprises - a.enterprises)
    .map((p) => ({
      code: p.provinceCode,
      name: i18n.language === 'en' ? p.nameEn : p.name,
      value: p.enterprises,
    }));
  const withEnterprises = rows.filter((r) => r.value > 0);

  return (
    <div data-testid={national ? 'home-ministry' : 'home-provincial-regulator'}>
      <PageHeader
        title={
          national
            ? t('home.ministry.title')
            : t('home.provincial-regulator.title', { province: nameOf(me.org.provinceCode) })
        }
        subtitle={t('home.asOf', { date: dayjs().format('YYYY-MM-DD') })}
      />
      <ProblemAlert error={summary.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={national ? 4 : 6}>
          <Card data-testid="stat-total">
            <Statistic
              title={t(national ? 'home.stats.totalNational' : 'home.stats.totalProvince')}
              value={total}
              loading={summary.loading}
              prefix={<AimOutlined />}
            />
          </Card>
        </Col>
        {shown.map((k) => (
          <Col key={k} xs={24} sm={12} xl={national ? 4 : 6}>
            <Card data-testid={`stat-${k}`}>
              <Statistic
                title={t(`orgKindsPlural.${k}`)}
                value={byKind?.[k] ?? 0}
                loading={summary.loading}
                prefix={kindIcons[k]}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={16}>
          <Card
            title={t(national ? 'home.chart.national' : 'home.chart.province')}
            data-testid="province-chart"
          >
            {summary.loading ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : withEnterprises.length ? (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
                <ProvinceBarChart data={withEnterprises} seriesName={t('home.chart.series')} />
              </Suspense>
            ) : (
              <Empty description={t('home.chart.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ProvinceRanking rows={withEnterprises} loading={summary.loading} />
        </Col>
      </Row>
    </div>
  );
}
