import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Col, Flex, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SbomUploadResult } from '../../lib/types';

const WARN = '#d48806';

/** What an SBOM upload parsed and matched: components by matchability and ecosystem, and the exposure changes. */
export function SbomResult({ result, fileName }: { result: SbomUploadResult; fileName: string }) {
  const { t } = useTranslation();
  const { counts } = result;
  const stat = (key: string, value: number, warn = false) => (
    <Col xs={12} md={6} key={key}>
      <Tooltip title={t(`sbom.hints.${key}`)}>
        <div data-testid={`sbom-count-${key}`} data-value={value}>
          <Statistic
            title={t(`sbom.counts.${key}`)}
            value={value}
            styles={warn && value ? { content: { color: WARN } } : undefined}
          />
        </div>
      </Tooltip>
    </Col>
  );
  const ecosystems = Object.entries(counts.byEcosystem).sort((a, b) => b[1] - a[1]);
  return (
    <Card size="small" data-testid="sbom-result" style={{ background: '#fbfdff' }}>
      <Flex gap={10} align="center" wrap style={{ marginBottom: 12 }}>
        <CheckCircleFilled style={{ color: '#389e0d', fontSize: 20 }} />
        <Typography.Text strong style={{ fontSize: 15 }}>
          {t('sbom.accepted', { format: result.format, version: result.specVersion })}
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
          {fileName}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary">{t('sbom.groups.components')}</Typography.Text>
      <Row gutter={[16, 12]} style={{ margin: '8px 0 16px' }}>
        {stat('components', counts.components)}
        {stat('matchable', counts.matchable)}
        {stat('withoutPurl', counts.withoutPurl, true)}
        {stat('unsupportedPurl', counts.unsupportedPurl, true)}
        {stat('invalidPurl', counts.invalidPurl, true)}
        {stat('matchableWithoutVersion', counts.matchableWithoutVersion, true)}
      </Row>
      {ecosystems.length ? (
        <Flex gap={6} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('sbom.byEcosystem')}</Typography.Text>
          {ecosystems.map(([eco, n]) => (
            <Tag key={eco} color="geekblue" data-testid="sbom-ecosystem">
              {eco} · {n.toLocaleString()}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Typography.Text type="secondary">{t('sbom.groups.matching')}</Typography.Text>
      <Row gutter={[16, 12]} style={{ marginTop: 8 }}>
        {stat('exposures', result.exposures)}
        {stat('newExposures', result.newExposures, true)}
        {stat('resolvedExposures', result.resolvedExposures)}
      </Row>
    </Card>
  );
}
