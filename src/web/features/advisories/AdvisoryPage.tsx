import { ArrowLeftOutlined, DownloadOutlined, WifiOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CvssTags, GradeTag } from '../../components/ReportTags';
import { ADVISORY_FEED_URL, advisoryDocumentUrl, api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { useAsync } from '../../lib/useAsync';

const FORMATS = ['csaf', 'cve', 'osv'] as const;

/** One public advisory: affected and fixed versions, scores, remediation, and its machine-readable exports. */
export default function AdvisoryPage() {
  const { ref = '' } = useParams();
  const { t } = useTranslation();
  const a = useAsync(() => api.advisory(ref), [ref]);

  if (a.error) {
    return a.error instanceof ApiError && (a.error.status === 404 || a.error.status === 400) ? (
      <Result
        status="404"
        title={t('advisories.notFound')}
        extra={<Link to="/advisories">{t('advisories.back')}</Link>}
      />
    ) : (
      <ProblemAlert error={a.error} />
    );
  }
  if (!a.data) return <FullPageSpin />;
  const d = a.data;
  const tags = (xs: string[]) => (xs.length ? xs.map((v) => <Tag key={v}>{v}</Tag>) : '—');

  return (
    <div data-testid="advisory-page">
      <Link to="/advisories" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('advisories.back')}
      </Link>
      <Card style={{ marginBottom: 20 }}>
        <Space size={8} wrap>
          <Typography.Text code data-testid="advisory-ref">
            {d.ref}
          </Typography.Text>
          {d.gbtGrade ? <GradeTag grade={d.gbtGrade} /> : null}
          <Tag>{t('advisories.revision', { n: d.revision })}</Tag>
        </Space>
        <Typography.Title level={2} style={{ margin: '12px 0 4px' }} data-testid="advisory-title">
          {d.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {d.vendorName} · {[d.productName, d.productModel].filter(Boolean).join(' ')} ·{' '}
          {t('advisories.publishedAt', { time: formatTime(d.publishedAt) })}
        </Typography.Text>
      </Card>
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={20}>
            <Card title={t('advisories.description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {d.description}
              </Typography.Paragraph>
            </Card>
            <Card title={t('advisories.remediation')} data-testid="advisory-remediation">
              <Tag color="green" style={{ marginBottom: 8 }}>
                {t(`fixKinds.${d.remediation.kind}`)}
              </Tag>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {d.remediation.description}
              </Typography.Paragraph>
              {d.remediation.url ? (
                <a href={d.remediation.url} target="_blank" rel="noreferrer noopener">
                  {d.remediation.url}
                </a>
              ) : null}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={20}>
            <Card title={t('advisories.details')} size="small">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'vendor', label: t('reports.fields.vendor'), children: d.vendorName },
                  {
                    key: 'product',
                    label: t('reports.fields.product'),
                    children: [d.productName, d.productModel].filter(Boolean).join(' '),
                  },
                  { key: 'affected', label: t('advisories.affected'), children: tags(d.affectedVersions) },
                  { key: 'fixed', label: t('advisories.fixed'), children: tags(d.fixedVersions) },
                  { key: 'cwe', label: 'CWE', children: d.cwe ?? '—' },
                  { key: 'cvss', label: t('reports.fields.cvss'), children: <CvssTags cvss={d.cvss} /> },
                  {
                    key: 'grade',
                    label: t('reports.fields.gbtGrade'),
                    children: <GradeTag grade={d.gbtGrade} />,
                  },
                  ...Object.entries(d.externalIds).map(([k, v]) => ({
                    key: k,
                    label: k.toUpperCase(),
                    children: v,
                  })),
                ]}
              />
            </Card>
            <Card title={t('advisories.downloads')} size="small" data-testid="advisory-downloads">
              <Flex vertical gap={8}>
                {FORMATS.map((f) => {
                  const missing = f === 'cve' && !d.externalIds.cve;
                  const button = (
                    <Button
                      key={f}
                      block
                      icon={<DownloadOutlined />}
                      disabled={missing}
                      data-testid={`download-${f}`}
                    >
                      {t(`advisories.formats.${f}`)}
                    </Button>
                  );
                  return missing ? (
                    <Tooltip key={f} title={t('advisories.noCve')}>
                      {button}
                    </Tooltip>
                  ) : (
                    <a key={f} href={advisoryDocumentUrl(d.ref, f)} target="_blank" rel="noreferrer">
                      {button}
                    </a>
                  );
                })}
                <a href={ADVISORY_FEED_URL} target="_blank" rel="noreferrer">
                  <Button block type="link" icon={<WifiOutlined rotate={45} />}>
                    {t('advisories.feed')}
                  </Button>
                </a>
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
