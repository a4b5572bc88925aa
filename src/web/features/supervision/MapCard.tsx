import { Card, Col, Flex, Row, Select, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SupervisionOverview } from '../../../contracts/supervision';
import { formatMetric, MAP_METRICS, METRICS, type MetricKey } from './metrics';
import { useAreaNames } from './names';

const ChinaMap = lazy(() => import('./charts/ChinaMap'));

/** The national map: provinces coloured by a chosen figure beside the top ten; a province opens its dashboard. */
export function MapCard({ o }: { o: SupervisionOverview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { provinceName } = useAreaNames();
  const [metric, setMetric] = useState<MetricKey>('coverage');
  const data = o.breakdown.map((r) => ({ code: r.code, value: METRICS[metric].get(r.figures) }));
  const ranking = data
    .filter((d) => d.value !== null)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, 10);
  return (
    <Card
      size="small"
      title={t('supervision.map.title')}
      extra={
        <Select<MetricKey>
          size="small"
          value={metric}
          onChange={setMetric}
          style={{ width: 200 }}
          options={MAP_METRICS.map((k) => ({ value: k, label: t(`supervision.metrics.${k}`) }))}
          data-testid="map-metric"
        />
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <div data-testid="supervision-map">
            <Suspense fallback={<div style={{ height: 520 }} />}>
              <ChinaMap
                data={data}
                seriesName={t(`supervision.metrics.${metric}`)}
                format={(v) => formatMetric(metric, v)}
                nameOf={provinceName}
                onSelect={(code) => navigate(`/supervision?province=${code}`)}
                low={t('supervision.map.low')}
                high={t('supervision.map.high')}
              />
            </Suspense>
          </div>
        </Col>
        <Col xs={24} xl={7}>
          <Typography.Text strong>{t('supervision.map.ranking')}</Typography.Text>
          <ol style={{ paddingInlineStart: 24, margin: '8px 0 0' }} data-testid="map-ranking">
            {ranking.map((d) => (
              <li key={d.code} style={{ lineHeight: '26px' }}>
                <Flex justify="space-between">
                  <Link to={`/supervision?province=${d.code}`}>{provinceName(d.code)}</Link>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMetric(metric, d.value)}</span>
                </Flex>
              </li>
            ))}
          </ol>
        </Col>
      </Row>
    </Card>
  );
}
