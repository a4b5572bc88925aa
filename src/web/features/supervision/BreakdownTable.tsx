import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupervisionOverview } from '../../../contracts/supervision';
import type { Area } from './drill';
import { FigureLink, num } from './FigureLink';
import { formatMetric, METRICS, type MetricKey } from './metrics';
import { useAreaNames } from './names';

type Row = SupervisionOverview['breakdown'][number];

const COLUMNS: MetricKey[] = [
  'enterprisesRegistered',
  'enterprisesCovered',
  'coverage',
  'topDecileCovered',
  'trainingPersonTimes',
  'talents',
  'drillsCompleted',
  'incidents',
  'nationalReportsOverdue',
  'exposuresOpen',
  'filingsOverdue',
];

// A figure a city does not have (null) sorts below every number.
const order = (v: number | null) => (v === null ? -1 : v);

/** The provinces of the nation or the cities of a province, sortable by each key figure, each opening its list. */
export function BreakdownTable({ o }: { o: SupervisionOverview }) {
  const { t } = useTranslation();
  const { areaName } = useAreaNames();
  const national = o.scope.level === 'nation';
  const areaOf = (code: string): Area =>
    national ? { province: code } : { province: o.scope.code, city: code };
  // Cities have no vulnerability reports of their own (vendors have only a province).
  const keys = national ? COLUMNS : COLUMNS.filter((k) => k !== 'nationalReportsOverdue');

  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: t(national ? 'supervision.table.province' : 'supervision.table.city'),
      fixed: 'left',
      width: 140,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_v, r) =>
        national ? (
          <Link to={`/supervision?province=${r.code}`} data-testid={`breakdown-area-${r.code}`}>
            {areaName(r.code)}
          </Link>
        ) : (
          <Typography.Text data-testid={`breakdown-area-${r.code}`}>{areaName(r.code)}</Typography.Text>
        ),
    },
    ...keys.map((key) => {
      const m = METRICS[key];
      return {
        key,
        title:
          key === 'topDecileCovered' && !national
            ? t('supervision.table.topDecileCity')
            : t(`supervision.metrics.${key}`),
        align: 'right' as const,
        sorter: (a: Row, b: Row) => order(m.get(a.figures)) - order(m.get(b.figures)),
        defaultSortOrder: key === 'enterprisesRegistered' ? ('descend' as const) : undefined,
        render: (_v: unknown, r: Row) => {
          const v = m.get(r.figures);
          // The quota is a province's; a city shows its covered top 10 % against its members of it.
          const whole = national ? r.figures.topDecileQuota : r.figures.topDecileMembers;
          const text =
            key === 'topDecileCovered'
              ? `${num(r.figures.topDecileCovered)} / ${num(whole)}`
              : formatMetric(key, v);
          if (!m.figure || v === null)
            return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{text}</span>;
          return (
            <FigureLink name={m.figure} area={areaOf(r.code)} testId={null}>
              {text}
            </FigureLink>
          );
        },
      };
    }),
  ];

  return (
    <Table<Row>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={o.breakdown}
      columns={columns}
      scroll={{ x: 1200 }}
      showSorterTooltip={false}
      data-testid="province-table"
    />
  );
}
