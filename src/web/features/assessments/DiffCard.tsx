import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ControlLibrary, ExaminationDiff } from '../../../contracts/assessments';
import { useBilingual } from './text';

const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${Math.round(n * 10) / 10}`);
const tone = (n: number | null) => (n === null || n === 0 ? undefined : n > 0 ? 'success' : 'danger');

/** What changed since the previous completed examination: score deltas and the controls that moved. */
export function DiffCard({ diff, library }: { diff: ExaminationDiff; library: ControlLibrary }) {
  const { t } = useTranslation();
  const text = useBilingual();
  if (!diff.previousId)
    return (
      <Card title={t('assessments.diff.title')} size="small" data-testid="examination-diff">
        <Empty description={t('assessments.diff.none')} />
      </Card>
    );
  const answer = (a: string | null) =>
    a ? t(`assessments.answer.${a}`) : t('assessments.answer.unanswered');
  const changes = (key: 'improved' | 'regressed' | 'changed', color: string) =>
    diff[key].length ? (
      <Space size={[4, 4]} wrap>
        {diff[key].map((c) => (
          <Tag key={c.id} color={color}>
            {c.id}: {answer(c.from)} → {answer(c.to)}
          </Tag>
        ))}
      </Space>
    ) : (
      '—'
    );
  return (
    <Card
      title={t('assessments.diff.titleYear', { year: diff.previousYear })}
      size="small"
      data-testid="examination-diff"
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('assessments.score.overall')}>
          <Typography.Text type={tone(diff.overallDelta)} data-testid="diff-overall">
            {signed(diff.overallDelta)}
          </Typography.Text>
        </Descriptions.Item>
        {library.groups.map((g) => (
          <Descriptions.Item key={g.scenario} label={text(g.label)}>
            <Typography.Text type={tone(diff.byScenario[g.scenario] ?? null)}>
              {signed(diff.byScenario[g.scenario] ?? null)}
            </Typography.Text>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('assessments.diff.improved')}>
          {changes('improved', 'green')}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.diff.regressed')}>
          {changes('regressed', 'red')}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.diff.changed')}>
          {changes('changed', 'default')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
