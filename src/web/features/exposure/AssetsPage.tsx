import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canManageAssets } from '../../app/access';
import { useMe } from '../../app/session';
import { AssetKindTag } from '../../components/ExposureTags';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { Asset, ProductT } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { RegisterAssetModal } from './RegisterAssetModal';

/** Totals over the org's assets for the summary row. */
const totals = (assets: Asset[]) => ({
  assets: assets.length,
  withSbom: assets.filter((a) => a.sbom).length,
  components: assets.reduce((n, a) => n + a.componentCount, 0),
  open: assets.reduce((n, a) => n + a.openExposures, 0),
});

/** The org's assets (systems and devices, or product releases) with their SBOM and open exposures. */
export default function AssetsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const vendor = me.org.kind === 'vendor';
  const list = useAsync(() => api.assets(), []);
  const products = useAsync(
    async (): Promise<ProductT[]> => (vendor ? (await api.vendorProducts(me.org.id)).items : []),
    [vendor, me.org.id],
  );
  const [registering, setRegistering] = useState(false);
  const assets = list.data ?? [];
  const sum = totals(assets);
  const productName = (id: string | null) => {
    const p = products.data?.find((x) => x.id === id);
    return p ? [p.name, p.model].filter(Boolean).join(' · ') : '—';
  };

  const columns: ColumnsType<Asset> = [
    {
      key: 'name',
      title: t('assets.fields.name'),
      render: (_v, a) => (
        <div style={{ minWidth: 180 }}>
          <Link to={`/inventory/${a.id}`} data-testid="asset-link">
            <Typography.Text strong>{a.name}</Typography.Text>
          </Link>
          {a.description ? (
            <Typography.Paragraph type="secondary" ellipsis style={{ margin: 0, fontSize: 12 }}>
              {a.description}
            </Typography.Paragraph>
          ) : null}
        </div>
      ),
    },
    vendor
      ? {
          key: 'release',
          title: t('assets.fields.release'),
          width: 240,
          render: (_v, a) => (
            <span>
              {productName(a.productId)} <Tag color="purple">{a.releaseVersion ?? '—'}</Tag>
            </span>
          ),
        }
      : {
          key: 'kind',
          title: t('assets.fields.kind'),
          width: 110,
          render: (_v, a) => <AssetKindTag kind={a.kind} />,
        },
    {
      key: 'sbom',
      title: t('assets.fields.sbom'),
      width: 150,
      render: (_v, a) =>
        a.sbom ? (
          <Tag color="blue">{`${a.sbom.format} ${a.sbom.specVersion}`}</Tag>
        ) : (
          <Tag>{t('assets.noSbom')}</Tag>
        ),
    },
    {
      key: 'components',
      title: t('assets.fields.components'),
      width: 130,
      align: 'right',
      render: (_v, a) => (
        <Flex vertical align="flex-end">
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{a.componentCount.toLocaleString()}</span>
          {a.unsupportedCount ? (
            <Tooltip title={t('assets.unsupportedHint')}>
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('assets.unmatchable', { count: a.unsupportedCount })}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'open',
      title: t('assets.fields.openExposures'),
      width: 130,
      align: 'right',
      render: (_v, a) =>
        a.openExposures ? (
          <Link to={`/exposures?assetId=${a.id}`} data-testid="asset-open-exposures">
            <Badge count={a.openExposures} overflowCount={9999} />
          </Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      key: 'uploaded',
      title: t('assets.fields.uploadedAt'),
      width: 170,
      render: (_v, a) => formatTime(a.sbom?.uploadedAt),
    },
  ];

  return (
    <div data-testid="assets-page">
      <PageHeader
        title={t('assets.title')}
        subtitle={vendor ? t('assets.subtitleVendor') : t('assets.subtitle')}
        extra={
          canManageAssets(me) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="asset-register"
            >
              {t('assets.register')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert error={list.error} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(
          [
            ['assets', sum.assets],
            ['withSbom', sum.withSbom],
            ['components', sum.components],
            ['open', sum.open],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} lg={6} key={key}>
            <Card size="small" loading={list.loading && !list.data}>
              <Statistic
                title={t(`assets.stats.${key}`)}
                value={value}
                styles={key === 'open' && value ? { content: { color: '#cf1322' } } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Table<Asset>
          rowKey="id"
          loading={list.loading}
          dataSource={assets}
          columns={columns}
          pagination={assets.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          onRow={(a) => ({ onDoubleClick: () => navigate(`/inventory/${a.id}`) })}
          locale={{
            emptyText: (
              <Empty description={vendor ? t('assets.emptyVendor') : t('assets.empty')}>
                {canManageAssets(me) ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                    {t('assets.register')}
                  </Button>
                ) : null}
              </Empty>
            ),
          }}
        />
      </Card>
      <RegisterAssetModal
        open={registering}
        onClose={() => setRegistering(false)}
        onCreated={(a) => {
          setRegistering(false);
          navigate(`/inventory/${a.id}`);
        }}
      />
    </div>
  );
}
