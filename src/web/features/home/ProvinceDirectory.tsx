import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import type { Org } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';

const SHOWN = 6;

/** The first enterprises of the province's directory, with a link to the full list. */
export function ProvinceDirectory({ provinceCode }: { provinceCode: string | null }) {
  const { t } = useTranslation();
  const list = useAsync(
    () => api.orgs({ kind: 'enterprise', provinceCode: provinceCode ?? undefined, limit: SHOWN }),
    [provinceCode],
  );
  return (
    <Card
      title={t('home.directory.title')}
      extra={<Link to="/orgs">{t('home.directory.all')}</Link>}
      styles={{ body: { padding: 0 } }}
      data-testid="province-directory"
    >
      <Table<Org>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('home.chart.empty') }}
        columns={[
          {
            key: 'name',
            title: t('org.fields.name'),
            render: (_v, o) => <Link to={`/orgs/${o.id}`}>{o.name}</Link>,
          },
          {
            key: 'created',
            title: t('home.directory.since'),
            width: 120,
            render: (_v, o) => formatTime(o.createdAt).slice(0, 10),
          },
        ]}
      />
    </Card>
  );
}
