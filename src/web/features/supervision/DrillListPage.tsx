import { DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Result, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { DrillKind, DrillPage } from '../../../contracts/supervision';
import { divisionByCode } from '../../../lib/china/gbt4754';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useKeyset } from '../../lib/useKeyset';
import { exportUrl, supervisionApi } from './api';
import { DrillFiltersBar } from './DrillFiltersBar';
import { type DrillFilters, filtersFrom, isDrillKind, TIERS } from './drill';
import { useAreaNames } from './names';

type Row = DrillPage['rows'][number];
type Cell = Row['cells'][string];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A cell as text: areas and industries by name, domain values in the UI language, times local, numbers grouped. */
function useCell() {
  const { t, i18n } = useTranslation();
  const { provinceName, cityName } = useAreaNames();
  const en = i18n.language === 'en';
  const known = (key: string, v: string) => t(key, { defaultValue: v });
  return (column: string, v: Cell): string => {
    if (v === null || v === '') return '—';
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return v.toLocaleString();
    switch (column) {
      case 'province':
        return provinceName(v);
      case 'city':
        return cityName(v);
      case 'industry': {
        const d = divisionByCode(v);
        return d ? `${d.code} ${en ? d.nameEn : d.name}` : v;
      }
      case 'tier':
        return (TIERS as readonly string[]).includes(v)
          ? t('supervision.tier', { tier: v, name: t(`incidents.tiers.${v}`) })
          : known(`incidents.tiers.${v}`, v);
      case 'type':
        return known(`incidents.types.${v}`, v);
      case 'status':
        return known(`incidents.statuses.${v}`, v);
      case 'state':
        return known(`reportStates.${v}`, v);
      case 'national':
        return known(`supervision.reportStatus.${v}`, v);
      case 'severity':
        return known(`supervision.severity.${v.toLowerCase()}`, v);
    }
    return TIMESTAMP.test(v) ? formatTime(v) : v;
  };
}

/** The list behind a dashboard figure: its filters, keyset pages and CSV / XLSX export with the same filters. */
function DrillList({ kind }: { kind: DrillKind }) {
  const me = useMe();
  const { t } = useTranslation();
  const { areaName } = useAreaNames();
  const [params, setParams] = useSearchParams();
  const ministry = me.org.kind === 'ministry';
  const filters = filtersFrom(kind, params);
  const key = JSON.stringify(filters);
  const [columns, setColumns] = useState<string[]>([]);
  const list = useKeyset<Row>(
    async (cursor) => {
      const page = await supervisionApi.list(kind, filters, cursor);
      if (!cursor) setColumns(page.columns);
      return { items: page.rows, nextCursor: page.nextCursor };
    },
    [kind, key],
  );
  const cell = useCell();

  const tagValue = (k: string, v: string): string => {
    if (k === 'covered' || k === 'topDecile') return cell(k, v === 'true');
    if (k === 'status') return t(`supervision.${kind === 'filings' ? 'filingStatus' : 'reportStatus'}.${v}`);
    if (k === 'severity') return t(`supervision.severity.${v}`);
    return cell(k, v);
  };

  const change = (patch: DrillFilters) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const tableColumns: ColumnsType<Row> = columns.map((c) => ({
    key: c,
    title: t(`supervision.columns.${c}`, { defaultValue: c }),
    render: (_v, r) => {
      const v = r.cells[c] ?? null;
      return typeof v === 'number' ? (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{cell(c, v)}</span>
      ) : (
        cell(c, v)
      );
    },
    align: list.items.some((r) => typeof r.cells[c] === 'number') ? 'right' : undefined,
  }));

  const dashboard =
    ministry && filters.province ? `/supervision?province=${filters.province}` : '/supervision';
  const scope =
    filters.city ?? filters.province ?? (ministry ? undefined : (me.org.provinceCode ?? undefined));

  return (
    <div data-testid="drill-page" data-kind={kind}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={dashboard}>{t('supervision.breadcrumb')}</Link> },
          { title: t(`supervision.kinds.${kind}`) },
        ]}
      />
      <PageHeader
        title={t(`supervision.kinds.${kind}`)}
        subtitle={
          <Space size={4} wrap>
            <span>{areaName(scope)}</span>
            {Object.entries(filters)
              .filter(([k]) => k !== 'province' && k !== 'city')
              .map(([k, v]) => (
                <Tag key={k} closable onClose={() => change({ [k]: undefined })}>
                  {t(`supervision.filters.${k}`)}: {tagValue(k, v)}
                </Tag>
              ))}
          </Space>
        }
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={exportUrl(kind, filters, 'csv')}
              download
              data-testid="export-csv"
            >
              {t('supervision.export.csv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={exportUrl(kind, filters, 'xlsx')}
              download
              data-testid="export-xlsx"
            >
              {t('supervision.export.xlsx')}
            </Button>
          </Space>
        }
      />
      <Card>
        <DrillFiltersBar
          key={kind}
          kind={kind}
          filters={filters}
          ministry={ministry}
          ownProvince={me.org.provinceCode ?? undefined}
          onChange={change}
        />
        <ProblemAlert error={list.error} />
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.items}
          columns={tableColumns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="drill-table"
        />
        <Space style={{ marginTop: 12 }}>
          {list.more ? (
            <Button onClick={list.more} data-testid="load-more">
              {t('common.loadMore')}
            </Button>
          ) : null}
          <Typography.Text type="secondary" data-testid="drill-count">
            {t('supervision.shown', { count: list.items.length })}
          </Typography.Text>
        </Space>
      </Card>
    </div>
  );
}

/** Route entry: a known list kind, or a not-found page for any other segment. */
export default function DrillListPage() {
  const { t } = useTranslation();
  const { kind } = useParams();
  if (!isDrillKind(kind)) {
    return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.subtitle')} />;
  }
  return <DrillList kind={kind} />;
}
