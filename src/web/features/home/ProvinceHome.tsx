import { FundOutlined } from '@ant-design/icons';
import { Col, Flex, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProvinces } from '../../lib/provinces';
import { EnterpriseChartCard } from './EnterpriseChartCard';
import { ProvinceDirectory } from './ProvinceDirectory';
import { StatCard } from './StatCard';
import { useOrgSummary } from './useOrgSummary';

/** Provincial regulator landing: the enterprises it supervises in its own province. */
export function ProvinceHome() {
  const me = useMe();
  const { t } = useTranslation();
  const { nameOf } = useProvinces();
  const { summary, provinces } = useOrgSummary();

  return (
    <div data-testid="home-provincial-regulator">
      <PageHeader
        title={t('home.provincial-regulator.title', { province: nameOf(me.org.provinceCode) })}
        subtitle={t('home.asOf', { date: dayjs().format('YYYY-MM-DD') })}
      />
      <ProblemAlert error={summary.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <StatCard
              testId="stat-enterprise"
              title={t('home.stats.enterprisesProvince')}
              value={summary.data?.byKind.enterprise ?? 0}
              loading={summary.loading}
              icon={<FundOutlined />}
            />
            <ProvinceDirectory provinceCode={me.org.provinceCode} />
          </Flex>
        </Col>
        <Col xs={24} xl={15}>
          <EnterpriseChartCard title={t('home.chart.province')} rows={provinces} loading={summary.loading} />
        </Col>
      </Row>
    </div>
  );
}
