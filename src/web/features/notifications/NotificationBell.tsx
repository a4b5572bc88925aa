import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../lib/api';
import type { NotificationT, Page } from '../../lib/types';
import { NotificationItem } from './NotificationItem';

const POLL_MS = 30_000;
const PEEK = 50;

/** Header bell: unread count (polled, and refreshed on navigation), the newest unread in a dropdown. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState<Page<NotificationT> | null>(null);
  const [open, setOpen] = useState(false);

  const refresh = useCallback(() => {
    api.notifications({ unread: 'true', limit: PEEK }).then(setUnread, () => undefined);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page is a natural moment to look again.
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, pathname]);

  const count = unread?.items.length ?? 0;
  const go = async (n: NotificationT) => {
    setOpen(false);
    await api.readNotification(n.id).catch(() => undefined);
    refresh();
    if (n.link) navigate(n.link);
  };
  const readAll = async () => {
    await api.readAllNotifications().catch(() => undefined);
    refresh();
  };

  const content = (
    <div style={{ width: 380 }} data-testid="notification-dropdown">
      {count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.noneUnread')} />
      ) : (
        <List
          size="small"
          dataSource={unread?.items.slice(0, 8) ?? []}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer', paddingInline: 4 }} onClick={() => void go(n)}>
              <NotificationItem n={n} />
            </List.Item>
          )}
        />
      )}
      <Flex justify="space-between" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8, marginTop: 4 }}>
        <Button type="link" size="small" disabled={count === 0} onClick={() => void readAll()}>
          {t('notifications.readAll')}
        </Button>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
          data-testid="notifications-all"
        >
          {t('notifications.viewAll')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={<Typography.Text strong>{t('notifications.title')}</Typography.Text>}
      content={content}
    >
      <Badge count={count} overflowCount={PEEK - 1} size="small" data-testid="notification-count">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          aria-label={t('notifications.title')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
