import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Popover, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SeverityTag } from '../../components/ExposureTags';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { ComponentAdvisory } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';

/** A package version as the matcher keys it. */
export interface PackageVersion {
  ecosystem: string;
  name: string;
  version: string;
}

/** Every advisory in the matching index that hits one package version, loaded when shown. */
export function ComponentAdvisories({ pkg }: { pkg: PackageVersion }) {
  const { t } = useTranslation();
  const { ecosystem, name, version } = pkg;
  const found = useAsync(
    () => api.componentAdvisories({ ecosystem, name, version }),
    [ecosystem, name, version],
  );
  if (found.error) return <ProblemAlert error={found.error} />;
  if (found.loading && !found.data) return <Skeleton active paragraph={{ rows: 2 }} title={false} />;
  return (
    <List<ComponentAdvisory>
      size="small"
      dataSource={found.data ?? []}
      data-testid="component-advisories"
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exposures.advisories.empty')} />
        ),
      }}
      renderItem={(a) => (
        <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="component-advisory">
          <Flex gap={6} align="center" wrap>
            <Typography.Text code strong>
              {a.id}
            </Typography.Text>
            <SeverityTag severity={a.severity} />
            {a.aliases.map((alias) => (
              <Tag key={alias} bordered={false}>
                {alias}
              </Tag>
            ))}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
            {a.summary}
          </Typography.Paragraph>
        </List.Item>
      )}
    />
  );
}

/** A small button beside a component that pops up the advisories hitting its version. */
export function ComponentAdvisoriesButton({ pkg }: { pkg: PackageVersion }) {
  const { t } = useTranslation();
  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      destroyOnHidden
      title={t('exposures.advisories.title', { name: pkg.name, version: pkg.version })}
      content={
        <div style={{ width: 420, maxHeight: 360, overflow: 'auto' }}>
          <ComponentAdvisories pkg={pkg} />
        </div>
      }
    >
      <Button
        type="text"
        size="small"
        icon={<SafetyCertificateOutlined />}
        aria-label={t('exposures.advisories.open')}
        data-testid="component-advisories-open"
      />
    </Popover>
  );
}
