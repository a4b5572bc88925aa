import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleOutlined,
  RightOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  List,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CoverageSummary, DueItem, ProgrammeOverview } from '../../../contracts/programme';
import { useMe } from '../../app/session';
import { Countdown } from '../../components/Countdown';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProvinces } from '../../lib/provinces';
import type { Clock } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { programmeApi } from './api';
import { CoverageDefinition } from './CoverageDefinition';
import { ValueStatusTag } from './ValueStatusTag';

const ProvinceBarChart = lazy(() => import('../../components/ProvinceBarChart'));
const WEEK = 7 * 86_400_000;

/** A due item as a live countdown clock, measured from the server's `asOf` so client clock skew does not matter. */
function clockOf(item: DueItem, asOf: string): Clock {
  const remainingMs = item.dueAt ? Date.parse(item.dueAt) - Date.parse(asOf) : null;
  const status =
    remainingMs === null
      ? 'not-started'
      : remainingMs < 0
        ? 'overdue'
        : remainingMs < WEEK
          ? 'due-soon'
          : 'pending';
  return { dueAt: item.dueAt, doneAt: null, status, remainingMs };
}

/** The enterprise's coverage status with the definition beside it. */
function CoverageCard({ o }: { o: ProgrammeOverview }) {
  const { t } = useTranslation();
  const c = o.coverage;
  return (
    <Card title={t('programme.coverage.title', { year: c.year })}>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={10}>
          <div data-testid="coverage-status" data-covered={String(c.covered)}>
            <Space align="center" size={12}>
              {c.covered ? (
                <CheckCircleFilled style={{ fontSize: 36, color: '#389e0d' }} />
              ) : (
                <CloseCircleFilled style={{ fontSize: 36, color: '#cf1322' }} />
              )}
              <div>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {c.covered ? t('programme.coverage.covered') : t('programme.coverage.notCovered')}
                </Typography.Title>
                <Typography.Text type="secondary">{t('programme.coverage.counts')}</Typography.Text>
              </div>
            </Space>
            <ul style={{ listStyle: 'none', padding: 0, margin: '16px 0 0' }}>
              {c.definition.allOf.map((k) => (
                <li
                  key={k}
                  data-testid="coverage-evidence"
                  data-kind={k}
                  data-held={String(c.by.includes(k))}
                >
                  {c.by.includes(k) ? (
                    <CheckCircleFilled style={{ color: '#389e0d', marginInlineEnd: 8 }} />
                  ) : (
                    <CloseCircleFilled style={{ color: '#bfbfbf', marginInlineEnd: 8 }} />
                  )}
                  {t(`programme.evidence.${k}`)}
                </li>
              ))}
            </ul>
          </div>
        </Col>
        <Col xs={24} md={14}>
          <CoverageDefinition definition={c.definition} year={c.year} />
        </Col>
      </Row>
    </Card>
  );
}

/** What is due next, soonest first, each with its clause and a link to where it is handled. */
function DueCard({ o, fetchedAt }: { o: ProgrammeOverview; fetchedAt: number }) {
  const { t } = useTranslation();
  return (
    <Card title={t('programme.due.title')} style={{ marginTop: 16 }}>
      <List<DueItem>
        dataSource={o.due}
        locale={{ emptyText: <Empty description={t('programme.due.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            data-testid="due-item"
            data-kind={item.kind}
            actions={[
              <Link key="go" to={item.link} data-testid="due-link">
                <Button size="small" type={item.overdue || !item.dueAt ? 'primary' : 'default'}>
                  {t('programme.due.go')} <RightOutlined />
                </Button>
              </Link>,
            ]}
          >
            <List.Item.Meta
              avatar={
                item.overdue || !item.dueAt ? (
                  <ExclamationCircleOutlined style={{ color: '#cf1322', fontSize: 18 }} />
                ) : null
              }
              title={
                <Space size={8} wrap>
                  <span>{t(`programme.due.kinds.${item.kind}.title`, { count: item.count ?? 0 })}</span>
                  <ValueStatusTag status={item.status} clause={item.clause} />
                </Space>
              }
              description={
                <Space orientation="vertical" size={4}>
                  <span>{t(`programme.due.kinds.${item.kind}.detail`, { count: item.count ?? 0 })}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.clause}
                  </Typography.Text>
                </Space>
              }
            />
            {item.dueAt ? (
              <Countdown clock={clockOf(item, o.asOf)} fetchedAt={fetchedAt} testId="due-countdown" />
            ) : (
              <Tag color="red">{t('programme.due.actNow')}</Tag>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** A regulator's coverage of its scope, the definition shown where the number is; the ministry by province. */
function RegulatorCoverage({ s }: { s: CoverageSummary }) {
  const { t } = useTranslation();
  const { nameOf } = useProvinces();
  const pct = (c: { covered: number; enterprises: number }) =>
    c.enterprises ? Math.round((c.covered / c.enterprises) * 1000) / 10 : 0;
  return (
    <>
      <Card title={t(`programme.regulator.title.${s.scope}`, { year: s.year })}>
        <Row gutter={[24, 16]}>
          <Col xs={24} md={10} data-testid="coverage-summary">
            <Statistic
              title={t('programme.regulator.covered')}
              value={s.total.covered}
              suffix={`/ ${s.total.enterprises.toLocaleString()}`}
              styles={{ content: { fontVariantNumeric: 'tabular-nums' } }}
            />
            <Progress percent={pct(s.total)} style={{ maxWidth: 320 }} />
            <Space size={6} style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">
                {t('programme.regulator.target', {
                  op: t(`programme.op.${s.target.op}`),
                  value: s.target.value.toLocaleString(),
                })}
              </Typography.Text>
              <ValueStatusTag status={s.target.status} clause={s.target.clause} />
            </Space>
          </Col>
          <Col xs={24} md={14}>
            <CoverageDefinition definition={s.definition} year={s.year} />
          </Col>
        </Row>
      </Card>
      {s.scope === 'national' ? (
        <Card title={t('programme.regulator.byProvince')} style={{ marginTop: 16 }}>
          {s.byProvince.length ? (
            <Suspense fallback={null}>
              <ProvinceBarChart
                seriesName={t('programme.regulator.covered')}
                data={s.byProvince.map((p) => ({ name: nameOf(p.provinceCode), value: p.covered }))}
              />
            </Suspense>
          ) : null}
          <Table
            rowKey="provinceCode"
            size="small"
            pagination={false}
            dataSource={s.byProvince}
            columns={[
              {
                key: 'p',
                title: t('programme.regulator.province'),
                render: (_v, p) => nameOf(p.provinceCode),
              },
              { key: 'c', title: t('programme.regulator.covered'), dataIndex: 'covered', align: 'right' },
              {
                key: 'e',
                title: t('programme.regulator.enterprises'),
                dataIndex: 'enterprises',
                align: 'right',
              },
              {
                key: 'r',
                title: t('programme.regulator.share'),
                align: 'right',
                render: (_v, p) => `${pct(p)} %`,
              },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}

/** The programme home: an enterprise's coverage and what is due next; a regulator's coverage of its scope. */
export default function ProgrammePage() {
  const me = useMe();
  const { t } = useTranslation();
  const enterprise = me.org.kind === 'enterprise';
  const overview = useAsync(
    async () => (enterprise ? { o: await programmeApi.overview(), fetchedAt: Date.now() } : null),
    [enterprise],
  );
  const coverage = useAsync(async () => (enterprise ? null : programmeApi.coverage()), [enterprise]);
  const o = overview.data?.o;
  return (
    <div data-testid="programme-page">
      <PageHeader
        title={t('programme.title')}
        subtitle={t(`programme.subtitle.${enterprise ? 'enterprise' : 'regulator'}`)}
      />
      <ProblemAlert error={overview.error ?? coverage.error} />
      {enterprise && o && overview.data ? (
        <>
          <CoverageCard o={o} />
          <DueCard o={o} fetchedAt={overview.data.fetchedAt} />
        </>
      ) : null}
      {!enterprise && coverage.data ? <RegulatorCoverage s={coverage.data} /> : null}
      {(overview.loading || coverage.loading) && !o && !coverage.data ? <Card loading /> : null}
    </div>
  );
}
