import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Drawer, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canManageAssets, canManageProducts } from '../../app/access';
import { useMe } from '../../app/session';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { Asset, ProductT } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { RegisterAssetModal } from '../exposure/RegisterAssetModal';
import { ComponentsCard } from './ComponentsCard';
import { rangeText } from './versionRange';

/** One product: its identifiers, upstream components and the released versions that carry an SBOM. */
export function ProductDrawer({
  product,
  onClose,
  onEdit,
}: {
  product: ProductT | null;
  onClose: () => void;
  onEdit: (p: ProductT) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [registering, setRegistering] = useState(false);
  const assets = useAsync(async (): Promise<Asset[]> => (product ? api.assets() : []), [product?.id]);
  const releases = (assets.data ?? []).filter((a) => a.productId === product?.id);
  const p = product;

  return (
    <Drawer
      open={p !== null}
      onClose={onClose}
      size={760}
      title={p ? [p.name, p.model].filter(Boolean).join(' · ') : ''}
      data-testid="product-drawer"
      extra={
        p && canManageProducts(me) ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(p)}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {p ? (
        <Flex vertical gap={16}>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 160 } }}
            items={[
              { key: 'model', label: t('products.fields.model'), children: p.model ?? '—' },
              {
                key: 'versions',
                label: t('products.fields.versions'),
                children: p.versions.length ? p.versions.map((v) => <Tag key={v}>{v}</Tag>) : '—',
              },
              {
                key: 'ranges',
                label: t('products.fields.versionRanges'),
                children: p.versionRanges.length
                  ? p.versionRanges.map((r) => (
                      <Tag key={rangeText(r)} color="orange">
                        {rangeText(r)}
                      </Tag>
                    ))
                  : '—',
              },
              {
                key: 'purl',
                label: 'purl',
                children: p.purl ? (
                  <Typography.Text code copyable>
                    {p.purl}
                  </Typography.Text>
                ) : (
                  '—'
                ),
              },
              {
                key: 'cpe',
                label: 'CPE 2.3',
                children: p.cpe ? (
                  <Typography.Text code copyable>
                    {p.cpe}
                  </Typography.Text>
                ) : (
                  '—'
                ),
              },
              { key: 'updated', label: t('products.fields.updatedAt'), children: formatTime(p.updatedAt) },
            ]}
          />
          <ComponentsCard productId={p.id} editable={canManageProducts(me)} />
          <Card
            size="small"
            title={t('products.releases.title')}
            extra={
              canManageAssets(me) ? (
                <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                  {t('products.releases.add')}
                </Button>
              ) : null
            }
          >
            <List<Asset>
              size="small"
              loading={assets.loading}
              dataSource={releases}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.releases.empty')} />
                ),
              }}
              renderItem={(a) => (
                <List.Item
                  style={{ paddingInline: 0 }}
                  extra={
                    a.openExposures ? (
                      <Tag color="red">{t('products.releases.open', { count: a.openExposures })}</Tag>
                    ) : (
                      <Tag>{a.sbom ? t('products.releases.clean') : t('assets.noSbom')}</Tag>
                    )
                  }
                >
                  <Flex gap={8} align="center">
                    <Tag color="purple">{a.releaseVersion}</Tag>
                    <Link to={`/inventory/${a.id}`}>{a.name}</Link>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      ) : null}
      <RegisterAssetModal
        open={registering}
        productId={p?.id}
        onClose={() => setRegistering(false)}
        onCreated={(a) => {
          setRegistering(false);
          navigate(`/inventory/${a.id}`);
        }}
      />
    </Drawer>
  );
}
