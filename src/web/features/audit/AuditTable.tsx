import { Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { api } from '../../lib/api';
import { formatTime, shortId } from '../../lib/format';
import type { AuditEntry } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 };

/** Audit rows with the chain fields one click away (expand a row for data, hashes and request id). */
export function AuditTable({ items, loading }: { items: AuditEntry[]; loading: boolean }) {
  const me = useMe();
  const { t } = useTranslation();
  // Names for actors of the admin's own org; others show as a short id with the full id on hover.
  const users = useAsync(() => api.users(me.org.id), [me.org.id]);
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const actionLabel = (a: string) => t(`audit.actions.${a.replaceAll('.', '_')}`, { defaultValue: a });

  return (
    <Table<AuditEntry>
      rowKey="seq"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 980 }}
      locale={{ emptyText: t('audit.empty') }}
      expandable={{
        expandedRowRender: (e) => (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'hash', label: t('audit.fields.hash'), children: <span style={mono}>{e.hash}</span> },
              {
                key: 'prev',
                label: t('audit.fields.prevHash'),
                children: <span style={mono}>{e.prevHash}</span>,
              },
              { key: 'alg', label: t('audit.fields.alg'), children: e.alg.toUpperCase() },
              { key: 'req', label: t('audit.fields.requestId'), children: e.requestId ?? '—' },
              { key: 'org', label: t('audit.fields.orgId'), children: e.orgId ?? '—' },
              {
                key: 'data',
                label: t('audit.fields.data'),
                children: (
                  <pre style={{ ...mono, margin: 0, whiteSpace: 'pre-wrap' }}>
                    {JSON.stringify(e.data, null, 2)}
                  </pre>
                ),
              },
            ]}
          />
        ),
      }}
      columns={[
        { key: 'seq', title: t('audit.fields.seq'), dataIndex: 'seq', width: 80 },
        { key: 'at', title: t('audit.fields.at'), width: 180, render: (_v, e) => formatTime(e.at) },
        {
          key: 'action',
          title: t('audit.fields.action'),
          render: (_v, e) => (
            <Tooltip title={e.action}>
              <Tag color="blue">{actionLabel(e.action)}</Tag>
            </Tooltip>
          ),
        },
        {
          key: 'entity',
          title: t('audit.fields.entity'),
          render: (_v, e) => (
            <span>
              {t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType })}
              {e.entityId ? (
                <Tooltip title={e.entityId}>
                  <Typography.Text type="secondary" style={{ ...mono, marginInlineStart: 6 }}>
                    {shortId(e.entityId)}
                  </Typography.Text>
                </Tooltip>
              ) : null}
            </span>
          ),
        },
        {
          key: 'actor',
          title: t('audit.fields.actor'),
          render: (_v, e) =>
            e.actorUserId === null ? (
              <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
            ) : (
              <Tooltip title={e.actorUserId}>
                {names.get(e.actorUserId) ?? <span style={mono}>{shortId(e.actorUserId)}</span>}
              </Tooltip>
            ),
        },
        {
          key: 'hash',
          title: t('audit.fields.hashPrefix'),
          width: 150,
          render: (_v, e) => <span style={mono}>{e.hash.slice(0, 12)}</span>,
        },
      ]}
    />
  );
}
