import { Card, Empty, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvinceRow } from './ProvinceRanking';

const ProvinceBarChart = lazy(() => import('../../components/ProvinceBarChart'));

/** Enterprises per province as a bar chart; ECharts loads only when there is something to draw. */
export function EnterpriseChartCard({
  title,
  rows,
  loading,
}: {
  title: string;
  rows: ProvinceRow[];
  loading: boolean;
}) {
  const { t } = useTranslation();
  const skeleton = <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Card title={title} data-testid="province-chart" style={{ height: '100%' }}>
      {loading ? (
        skeleton
      ) : rows.length ? (
        <Suspense fallback={skeleton}>
          <ProvinceBarChart data={rows} seriesName={t('home.chart.series')} />
        </Suspense>
      ) : (
        <Empty description={t('home.chart.empty')} />
      )}
    </Card>
  );
}
