import { NodeIndexOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StateTag } from '../../components/ReportTags';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { Report } from '../../lib/types';
import { useKeyset } from '../../lib/useKeyset';
import { AssignVendorModal } from './AssignVendorModal';

/** The ministry's coordination queue: reports on products with no vendor on the platform, to be routed. */
export default function UnroutedPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useKeyset((cursor) => api.reports({ unrouted: 'true', cursor, limit: 50 }), []);
  const [target, setTarget] = useState<Report | null>(null);

  return (
    <div data-testid="unrouted-page">
      <PageHeader title={t('unrouted.title')} subtitle={t('unrouted.subtitle')} />
      <ProblemAlert error={list.error} />
      <Card>
        <Table<Report>
          rowKey="id"
          loading={list.loading && list.items.length === 0}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('unrouted.empty')} /> }}
          columns={[
            {
              key: 'ref',
              title: t('reports.fields.ref'),
              width: 150,
              render: (_v, r) => (
                <Link to={`/vulnerabilities/${r.id}`}>
                  <Typography.Text code>{r.ref}</Typography.Text>
                </Link>
              ),
            },
            { key: 'title', title: t('reports.fields.title'), dataIndex: 'title' },
            {
              key: 'product',
              title: t('unrouted.namedProduct'),
              render: (_v, r) => (
                <span>
                  {[r.productName, r.productModel].filter(Boolean).join(' · ')}
                  <Typography.Text type="secondary"> — {r.vendorName ?? '—'}</Typography.Text>
                </span>
              ),
            },
            {
              key: 'state',
              title: t('reports.fields.state'),
              width: 120,
              render: (_v, r) => <StateTag state={r.state} />,
            },
            {
              key: 'reporter',
              title: t('reports.fields.reporter'),
              width: 140,
              render: (_v, r) => <Tag>{t(`reporterKinds.${r.reporterKind}`)}</Tag>,
            },
            {
              key: 'created',
              title: t('reports.fields.createdAt'),
              width: 170,
              render: (_v, r) => formatTime(r.createdAt),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 130,
              render: (_v, r) => (
                <Button type="primary" size="small" icon={<NodeIndexOutlined />} onClick={() => setTarget(r)}>
                  {t('assign.open')}
                </Button>
              ),
            },
          ]}
        />
        {list.more ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={list.more}>{t('common.loadMore')}</Button>
          </Flex>
        ) : null}
      </Card>
      <AssignVendorModal
        report={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          message.success(t('assign.done'));
          list.reload();
        }}
      />
    </div>
  );
}
