import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { NotificationT } from '../../lib/types';
import { useKeyset } from '../../lib/useKeyset';
import { NotificationItem } from './NotificationItem';

type Filter = 'all' | 'unread';

/** Every in-app notification of the signed-in user, newest first, with read markers. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useKeyset(
    (before) => api.notifications({ unread: filter === 'unread' ? 'true' : undefined, before, limit: 30 }),
    [filter],
  );

  const open = async (n: NotificationT) => {
    if (!n.readAt) await api.readNotification(n.id).catch(() => undefined);
    if (n.link) navigate(n.link);
    else list.reload();
  };

  return (
    <div data-testid="notifications-page">
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        extra={
          <Button
            icon={<CheckOutlined />}
            onClick={() => void api.readAllNotifications().then(list.reload, list.reload)}
          >
            {t('notifications.readAll')}
          </Button>
        }
      />
      <ProblemAlert error={list.error} />
      <Card>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unread') },
          ]}
          style={{ marginBottom: 12 }}
        />
        <List
          loading={list.loading && list.items.length === 0}
          dataSource={list.items}
          locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.link ? 'pointer' : undefined }}
              onClick={() => void open(n)}
              extra={
                n.readAt ? null : (
                  <Button type="link" size="small">
                    {t('notifications.open')}
                  </Button>
                )
              }
            >
              <NotificationItem n={n} />
            </List.Item>
          )}
        />
        {list.more ? (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={list.more}>{t('common.loadMore')}</Button>
          </Flex>
        ) : null}
      </Card>
    </div>
  );
}
