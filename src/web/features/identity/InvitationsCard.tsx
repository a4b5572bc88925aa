import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import type { Invitation } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { InviteModal } from './InviteModal';

const statusColor: Record<Invitation['status'], string> = {
  pending: 'processing',
  accepted: 'success',
  revoked: 'default',
  expired: 'warning',
};

/** Invitations of the admin's org: list, invite (one-time link), revoke pending ones. */
export function InvitationsCard() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orgId = me.org.id;
  const invitations = useAsync(() => api.invitations(orgId), [orgId]);
  const [inviting, setInviting] = useState(false);

  const revoke = async (inv: Invitation) => {
    try {
      const updated = await api.revokeInvitation(orgId, inv.id);
      invitations.setData((list) => list?.map((i) => (i.id === updated.id ? updated : i)));
      void message.success(t('invitations.revoked', { email: inv.email }));
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  return (
    <Card
      title={t('invitations.title')}
      extra={
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => setInviting(true)}
          data-testid="invite-open"
        >
          {t('invitations.invite')}
        </Button>
      }
      data-testid="invitations-card"
    >
      <ProblemAlert error={invitations.error} />
      <Table<Invitation>
        rowKey="id"
        loading={invitations.loading}
        dataSource={invitations.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('invitations.empty') }}
        columns={[
          { key: 'email', title: t('users.fields.email'), dataIndex: 'email' },
          {
            key: 'role',
            title: t('users.fields.role'),
            width: 120,
            render: (_v, i) => <Tag>{t(`roles.${i.role}`)}</Tag>,
          },
          {
            key: 'status',
            title: t('users.fields.status'),
            width: 120,
            render: (_v, i) => <Tag color={statusColor[i.status]}>{t(`invitations.status.${i.status}`)}</Tag>,
          },
          {
            key: 'created',
            title: t('invitations.createdAt'),
            width: 180,
            render: (_v, i) => formatTime(i.createdAt),
          },
          {
            key: 'expires',
            title: t('invitations.expiresAt'),
            width: 180,
            render: (_v, i) => formatTime(i.expiresAt),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            render: (_v, i) =>
              i.status === 'pending' ? (
                <Popconfirm
                  title={t('invitations.confirmRevoke', { email: i.email })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke(i)}
                >
                  <Button type="link" size="small" danger>
                    {t('common.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <InviteModal
        open={inviting}
        onClose={() => setInviting(false)}
        onCreated={(inv) => invitations.setData((list) => [inv, ...(list ?? [])])}
      />
    </Card>
  );
}
