import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilingStatusT, Level } from './api';

const LEVEL_COLORS: Record<Level, string> = { general: 'default', important: 'orange', core: 'red' };
const FILING_COLORS: Record<FilingStatusT, string> = {
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  superseded: 'default',
};

/** A data level as a coloured tag (一般 / 重要 / 核心). */
export function LevelTag({ level, testId }: { level: Level; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={testId} data-level={level}>
      {t(`catalog.level.${level}`)}
    </Tag>
  );
}

/** A filing's review status as a tag. */
export function FilingStatusTag({ status }: { status: FilingStatusT }) {
  const { t } = useTranslation();
  return (
    <Tag color={FILING_COLORS[status]} data-testid="filing-status" data-status={status}>
      {t(`catalog.filingStatus.${status}`)}
    </Tag>
  );
}

/** How settled the rule behind a value is: draft and unconfirmed rules are marked, with the clause on hover. */
export function RuleMark({ status, clause }: { status: 'final' | 'draft' | 'unconfirmed'; clause: string }) {
  const { t } = useTranslation();
  if (status === 'final') {
    return (
      <Tooltip title={clause}>
        <Tag bordered={false}>{t('catalog.rule.final')}</Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={clause}>
      <Tag color={status === 'draft' ? 'gold' : 'purple'} data-testid="rule-mark" data-status={status}>
        {t(`catalog.rule.${status}`)}
      </Tag>
    </Tooltip>
  );
}
