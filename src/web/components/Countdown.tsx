import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { durationParts, liveRemainingMs, liveStatus } from '../lib/countdown';
import { formatTime } from '../lib/format';
import { clockColor } from '../lib/reports';
import type { Clock } from '../lib/types';
import { useNow } from '../lib/useNow';

const icons: Record<Clock['status'], ReactNode> = {
  pending: <ClockCircleOutlined />,
  'due-soon': <ClockCircleOutlined />,
  overdue: <ExclamationCircleOutlined />,
  met: <CheckCircleOutlined />,
  'met-late': <CheckCircleOutlined />,
  'not-started': <MinusCircleOutlined />,
};

/** A live countdown to one RMSV art. 7 deadline, coloured by its status; the due time shows on hover. */
export function Countdown({
  clock,
  fetchedAt,
  testId,
}: {
  clock: Clock;
  fetchedAt: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const remaining = liveRemainingMs(clock, fetchedAt, now);
  const status = liveStatus(clock, remaining);
  let text: string;
  if (remaining === null) text = t(`clocks.status.${status}`);
  else {
    const { days, hms } = durationParts(remaining);
    const time = days ? t('clocks.dhms', { d: days, hms }) : hms;
    text = remaining < 0 ? t('clocks.overdueBy', { time }) : t('clocks.left', { time });
  }
  const due = clock.dueAt ? t('clocks.dueAt', { time: formatTime(clock.dueAt) }) : null;
  const done = clock.doneAt ? t('clocks.doneAt', { time: formatTime(clock.doneAt) }) : null;
  return (
    <Tooltip title={[due, done].filter(Boolean).join(' · ') || null}>
      <Tag
        color={clockColor(status)}
        icon={icons[status]}
        data-testid={testId}
        data-status={status}
        style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}
