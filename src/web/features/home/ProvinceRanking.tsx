import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';

/** A province and its enterprise count. */
export interface ProvinceRow {
  code: string;
  name: string;
  value: number;
}

/** Ranked table beside the chart, so exact figures are readable without hovering. */
export function ProvinceRanking({ rows, loading }: { rows: ProvinceRow[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('home.ranking.title')}
      styles={{ body: { padding: 0 } }}
      style={{ height: '100%' }}
      data-testid="province-ranking"
    >
      <Table<ProvinceRow>
        size="small"
        rowKey="code"
        loading={loading}
        dataSource={rows}
        pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
        locale={{ emptyText: t('home.chart.empty') }}
        columns={[
          { key: 'rank', title: t('home.ranking.rank'), width: 64, render: (_v, r) => rows.indexOf(r) + 1 },
          { key: 'name', title: t('home.ranking.province'), dataIndex: 'name' },
          { key: 'value', title: t('home.ranking.enterprises'), dataIndex: 'value', align: 'right' },
        ]}
      />
    </Card>
  );
}
