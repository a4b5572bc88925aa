import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ControlLibrary, ExaminationScore } from '../../../contracts/assessments';
import { pct, useBilingual } from './text';

const colour = (s: number | null) =>
  s === null ? undefined : s >= 80 ? '#389e0d' : s >= 60 ? '#d48806' : '#cf1322';

/** The overall score and one bar per scenario (a control under several scenarios counts in each). */
export function ScoreCard({ score, library }: { score: ExaminationScore; library: ControlLibrary }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const overall = score.overall.score;
  return (
    <Card title={t('assessments.score.title')} size="small">
      <Row gutter={[24, 12]} align="middle">
        <Col xs={24} md={6}>
          <div data-testid="score-overall" data-score={overall ?? ''}>
            <Statistic title={t('assessments.score.overall')} value={pct(overall)} suffix="/ 100" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assessments.score.answered', {
                done: score.overall.controls - score.overall.unanswered,
                total: score.overall.controls,
              })}
            </Typography.Text>
          </div>
        </Col>
        <Col xs={24} md={18}>
          {library.groups.map((g) => {
            const s = score.byScenario[g.scenario];
            return (
              <Row key={g.scenario} gutter={12} align="middle" data-testid={`score-${g.scenario}`}>
                <Col span={9}>
                  <Typography.Text>{text(g.label)}</Typography.Text>
                </Col>
                <Col span={15}>
                  <Progress
                    percent={s?.score === null || !s ? 0 : Math.round(s.score * 10) / 10}
                    strokeColor={colour(s?.score ?? null)}
                    format={() => pct(s?.score)}
                    size="small"
                  />
                </Col>
              </Row>
            );
          })}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessments.score.note')}
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}
