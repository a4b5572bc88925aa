import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format';
import { DISCLOSURE_CODES } from '../../lib/reports';
import type { TimelineEntry } from '../../lib/types';
import { chronological } from './chronological';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const CLOCK_KEYS: Record<string, string> = {
  verify: 'verify',
  'upstream-notify': 'upstreamNotify',
  'national-report': 'nationalReport',
};

/** The facts an entry's `data` adds, in words (each kind records its own). */
function details(t: TFunction, e: TimelineEntry): string | null {
  const d = e.data;
  switch (e.kind) {
    case 'intake':
      return d.routedTo === 'ministry-queue' ? t('timeline.details.unrouted') : null;
    case 'report-nationally':
      return d.late ? t('timeline.details.late') : null;
    case 'publication-refused':
      return list(d.codes)
        .map((c) => ((DISCLOSURE_CODES as readonly string[]).includes(c) ? t(`disclosure.${c}.title`) : c))
        .join(t('common.listSeparator'));
    case 'external-ids':
      return Object.entries(d)
        .map(([k, v]) => `${k.toUpperCase()} ${String(v)}`)
        .join(' · ');
    case 'attachment-added':
      return `${String(d.filename ?? '')}${d.exploitTool ? ` (${t('attachments.exploitTool')})` : ''}`;
    case 'escalated':
      return typeof d.dueAt === 'string' ? t('timeline.details.dueWas', { time: formatTime(d.dueAt) }) : null;
    case 'reminder':
      return t(`clocks.names.${CLOCK_KEYS[String(d.clock)] ?? 'nationalReport'}`);
    case 'upstream-notified':
      return t('timeline.details.upstream', {
        linked: list(d.linkedReports).join(', ') || '—',
        offPlatform: list(d.notOnPlatform).join(', ') || '—',
      });
    case 'users-notified':
      return t('timeline.details.recipients', { count: Number(d.recipients ?? 0) });
    case 'duplicate-linked':
      return String(d.duplicateRef ?? '');
    case 'approval-recorded':
      return String(d.authority ?? '');
    default:
      return null;
  }
}

const colorOf = (kind: string): string =>
  ['publication-refused', 'escalated', 'reject'].includes(kind)
    ? 'red'
    : kind === 'reminder'
      ? 'orange'
      : ['publish', 'release-fix', 'national-report-acknowledged'].includes(kind)
        ? 'green'
        : 'blue';

/** A report's history, oldest first; entries by the viewer's own organisation are marked. */
export function ReportTimeline({ entries, myOrgId }: { entries: TimelineEntry[]; myOrgId?: string }) {
  const { t } = useTranslation();
  if (!entries.length) return <Empty description={t('timeline.empty')} />;
  return (
    <Timeline
      data-testid="timeline"
      items={chronological(entries).map((e) => {
        const extra = details(t, e);
        return {
          key: e.id,
          color: colorOf(e.kind),
          content: (
            <div data-testid="timeline-entry" data-kind={e.kind}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>
                  {t(`timeline.kinds.${e.kind}`, { defaultValue: e.kind })}
                </Typography.Text>
                {e.toState && e.fromState !== e.toState ? (
                  <Tag>{t(`reportStates.${e.toState}`, { defaultValue: e.toState })}</Tag>
                ) : null}
                {myOrgId && e.actorOrgId === myOrgId ? (
                  <Tag color="geekblue">{t('timeline.byUs')}</Tag>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.at)}
                </Typography.Text>
              </Flex>
              {extra ? <Typography.Text type="secondary">{extra}</Typography.Text> : null}
              {e.note ? (
                <Typography.Paragraph
                  style={{
                    whiteSpace: 'pre-wrap',
                    margin: '4px 0 0',
                    background: '#f7f9fc',
                    padding: '6px 10px',
                    borderRadius: 4,
                  }}
                >
                  {e.note}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
