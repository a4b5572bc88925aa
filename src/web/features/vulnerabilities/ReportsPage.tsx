import { AlertOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { canFileReport, reportListScope } from '../../app/access';
import { useMe } from '../../app/session';
import { Countdown } from '../../components/Countdown';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StateTag } from '../../components/ReportTags';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { REPORT_STATES } from '../../lib/reports';
import type { Report, ReportState } from '../../lib/types';
import { useKeyset } from '../../lib/useKeyset';

const isState = (v: string | null): v is ReportState => REPORT_STATES.includes(v as ReportState);

/** The ministry's board, a vendor's inbox with live RMSV art. 7 countdowns, or a reporter's own reports. */
export default function ReportsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : undefined;
  const overdue = params.get('overdue') === 'true';
  const scope = reportListScope(me);
  const duties = scope !== 'reported';
  const kind = me.org.kind;

  const list = useKeyset(
    (cursor) => api.reports({ state, overdue: overdue ? 'true' : undefined, mine: scope, cursor, limit: 50 }),
    [state, overdue, scope],
  );

  const setFilter = (key: 'state' | 'overdue', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<Report> = [
    {
      key: 'ref',
      title: t('reports.fields.ref'),
      width: 150,
      render: (_v, r) => (
        <Link to={`/vulnerabilities/${r.id}`} data-testid="report-link">
          <Typography.Text code>{r.ref}</Typography.Text>
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('reports.fields.title'),
      render: (_v, r) => (
        <div style={{ minWidth: 180 }}>
          <Typography.Text strong>{r.title}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[r.productName, r.productModel].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...(kind === 'vendor'
      ? []
      : ([
          {
            key: 'vendor',
            title: t('reports.fields.vendor'),
            width: 200,
            render: (_v, r) => r.vendorName ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
        ] satisfies ColumnsType<Report>)),
    {
      key: 'state',
      title: t('reports.fields.state'),
      width: 130,
      render: (_v, r) => <StateTag state={r.state} />,
    },
    ...(duties
      ? ([
          {
            key: 'verify',
            title: t('clocks.names.verify'),
            width: 170,
            render: (_v, r) => (
              <Countdown clock={r.clocks.verify} fetchedAt={list.fetchedAt} testId="clock-verify" />
            ),
          },
          {
            key: 'national',
            title: t('clocks.names.nationalReport'),
            width: 190,
            render: (_v, r) => (
              <Flex gap={4} align="center" wrap>
                <Countdown
                  clock={r.clocks.nationalReport}
                  fetchedAt={list.fetchedAt}
                  testId="clock-national"
                />
                {r.escalatedAt ? (
                  <Tooltip title={t('reports.escalatedAt', { time: formatTime(r.escalatedAt) })}>
                    <Tag color="red" icon={<AlertOutlined />} data-testid="escalated">
                      {t('reports.escalated')}
                    </Tag>
                  </Tooltip>
                ) : null}
              </Flex>
            ),
          },
        ] satisfies ColumnsType<Report>)
      : []),
    {
      key: 'created',
      title: t('reports.fields.createdAt'),
      width: 170,
      render: (_v, r) => formatTime(r.createdAt),
    },
  ];

  return (
    <div data-testid="reports-page">
      <PageHeader
        title={t(`reports.title.${kind}`, { defaultValue: t('reports.title.researcher') })}
        subtitle={t(`reports.subtitle.${kind}`, { defaultValue: t('reports.subtitle.researcher') })}
        extra={
          canFileReport(me) ? (
            <Link to="/vulnerabilities/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="report-new">
                {t('reports.submit')}
              </Button>
            </Link>
          ) : null
        }
      />
      <ProblemAlert error={list.error} />
      <Card>
        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<ReportState>
            allowClear
            placeholder={t('reports.filterState')}
            style={{ width: 200 }}
            value={state}
            onChange={(v) => setFilter('state', v)}
            options={REPORT_STATES.map((s) => ({ value: s, label: t(`reportStates.${s}`) }))}
            data-testid="filter-state"
          />
          {duties ? (
            <Flex gap={8} align="center">
              <Switch
                checked={overdue}
                onChange={(v) => setFilter('overdue', v ? 'true' : undefined)}
                data-testid="filter-overdue"
              />
              <Typography.Text>{t('reports.filterOverdue')}</Typography.Text>
            </Flex>
          ) : null}
        </Flex>
        <Table<Report>
          rowKey="id"
          loading={list.loading && list.items.length === 0}
          dataSource={list.items}
          columns={columns}
          pagination={false}
          scroll={{ x: 960 }}
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          onRow={(r) => ({ onDoubleClick: () => navigate(`/vulnerabilities/${r.id}`) })}
          locale={{
            emptyText: (
              <Empty
                description={
                  overdue || state
                    ? t('reports.emptyFiltered')
                    : t(`reports.empty.${kind}`, { defaultValue: t('reports.empty.researcher') })
                }
              />
            ),
          }}
        />
        {list.more ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={list.more}>{t('common.loadMore')}</Button>
          </Flex>
        ) : null}
      </Card>
    </div>
  );
}
