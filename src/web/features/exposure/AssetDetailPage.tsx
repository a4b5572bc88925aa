import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canManageAssets } from '../../app/access';
import { useMe } from '../../app/session';
import { AssetKindTag } from '../../components/ExposureTags';
import { FullPageSpin } from '../../components/FullPageSpin';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api, vexUrl } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { useAsync } from '../../lib/useAsync';
import { ExposureTable } from './ExposureTable';
import { SbomUpload } from './SbomUpload';

/** A file name for the VEX download: the asset's name, kept to characters every file system accepts. */
const vexFileName = (name: string) => `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.vex.cdx.json`;

/** One asset: its SBOM (upload or replace), the VEX export and its open exposures. */
export default function AssetDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t } = useTranslation();
  const loaded = useAsync(() => api.asset(id), [id]);
  const product = useAsync(
    async () => (loaded.data?.productId ? api.vendorProducts(loaded.data.orgId, 200) : null),
    [loaded.data?.productId, loaded.data?.orgId],
  );
  const [uploads, setUploads] = useState(0);
  const a = loaded.data;

  if (loaded.error) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return missing ? (
      <Result
        status="404"
        title={t('assets.notFound')}
        extra={<Link to="/inventory">{t('assets.back')}</Link>}
      />
    ) : (
      <ProblemAlert error={loaded.error} />
    );
  }
  if (!a) return <FullPageSpin />;
  const manages = canManageAssets(me) && a.orgId === me.org.id;
  const p = product.data?.items.find((x) => x.id === a.productId);

  return (
    <div data-testid="asset-detail">
      <Link to="/inventory" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('assets.back')}
      </Link>
      <Card style={{ marginBottom: 20 }}>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Space size={8} wrap>
              <AssetKindTag kind={a.kind} />
              {a.releaseVersion ? <Tag color="purple">{a.releaseVersion}</Tag> : null}
              {a.sbom ? (
                <Tag color="blue">{`${a.sbom.format} ${a.sbom.specVersion}`}</Tag>
              ) : (
                <Tag>{t('assets.noSbom')}</Tag>
              )}
            </Space>
            <Typography.Title level={3} style={{ margin: '10px 0 4px' }} data-testid="asset-name">
              {a.name}
            </Typography.Title>
            <Typography.Text type="secondary">
              {p
                ? [p.name, p.model].filter(Boolean).join(' · ')
                : (a.description ?? t('assets.noDescription'))}
            </Typography.Text>
          </div>
          <Space wrap>
            <Link to={`/exposures?assetId=${a.id}`}>
              <Button>{t('assets.allExposures')}</Button>
            </Link>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={vexUrl(a.id)}
              download={vexFileName(a.name)}
              disabled={!a.sbom}
              data-testid="vex-download"
            >
              {t('assets.vex')}
            </Button>
          </Space>
        </Flex>
      </Card>

      <Row gutter={[20, 20]}>
        <Col xs={24} lg={15}>
          <Card
            title={a.sbom ? t('sbom.replaceTitle') : t('sbom.uploadTitle')}
            extra={
              a.sbom ? <Typography.Text type="secondary">{t('sbom.replaceHint')}</Typography.Text> : null
            }
          >
            {manages ? (
              <SbomUpload
                assetId={a.id}
                onUploaded={() => {
                  loaded.reload();
                  setUploads((n) => n + 1);
                }}
              />
            ) : (
              <Typography.Text type="secondary">{t('sbom.readOnly')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('assets.sbomCard')} data-testid="asset-sbom-card">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'format',
                  label: t('assets.fields.sbom'),
                  children: a.sbom ? `${a.sbom.format} ${a.sbom.specVersion}` : t('assets.noSbom'),
                },
                {
                  key: 'uploaded',
                  label: t('assets.fields.uploadedAt'),
                  children: formatTime(a.sbom?.uploadedAt),
                },
                {
                  key: 'components',
                  label: t('assets.fields.components'),
                  children: <span data-testid="asset-components">{a.componentCount.toLocaleString()}</span>,
                },
                {
                  key: 'unsupported',
                  label: t('assets.fields.unmatchable'),
                  children: a.unsupportedCount.toLocaleString(),
                },
                {
                  key: 'open',
                  label: t('assets.fields.openExposures'),
                  children: (
                    <Typography.Text
                      type={a.openExposures ? 'danger' : undefined}
                      strong={a.openExposures > 0}
                    >
                      {a.openExposures}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'sha',
                  label: 'SHA-256',
                  children: a.sbom ? (
                    <Typography.Text code copyable={{ text: a.sbom.sha256 }} style={{ fontSize: 12 }}>
                      {a.sbom.sha256.slice(0, 16)}…
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
                },
                { key: 'created', label: t('assets.fields.createdAt'), children: formatTime(a.createdAt) },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('assets.openExposuresCard')}>
            <ExposureTable filter={{ assetId: a.id, open: 'true' }} showAsset={false} version={uploads} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
