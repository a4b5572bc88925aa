import {
  AimOutlined,
  ApartmentOutlined,
  BugOutlined,
  CloudServerOutlined,
  ExperimentOutlined,
  FundOutlined,
} from '@ant-design/icons';
import { Col, Row } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { OrgKind } from '../../lib/types';
import { EnterpriseChartCard } from './EnterpriseChartCard';
import { ProvinceRanking } from './ProvinceRanking';
import { StatCard } from './StatCard';
import { useOrgSummary } from './useOrgSummary';

// The ministry itself is not a supervised organisation, so it has no card.
const supervised: [Exclude<OrgKind, 'ministry'>, ReactNode][] = [
  ['provincial-regulator', <ApartmentOutlined key="p" />],
  ['enterprise', <FundOutlined key="e" />],
  ['vendor', <BugOutlined key="v" />],
  ['collection-platform', <CloudServerOutlined key="c" />],
  ['researcher', <ExperimentOutlined key="r" />],
];

/** Ministry landing: supervised organisations by kind and enterprises by province, nationwide. */
export function NationalHome() {
  const { t } = useTranslation();
  const { summary, provinces } = useOrgSummary();
  const byKind = summary.data?.byKind;
  const total = supervised.reduce((n, [k]) => n + (byKind?.[k] ?? 0), 0);

  return (
    <div data-testid="home-ministry">
      <PageHeader
        title={t('home.ministry.title')}
        subtitle={t('home.asOf', { date: dayjs().format('YYYY-MM-DD') })}
      />
      <ProblemAlert error={summary.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={4}>
          <StatCard
            testId="stat-total"
            title={t('home.stats.totalNational')}
            value={total}
            loading={summary.loading}
            icon={<AimOutlined />}
          />
        </Col>
        {supervised.map(([k, icon]) => (
          <Col key={k} xs={24} sm={12} xl={4}>
            <StatCard
              testId={`stat-${k}`}
              title={t(`orgKindsPlural.${k}`)}
              value={byKind?.[k] ?? 0}
              loading={summary.loading}
              icon={icon}
            />
          </Col>
        ))}
        <Col xs={24} xl={16}>
          <EnterpriseChartCard title={t('home.chart.national')} rows={provinces} loading={summary.loading} />
        </Col>
        <Col xs={24} xl={8}>
          <ProvinceRanking rows={provinces} loading={summary.loading} />
        </Col>
      </Row>
    </div>
  );
}
