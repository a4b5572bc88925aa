import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import type { ApiTokenT } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { CreateTokenModal } from './CreateTokenModal';

type TokenState = 'active' | 'revoked' | 'expired';

const stateOf = (tok: ApiTokenT, now = Date.now()): TokenState =>
  tok.revokedAt ? 'revoked' : tok.expiresAt && Date.parse(tok.expiresAt) <= now ? 'expired' : 'active';

const stateColor: Record<TokenState, string> = { active: 'green', revoked: 'default', expired: 'warning' };

/** The signed-in user's API tokens for machine clients: list, create (secret shown once), revoke. */
export default function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useAsync(() => api.tokens(), []);
  const [creating, setCreating] = useState(false);

  const revoke = async (tok: ApiTokenT) => {
    try {
      const updated = await api.revokeToken(tok.id);
      tokens.setData((list) => list?.map((x) => (x.id === updated.id ? updated : x)));
      void message.success(t('tokens.revoked', { name: tok.name }));
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  return (
    <div data-testid="tokens-page">
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="token-create"
          >
            {t('tokens.create')}
          </Button>
        }
      />
      <ProblemAlert error={tokens.error} />
      <Card>
        <Table<ApiTokenT>
          rowKey="id"
          loading={tokens.loading}
          dataSource={tokens.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('tokens.empty') }}
          columns={[
            { key: 'name', title: t('tokens.fields.name'), dataIndex: 'name' },
            {
              key: 'prefix',
              title: t('tokens.fields.prefix'),
              width: 160,
              render: (_v, x) => <Typography.Text code>{x.prefix}…</Typography.Text>,
            },
            {
              key: 'state',
              title: t('tokens.fields.state'),
              width: 100,
              render: (_v, x) => <Tag color={stateColor[stateOf(x)]}>{t(`tokens.state.${stateOf(x)}`)}</Tag>,
            },
            {
              key: 'created',
              title: t('tokens.fields.createdAt'),
              width: 170,
              render: (_v, x) => formatTime(x.createdAt),
            },
            {
              key: 'expires',
              title: t('tokens.fields.expiresAt'),
              width: 170,
              render: (_v, x) => (x.expiresAt ? formatTime(x.expiresAt) : t('tokens.never')),
            },
            {
              key: 'used',
              title: t('tokens.fields.lastUsedAt'),
              width: 170,
              render: (_v, x) => formatTime(x.lastUsedAt),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 90,
              render: (_v, x) =>
                stateOf(x) === 'active' ? (
                  <Popconfirm
                    title={t('tokens.confirmRevoke', { name: x.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke(x)}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tok) => tokens.setData((list) => [tok, ...(list ?? [])])}
      />
    </div>
  );
}
