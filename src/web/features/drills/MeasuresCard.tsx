import { Card, Col, Progress, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrillMeasures } from '../../../contracts/drills';
import { MEASURED } from './drills';

/** The four measured times (drill minutes from the first inject), expectations met and the score. */
export function MeasuresCard({ m }: { m: DrillMeasures }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('drills.measures.title')} data-testid="drill-measures">
      <Row gutter={[12, 12]}>
        <Col span={12}>
          <Statistic
            title={t('drills.measures.score')}
            value={m.score}
            suffix="/ 100"
            data-testid="drill-score"
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('drills.measures.met')}
            value={m.met}
            suffix={`/ ${m.total}`}
            data-testid="drill-met"
          />
          <Progress
            percent={m.total ? Math.round((m.met / m.total) * 100) : 0}
            size="small"
            showInfo={false}
          />
        </Col>
        {MEASURED.map((x) => (
          <Col span={12} key={x.key}>
            <Statistic
              title={t(`drills.measures.${x.key}`)}
              value={m[x.key] ?? '—'}
              suffix={m[x.key] === null ? undefined : t('drills.minutes')}
              valueStyle={{ color: x.colour, fontSize: 20 }}
              data-testid={`drill-${x.key}`}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
