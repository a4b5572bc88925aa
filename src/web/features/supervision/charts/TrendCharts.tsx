import { Col, Row, Typography } from 'antd';
import type { SupervisionTrends } from '../../../../contracts/supervision';
import { TIERS } from '../drill';
import { echarts, ReactEChartsCore } from './echarts';

type Cumulative = Exclude<keyof SupervisionTrends, 'scope' | 'months' | 'incidents'>;

const ENTERPRISES: Cumulative[] = ['enterprisesRegistered', 'enterprisesCovered', 'topDecileCovered'];
const ACTIVITY: Cumulative[] = ['talents', 'drillsCompleted'];
// Person-times run an order of magnitude above the other counts, so they get the right-hand axis.
const TRAINING: Cumulative = 'trainingPersonTimes';
const TIER_COLOURS = ['#a8071a', '#d4380d', '#d48806', '#1677ff'];

const line = (t: SupervisionTrends, key: Cumulative, name: string, yAxisIndex = 0) => ({
  name,
  type: 'line' as const,
  yAxisIndex,
  symbolSize: 5,
  connectNulls: false,
  data: t[key],
});

const base = (months: string[]) => ({
  tooltip: { trigger: 'axis' as const },
  legend: { top: 0, type: 'plain' as const },
  grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
  xAxis: { type: 'category' as const, data: months, boundaryGap: true },
});

/** Cumulative counts at month ends as lines, and incidents per month stacked by tier (a bar opens its list). */
export default function TrendCharts({
  trends,
  labels,
  tierLabel,
  titles,
  onIncidents,
}: {
  trends: SupervisionTrends;
  labels: (key: Cumulative) => string;
  tierLabel: (tier: (typeof TIERS)[number]) => string;
  titles: { enterprises: string; activity: string; incidents: string };
  onIncidents: (tier: string, month: string) => void;
}) {
  const m = trends.months;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{titles.enterprises}</Typography.Text>
        <ReactEChartsCore
          echarts={echarts}
          notMerge
          style={{ height: 280 }}
          option={{
            ...base(m),
            yAxis: { type: 'value', minInterval: 1 },
            series: ENTERPRISES.map((k) => line(trends, k, labels(k))),
          }}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{titles.activity}</Typography.Text>
        <ReactEChartsCore
          echarts={echarts}
          notMerge
          style={{ height: 280 }}
          option={{
            ...base(m),
            yAxis: [
              { type: 'value', minInterval: 1 },
              { type: 'value', minInterval: 1, splitLine: { show: false } },
            ],
            series: [
              ...ACTIVITY.map((k) => line(trends, k, labels(k))),
              line(trends, TRAINING, labels(TRAINING), 1),
            ],
          }}
        />
      </Col>
      <Col xs={24}>
        <Typography.Text strong>{titles.incidents}</Typography.Text>
        <ReactEChartsCore
          echarts={echarts}
          notMerge
          style={{ height: 260 }}
          onEvents={{
            click: (p: { seriesIndex?: number; name?: string }) => {
              const tier = p.seriesIndex === undefined ? undefined : TIERS[p.seriesIndex];
              if (tier && p.name) onIncidents(tier, p.name);
            },
          }}
          option={{
            ...base(m),
            color: TIER_COLOURS,
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            yAxis: { type: 'value', minInterval: 1 },
            series: TIERS.map((tier) => ({
              name: tierLabel(tier),
              type: 'bar',
              stack: 'tier',
              barMaxWidth: 28,
              cursor: 'pointer',
              data: trends.incidents[tier],
            })),
          }}
        />
      </Col>
    </Row>
  );
}
