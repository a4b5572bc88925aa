import { LinkOutlined } from '@ant-design/icons';
import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { FiledPlatform } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';

/** The public list of collection platforms filed with MIIT (RMSV art. 10). */
export default function FiledPlatformsPage() {
  const { t } = useTranslation();
  const list = useAsync(() => api.filedPlatforms(), []);
  return (
    <div data-testid="filed-platforms-page">
      <PageHeader title={t('filedPlatforms.title')} subtitle={t('filedPlatforms.subtitle')} />
      <ProblemAlert error={list.error} />
      <Card>
        <Table<FiledPlatform>
          rowKey="filingNumber"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('filedPlatforms.empty')} /> }}
          columns={[
            {
              key: 'name',
              title: t('filedPlatforms.fields.platformName'),
              render: (_v, p) => <Typography.Text strong>{p.platformName}</Typography.Text>,
            },
            {
              key: 'url',
              title: t('filedPlatforms.fields.url'),
              render: (_v, p) => (
                <a href={p.url} target="_blank" rel="noreferrer noopener">
                  <LinkOutlined /> {p.url}
                </a>
              ),
            },
            { key: 'host', title: t('filedPlatforms.fields.hostName'), dataIndex: 'hostName' },
            {
              key: 'number',
              title: t('filedPlatforms.fields.filingNumber'),
              width: 190,
              render: (_v, p) => <Typography.Text code>{p.filingNumber}</Typography.Text>,
            },
            {
              key: 'at',
              title: t('filedPlatforms.fields.filedAt'),
              width: 170,
              render: (_v, p) => formatTime(p.filedAt),
            },
          ]}
        />
      </Card>
    </div>
  );
}
