import { Card, Col, Empty, Row, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionOverview } from '../../../contracts/supervision';
import { share } from './drill';
import { num } from './FigureLink';

const Gauge = lazy(() => import('./charts/Gauge'));

/** The gauges, each against its target. */
export const GAUGES = ['enterprisesCovered', 'topDecileCovered', 'trainingPersonTimes', 'talents'] as const;
type GaugeKey = (typeof GAUGES)[number];

const COLOURS: Record<GaugeKey, string> = {
  enterprisesCovered: '#1668dc',
  topDecileCovered: '#d48806',
  trainingPersonTimes: '#389e0d',
  talents: '#722ed1',
};

/** What a gauge measures: the target the area has, else the share of its own population where there is one. */
function reading(o: SupervisionOverview, key: GaugeKey) {
  const h = o.headlines.find((x) => x.key === key);
  const value = h?.value ?? o.figures[key];
  const apportioned = h?.target && !(o.scope.level === 'province' && h.target.scope === 'national');
  if (h?.target && apportioned && h.pct !== null) {
    return { pct: h.pct, value, of: h.target.value, basis: 'target' as const };
  }
  const whole =
    key === 'enterprisesCovered'
      ? o.figures.enterprisesRegistered
      : key === 'topDecileCovered'
        ? o.figures.topDecileQuota
        : null;
  const pct = whole === null ? null : share(value, whole);
  return pct === null || whole === null
    ? { pct: null, value, of: null, basis: 'none' as const }
    : {
        pct,
        value,
        of: whole,
        basis: key === 'enterprisesCovered' ? ('registered' as const) : ('quota' as const),
      };
}

/** Target gauges for coverage, the top 10 %, training person-times and talents. */
export function Gauges({ o }: { o: SupervisionOverview }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {GAUGES.map((key) => {
        const r = reading(o, key);
        return (
          <Col key={key} xs={24} sm={12} xl={6}>
            <Card size="small" title={t(`supervision.headlines.${key}`)} data-testid={`gauge-${key}`}>
              {r.pct === null ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('supervision.gauge.noTarget', { value: num(r.value) })}
                  style={{ height: 156, margin: '12px 0 0' }}
                />
              ) : (
                <Suspense fallback={<div style={{ height: 180 }} />}>
                  <Gauge pct={r.pct} colour={COLOURS[key]} />
                </Suspense>
              )}
              <Typography.Text
                type="secondary"
                style={{ display: 'block', textAlign: 'center', fontSize: 12, minHeight: 20 }}
              >
                {r.of === null
                  ? null
                  : t(`supervision.gauge.of.${r.basis}`, { value: num(r.value), of: num(r.of) })}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
