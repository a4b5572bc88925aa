import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Select, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { supervisionApi } from './api';
import { BreakdownTable } from './BreakdownTable';
import { type Area, drillHref } from './drill';
import { Gauges } from './Gauges';
import { Headlines } from './Headlines';
import { MapCard } from './MapCard';
import { useAreaNames } from './names';
import { Panels } from './Panels';
import { ReportButton } from './ReportButton';

const TrendCharts = lazy(() => import('./charts/TrendCharts'));

/** Recomputes the read models (admins); the dashboard reloads when it is done. */
function RefreshButton({ onDone, onError }: { onDone: () => void; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    onError(null);
    try {
      const r = await supervisionApi.refresh();
      void message.success(t('supervision.refreshed', { areas: r.areas, seconds: (r.ms / 1000).toFixed(1) }));
      onDone();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<ReloadOutlined />} loading={busy} onClick={run} data-testid="refresh-button">
      {t('supervision.refresh')}
    </Button>
  );
}

/**
 * The supervision dashboard: the nation (ministry) or one province (a ministry user's choice, or the provincial
 * regulator's own), its headlines against the 34号 targets, gauges, map or city breakdown, trends and panels.
 */
export default function SupervisionPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { areaName, provinceOptions } = useAreaNames();
  const [params] = useSearchParams();
  const ministry = me.org.kind === 'ministry';
  // A provincial regulator always sees its own province: the server decides, so no parameter is sent.
  const asked = ministry ? (params.get('province') ?? undefined) : undefined;
  const overview = useAsync(() => supervisionApi.overview(asked), [asked]);
  const trends = useAsync(() => supervisionApi.trends(asked), [asked]);
  // While another area loads, the previous area's answer must not show under the new one's name.
  const current = <T extends { scope: { level: string; code: string } }>(x: T | undefined) =>
    x && (asked ? x.scope.code === asked : !ministry || x.scope.level === 'nation') ? x : undefined;
  const o = current(overview.data);
  const trendData = current(trends.data);
  const national = o?.scope.level === 'nation';
  const area: Area = o && !national ? { province: o.scope.code } : {};
  const [refreshError, setRefreshError] = useState<unknown>(null);
  const reload = () => {
    overview.reload();
    trends.reload();
  };

  return (
    <div data-testid="supervision-page">
      {ministry && asked ? (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { title: <Link to="/supervision">{t('supervision.scope.nation')}</Link> },
            { title: areaName(asked) },
          ]}
        />
      ) : null}
      <PageHeader
        title={t('supervision.title', { area: o ? areaName(o.scope.code) : '' })}
        subtitle={
          <span data-testid="supervision-as-of">
            {o?.asOf ? t('supervision.asOf', { time: formatTime(o.asOf) }) : t('supervision.notComputed')}
          </span>
        }
        extra={
          <Space wrap>
            {ministry ? (
              <Select<string>
                showSearch={{ optionFilterProp: 'label' }}
                value={asked ?? ''}
                onChange={(v) => navigate(v ? `/supervision?province=${v}` : '/supervision')}
                options={[{ value: '', label: t('supervision.scope.nation') }, ...provinceOptions]}
                style={{ width: 160 }}
                data-testid="scope-select"
              />
            ) : null}
            {me.user.role === 'admin' ? <RefreshButton onDone={reload} onError={setRefreshError} /> : null}
            {/* Only once the area has loaded, so the report is never the previous area's. */}
            {o ? <ReportButton province={national ? undefined : o.scope.code} /> : null}
          </Space>
        }
      />
      <ProblemAlert error={refreshError} onClose={() => setRefreshError(null)} />
      <ProblemAlert error={overview.error} />
      {!o && !overview.error ? <Card loading /> : null}
      {o ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {o.asOf ? null : <Alert type="info" showIcon title={t('supervision.notComputedHint')} />}
          <Headlines o={o} area={area} />
          <Gauges o={o} />
          {national ? <MapCard o={o} /> : null}
          <Card
            size="small"
            title={t(national ? 'supervision.table.titleNation' : 'supervision.table.titleProvince')}
            extra={
              national ? null : (
                <Link to={drillHref('enterprises', area)} data-testid="enterprise-list-link">
                  {t('supervision.table.enterpriseList')}
                </Link>
              )
            }
          >
            <BreakdownTable o={o} />
          </Card>
          <Panels f={o.figures} area={area} />
          <Card size="small" title={t('supervision.trends.title')} data-testid="trends">
            <ProblemAlert error={trends.error} />
            {trendData ? (
              <Suspense fallback={<div style={{ height: 560 }} />}>
                <TrendCharts
                  trends={trendData}
                  labels={(k) => t(`supervision.headlines.${k}`)}
                  tierLabel={(tier) => t('supervision.tier', { tier, name: t(`incidents.tiers.${tier}`) })}
                  titles={{
                    enterprises: t('supervision.trends.enterprises'),
                    activity: t('supervision.trends.activity'),
                    incidents: t('supervision.trends.incidents'),
                  }}
                  onIncidents={(tier, month) => navigate(drillHref('incidents', { ...area, tier, month }))}
                />
              </Suspense>
            ) : (
              <Typography.Text type="secondary">{trends.loading ? '…' : null}</Typography.Text>
            )}
          </Card>
        </Space>
      ) : null}
    </div>
  );
}
