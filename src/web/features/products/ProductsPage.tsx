import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageProducts } from '../../app/access';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { ProductT } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { ProductDrawer } from './ProductDrawer';
import { ProductFormModal } from './ProductFormModal';
import { rangeText } from './versionRange';

/** A vendor's network products: versions, affected ranges, purl and CPE, upstream components and release SBOMs. */
export default function ProductsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAsync(() => api.vendorProducts(me.org.id), [me.org.id]);
  const [editing, setEditing] = useState<ProductT | null | 'new'>(null);
  const [viewing, setViewing] = useState<ProductT | null>(null);
  const products = list.data?.items ?? [];
  const manages = canManageProducts(me);

  return (
    <div data-testid="products-page">
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        extra={
          manages ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="product-new"
            >
              {t('products.register')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert error={list.error} />
      <Card>
        <Table<ProductT>
          rowKey="id"
          loading={list.loading}
          dataSource={products}
          pagination={false}
          scroll={{ x: 960 }}
          onRow={(p) => ({ onDoubleClick: () => setViewing(p) })}
          locale={{ emptyText: <Empty description={t('products.empty')} /> }}
          columns={[
            {
              key: 'name',
              title: t('products.fields.name'),
              render: (_v, p) => (
                <div style={{ minWidth: 180 }}>
                  <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setViewing(p)}>
                    <Typography.Text strong>{p.name}</Typography.Text>
                  </Button>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.model ?? '—'}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              key: 'versions',
              title: t('products.fields.versions'),
              width: 220,
              render: (_v, p) => (p.versions.length ? p.versions.map((v) => <Tag key={v}>{v}</Tag>) : '—'),
            },
            {
              key: 'ranges',
              title: t('products.fields.versionRanges'),
              width: 160,
              render: (_v, p) =>
                p.versionRanges.length
                  ? p.versionRanges.map((r) => (
                      <Tag key={rangeText(r)} color="orange">
                        {rangeText(r)}
                      </Tag>
                    ))
                  : '—',
            },
            {
              key: 'ids',
              title: t('products.fields.identifiers'),
              width: 300,
              render: (_v, p) => (
                <div style={{ fontSize: 12 }}>
                  <div>
                    <Typography.Text type="secondary">purl </Typography.Text>
                    <Typography.Text code style={{ wordBreak: 'break-all' }}>
                      {p.purl ?? '—'}
                    </Typography.Text>
                  </div>
                  <div>
                    <Typography.Text type="secondary">CPE </Typography.Text>
                    <Typography.Text code style={{ wordBreak: 'break-all' }}>
                      {p.cpe ?? '—'}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              key: 'updated',
              title: t('products.fields.updatedAt'),
              width: 170,
              render: (_v, p) => formatTime(p.updatedAt),
            },
          ]}
        />
      </Card>
      <ProductDrawer product={viewing} onClose={() => setViewing(null)} onEdit={(p) => setEditing(p)} />
      <ProductFormModal
        open={editing !== null}
        product={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          message.success(t('products.saved', { name: p.name }));
          setEditing(null);
          if (viewing?.id === p.id) setViewing(p);
          list.reload();
        }}
      />
    </div>
  );
}
