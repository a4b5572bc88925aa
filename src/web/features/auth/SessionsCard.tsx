import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { authApi, type SessionT } from './api';

/** The user's live sessions; each can be signed out, this one included (which ends up at the login page). */
export function SessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const sessions = useAsync(() => authApi.sessions(), []);

  const revoke = async (s: SessionT) => {
    try {
      await authApi.revokeSession(s.id);
      if (s.current) {
        await refresh();
        return;
      }
      sessions.setData((list) => list?.filter((x) => x.id !== s.id));
      void message.success(t('account.sessions.revoked'));
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  return (
    <Card title={t('account.sessions.title')} data-testid="account-sessions">
      <Typography.Paragraph type="secondary">{t('account.sessions.hint')}</Typography.Paragraph>
      <ProblemAlert error={sessions.error} />
      <Table<SessionT>
        rowKey="id"
        size="small"
        loading={sessions.loading}
        dataSource={sessions.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('account.sessions.device'),
            key: 'device',
            render: (_v, s) => (
              <>
                <Typography.Text ellipsis style={{ maxWidth: 360 }} title={s.userAgent ?? undefined}>
                  {s.userAgent ?? t('account.sessions.unknownDevice')}
                </Typography.Text>
                {s.current ? (
                  <Tag color="blue" style={{ marginLeft: 8 }} data-testid="session-current">
                    {t('account.sessions.current')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: t('account.sessions.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          { title: t('account.sessions.created'), dataIndex: 'createdAt', render: formatTime },
          { title: t('account.sessions.lastSeen'), dataIndex: 'lastSeenAt', render: formatTime },
          { title: t('account.sessions.expires'), dataIndex: 'expiresAt', render: formatTime },
          {
            title: '',
            key: 'actions',
            align: 'right',
            render: (_v, s) => (
              <Popconfirm
                title={s.current ? t('account.sessions.confirmCurrent') : t('account.sessions.confirm')}
                onConfirm={() => revoke(s)}
              >
                <Button size="small" danger data-testid={`session-revoke-${s.id}`}>
                  {t('account.sessions.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
