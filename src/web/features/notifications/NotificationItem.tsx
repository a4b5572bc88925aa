import { Badge, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format';
import { notificationKey } from '../../lib/reports';
import type { NotificationT } from '../../lib/types';

// The server words notification bodies in English; the UI names each by kind and keeps only user-written text.
const USER_TEXT_KINDS = new Set(['vulnerability.fix-available']);

/** One notification: its kind in the UI language, the subject (report ref and title) and when it came. */
export function NotificationItem({ n }: { n: NotificationT }) {
  const { t } = useTranslation();
  const state = typeof n.data.state === 'string' ? n.data.state : null;
  // The server titles exposure notices in both languages at once; the count in `data` reads better in one.
  const created = n.kind === 'exposure.new' && typeof n.data.created === 'number' ? n.data.created : null;
  const subject = created === null ? n.title : t('notifications.newExposures', { count: created });
  const headline =
    n.kind === 'vulnerability.updated' && state
      ? t('notifications.stateChanged', { state: t(`reportStates.${state}`, { defaultValue: state }) })
      : t(notificationKey(n.kind), { defaultValue: n.kind });
  return (
    <Flex gap={10} align="flex-start" style={{ width: '100%' }} data-testid="notification" data-kind={n.kind}>
      <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 6 }} />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={!n.readAt}>{headline}</Typography.Text>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
          {subject}
          {USER_TEXT_KINDS.has(n.kind) && n.body ? ` — ${n.body}` : ''}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(n.createdAt)}
        </Typography.Text>
      </div>
    </Flex>
  );
}
