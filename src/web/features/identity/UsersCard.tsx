import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { ROLES } from '../../lib/domain';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import type { Role, User } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';

/** Users of the admin's org: change role, disable/enable, revoke sessions (never on oneself). */
export function UsersCard() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orgId = me.org.id;
  const users = useAsync(() => api.users(orgId), [orgId]);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (userId: string, action: () => Promise<User | undefined>, done: string) => {
    setBusy(userId);
    try {
      const updated = await action();
      if (updated) users.setData((list) => list?.map((u) => (u.id === updated.id ? updated : u)));
      void message.success(done);
    } catch (err) {
      void message.error(describeError(t, err));
    } finally {
      setBusy(null);
    }
  };

  const setRole = (u: User, role: Role) =>
    run(u.id, () => api.updateUser(orgId, u.id, { role }), t('users.roleChanged', { name: u.name }));
  const toggle = (u: User) => {
    const status = u.status === 'active' ? 'disabled' : 'active';
    return run(
      u.id,
      () => api.updateUser(orgId, u.id, { status }),
      t(status === 'disabled' ? 'users.disabled' : 'users.enabled', { name: u.name }),
    );
  };
  const revoke = (u: User) =>
    run(
      u.id,
      async () => {
        await api.revokeSessions(orgId, u.id);
        return undefined;
      },
      t('users.sessionsRevoked', { name: u.name }),
    );

  const locked = (u: User) => u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now();

  return (
    <Card title={t('users.listTitle')} style={{ marginBottom: 20 }} data-testid="users-card">
      <ProblemAlert error={users.error} />
      <Table<User>
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: 'name', title: t('users.fields.name'), dataIndex: 'name' },
          { key: 'email', title: t('users.fields.email'), dataIndex: 'email' },
          {
            key: 'role',
            title: t('users.fields.role'),
            width: 150,
            render: (_v, u) =>
              u.id === me.user.id ? (
                <Tooltip title={t('users.selfHint')}>
                  <Tag color="geekblue">{t(`roles.${u.role}`)}</Tag>
                </Tooltip>
              ) : (
                <Select<Role>
                  size="small"
                  style={{ width: 120 }}
                  value={u.role}
                  disabled={busy === u.id}
                  onChange={(r) => void setRole(u, r)}
                  options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                  aria-label={t('users.fields.role')}
                />
              ),
          },
          {
            key: 'status',
            title: t('users.fields.status'),
            width: 140,
            render: (_v, u) => (
              <Space size={4}>
                <Tag color={u.status === 'active' ? 'green' : 'default'}>{t(`users.status.${u.status}`)}</Tag>
                {locked(u) ? (
                  <Tooltip title={t('users.lockedUntil', { time: formatTime(u.lockedUntil) })}>
                    <Tag color="red">{t('users.locked')}</Tag>
                  </Tooltip>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'lastLogin',
            title: t('users.fields.lastLoginAt'),
            width: 180,
            render: (_v, u) => formatTime(u.lastLoginAt),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 220,
            render: (_v, u) =>
              u.id === me.user.id ? null : (
                <Space size={0}>
                  <Popconfirm
                    title={t(u.status === 'active' ? 'users.confirmDisable' : 'users.confirmEnable', {
                      name: u.name,
                    })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => toggle(u)}
                  >
                    <Button type="link" size="small" danger={u.status === 'active'} disabled={busy === u.id}>
                      {t(u.status === 'active' ? 'users.disable' : 'users.enable')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('users.confirmRevoke', { name: u.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke(u)}
                  >
                    <Button type="link" size="small" disabled={busy === u.id}>
                      {t('users.revokeSessions')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
