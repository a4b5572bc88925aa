import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemSource } from '../../lib/exposure';
import type { AdvisoryImportResult } from '../../lib/types';

const WARN = '#d48806';
type Problem = AdvisoryImportResult['problems'][number];

/** What an advisory import brought in (records, ranges, what could not be used and why) and what it matched. */
export function AdvisoryImportResultCard({
  result,
  fileName,
}: {
  result: AdvisoryImportResult;
  fileName: string;
}) {
  const { t } = useTranslation();
  const { counts } = result;
  const stat = (key: string, value: number, warn = false) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Tooltip title={t(`advisoryImport.hints.${key}`)}>
        <div data-testid={`import-count-${key}`} data-value={value}>
          <Statistic
            title={t(`advisoryImport.counts.${key}`)}
            value={value}
            styles={warn && value ? { content: { color: WARN } } : undefined}
          />
        </div>
      </Tooltip>
    </Col>
  );
  const byType = Object.entries(counts.unsupportedByType).sort((a, b) => b[1] - a[1]);
  const bySource = Object.entries(counts.bySource).sort((a, b) => b[1] - a[1]);

  return (
    <Flex vertical gap={16} data-testid="import-result">
      <Card size="small">
        <Flex gap={10} align="center" wrap style={{ marginBottom: 12 }}>
          <CheckCircleFilled style={{ color: '#389e0d', fontSize: 20 }} />
          <Typography.Text strong style={{ fontSize: 15 }}>
            {t('advisoryImport.done', { count: counts.records })}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
            {fileName}
          </Typography.Text>
          {bySource.map(([source, n]) => (
            <Tag key={source} color="geekblue">
              {source} · {n.toLocaleString()}
            </Tag>
          ))}
        </Flex>
        <Typography.Text type="secondary">{t('advisoryImport.groups.records')}</Typography.Text>
        <Row gutter={[16, 12]} style={{ margin: '8px 0 16px' }}>
          {stat('records', counts.records)}
          {stat('withdrawn', counts.withdrawn)}
          {stat('packages', counts.packages)}
          {stat('ranges', counts.ranges)}
          {stat('unsupported', counts.unsupported, true)}
          {stat('problems', counts.problems, true)}
        </Row>
        <Typography.Text type="secondary">{t('advisoryImport.groups.matching')}</Typography.Text>
        <Row gutter={[16, 12]} style={{ marginTop: 8 }}>
          {stat('exposures', result.exposures)}
          {stat('newExposures', result.newExposures, true)}
          {stat('affectedOrgs', result.affectedOrgs, true)}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('advisoryImport.unsupportedTitle')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('advisoryImport.unsupportedHint')}
            </Typography.Paragraph>
            <Table<{ type: string; n: number }>
              size="small"
              rowKey="type"
              pagination={false}
              dataSource={byType.map(([type, n]) => ({ type, n }))}
              data-testid="import-unsupported"
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t('advisoryImport.noUnsupported')}
                  />
                ),
              }}
              columns={[
                {
                  key: 'type',
                  title: t('advisoryImport.rangeType'),
                  render: (_v, r) => <Tag color="gold">{r.type}</Tag>,
                },
                {
                  key: 'n',
                  title: t('advisoryImport.rangeCount'),
                  align: 'right',
                  render: (_v, r) => r.n.toLocaleString(),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('advisoryImport.problemsTitle')} style={{ height: '100%' }}>
            {counts.problems > result.problems.length ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title={t('advisoryImport.problemsTruncated', {
                  shown: result.problems.length,
                  total: counts.problems,
                })}
              />
            ) : null}
            <Table<Problem & { key: number }>
              size="small"
              pagination={result.problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              dataSource={result.problems.map((p, key) => ({ ...p, key }))}
              data-testid="import-problems"
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('advisoryImport.noProblems')} />
                ),
              }}
              columns={[
                {
                  key: 'source',
                  title: t('advisoryImport.problemSource'),
                  width: 220,
                  render: (_v, p) => (
                    <Typography.Text code style={{ wordBreak: 'break-all' }}>
                      {problemSource(p.source, fileName)}
                    </Typography.Text>
                  ),
                },
                { key: 'reason', title: t('advisoryImport.problemReason'), dataIndex: 'reason' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
