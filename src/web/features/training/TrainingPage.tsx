import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Popconfirm,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PlanTarget, Talent, TrainingSession, TrainingSummary } from '../../../contracts/training';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProvinces } from '../../lib/provinces';
import { useAsync } from '../../lib/useAsync';
import { useKeyset } from '../../lib/useKeyset';
import { ValueStatusTag } from '../programme/ValueStatusTag';
import { trainingApi } from './api';
import { SessionModal } from './SessionModal';
import { TalentModal } from './TalentModal';

const ProvinceBarChart = lazy(() => import('../../components/ProvinceBarChart'));

type Target = z.infer<typeof PlanTarget>;
type Counts = TrainingSummary['totals'];

/** One count against its 34号 national target, with the target's wording, clause and status. */
function TargetStat({
  title,
  value,
  target,
  testId,
}: {
  title: string;
  value: number;
  target: Target;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId} data-value={value}>
      <Statistic title={title} value={value} />
      <Progress percent={Math.min(100, Math.round((value / target.value) * 1000) / 10)} size="small" />
      <Space size={6} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('training.target', { op: t(`programme.op.${target.op}`), value: target.value.toLocaleString() })}
        </Typography.Text>
        <ValueStatusTag status={target.status} clause={target.clause} />
      </Space>
    </Card>
  );
}

/** The roll-up's totals against the targets. */
function Totals({ s }: { s: TrainingSummary }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}>
        <TargetStat
          title={t('training.stats.personTimes', { from: s.periodFrom })}
          value={s.totals.personTimes}
          target={s.targets.trainingPersonTimes}
          testId="stat-person-times"
        />
      </Col>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic title={t('training.stats.thisYear')} value={s.totals.personTimesThisYear} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('training.stats.sessions', { count: s.totals.sessions })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <TargetStat
          title={t('training.stats.talents')}
          value={s.totals.talents}
          target={s.targets.talents}
          testId="stat-talents"
        />
      </Col>
    </Row>
  );
}

const countColumns = <T extends Counts>(t: (k: string) => string): ColumnsType<T> => [
  { key: 'sessions', title: t('training.cols.sessions'), dataIndex: 'sessions', align: 'right' },
  { key: 'personTimes', title: t('training.cols.personTimes'), dataIndex: 'personTimes', align: 'right' },
  { key: 'year', title: t('training.cols.thisYear'), dataIndex: 'personTimesThisYear', align: 'right' },
  { key: 'talents', title: t('training.cols.talents'), dataIndex: 'talents', align: 'right' },
];

/** A regulator's roll-up: per enterprise of the province, or per province with a chart (the ministry). */
function RollUp({ s }: { s: TrainingSummary }) {
  const { t } = useTranslation();
  const { nameOf } = useProvinces();
  if (s.scope === 'national') {
    return (
      <Card title={t('training.byProvince')} style={{ marginBottom: 16 }} data-testid="training-by-province">
        {s.byProvince.length ? (
          <Suspense fallback={null}>
            <ProvinceBarChart
              seriesName={t('training.cols.personTimes')}
              data={s.byProvince.map((p) => ({ name: nameOf(p.provinceCode), value: p.personTimes }))}
            />
          </Suspense>
        ) : null}
        <Table
          rowKey="provinceCode"
          size="small"
          pagination={false}
          dataSource={s.byProvince}
          columns={[
            { key: 'p', title: t('training.cols.province'), render: (_v, p) => nameOf(p.provinceCode) },
            ...countColumns<TrainingSummary['byProvince'][number]>(t),
          ]}
        />
      </Card>
    );
  }
  return (
    <Card
      title={t('training.byEnterprise', { province: nameOf(s.provinceCode) })}
      style={{ marginBottom: 16 }}
    >
      <Table
        rowKey="orgId"
        size="small"
        dataSource={s.byEnterprise}
        pagination={s.byEnterprise.length > 20 ? { pageSize: 20 } : false}
        data-testid="training-by-enterprise"
        columns={[
          { key: 'name', title: t('training.cols.enterprise'), dataIndex: 'name' },
          ...countColumns<TrainingSummary['byEnterprise'][number]>(t),
        ]}
      />
    </Card>
  );
}

/** Training sessions and certified talents with the 34号 targets; regulators see their roll-up. */
export default function TrainingPage() {
  const me = useMe();
  const { t } = useTranslation();
  const enterprise = me.org.kind === 'enterprise';
  const staff = enterprise && me.user.role !== 'viewer';
  const summary = useAsync(() => trainingApi.summary(), []);
  const sessions = useKeyset((cursor) => trainingApi.sessions({ cursor }), []);
  const talents = useKeyset((cursor) => trainingApi.talents({ cursor }), []);
  const [adding, setAdding] = useState<'session' | 'talent' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => {
    summary.reload();
    sessions.reload();
    talents.reload();
  };
  const remove = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
      refresh();
    } catch (err) {
      setError(err);
    }
  };
  const org: ColumnsType<TrainingSession & Talent> = enterprise
    ? []
    : [{ key: 'org', title: t('training.cols.enterprise'), dataIndex: 'orgName' }];

  /** A trailing delete button with a confirmation, for the enterprise's own staff. */
  const deleteColumn = <T,>(del: (row: T) => Promise<void>): ColumnsType<T> =>
    staff
      ? [
          {
            key: 'actions',
            width: 60,
            render: (_v: unknown, row: T) => (
              <Popconfirm title={t('training.confirmDelete')} onConfirm={() => remove(() => del(row))}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                />
              </Popconfirm>
            ),
          },
        ]
      : [];
  const sessionColumns: ColumnsType<TrainingSession> = [
    { key: 'heldOn', title: t('training.sessions.heldOn'), dataIndex: 'heldOn', width: 120 },
    ...(org as ColumnsType<TrainingSession>),
    { key: 'topic', title: t('training.sessions.topic'), dataIndex: 'topic' },
    { key: 'trainer', title: t('training.sessions.trainer'), dataIndex: 'trainer' },
    { key: 'hours', title: t('training.sessions.hours'), dataIndex: 'hours', width: 90, align: 'right' },
    {
      key: 'attendees',
      title: t('training.sessions.attendees'),
      render: (_v, s) => (
        <Space size={[4, 4]} wrap>
          {s.attendees.slice(0, 8).map((a) => (
            <Tag key={a}>{a}</Tag>
          ))}
          {s.attendees.length > 8 ? <Tag>+{s.attendees.length - 8}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'pt',
      title: t('training.cols.personTimes'),
      dataIndex: 'personTimes',
      width: 100,
      align: 'right',
    },
    ...deleteColumn<TrainingSession>((s) => trainingApi.deleteSession(s.id)),
  ];

  const talentColumns: ColumnsType<Talent> = [
    { key: 'name', title: t('training.talents.name'), dataIndex: 'name' },
    ...(org as ColumnsType<Talent>),
    { key: 'certificate', title: t('training.talents.certificate'), dataIndex: 'certificate' },
    { key: 'no', title: t('training.talents.certificateNo'), dataIndex: 'certificateNo' },
    { key: 'issuer', title: t('training.talents.issuer'), dataIndex: 'issuer' },
    { key: 'issuedOn', title: t('training.talents.issuedOn'), dataIndex: 'issuedOn', width: 120 },
    {
      key: 'validUntil',
      title: t('training.talents.validUntil'),
      width: 120,
      render: (_v, x) => x.validUntil ?? t('training.talents.noExpiry'),
    },
    ...deleteColumn<Talent>((x) => trainingApi.deleteTalent(x.id)),
  ];

  const more = (list: { more: (() => void) | null }) =>
    list.more ? (
      <Button onClick={list.more} style={{ marginTop: 12 }}>
        {t('common.loadMore')}
      </Button>
    ) : null;

  return (
    <div data-testid="training-page">
      <PageHeader
        title={t('training.title')}
        subtitle={t(`training.subtitle.${summary.data?.scope ?? (enterprise ? 'enterprise' : 'province')}`)}
        extra={
          staff ? (
            <Space>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding('session')}
                data-testid="session-add"
              >
                {t('training.sessions.add')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setAdding('talent')} data-testid="talent-add">
                {t('training.talents.add')}
              </Button>
            </Space>
          ) : null
        }
      />
      <ProblemAlert
        error={summary.error ?? sessions.error ?? talents.error ?? error}
        onClose={() => setError(null)}
      />
      {summary.data ? <Totals s={summary.data} /> : <Card loading style={{ marginBottom: 16 }} />}
      {summary.data && !enterprise ? <RollUp s={summary.data} /> : null}
      <Card>
        <Tabs
          items={[
            {
              key: 'sessions',
              label: t('training.sessions.title'),
              children: (
                <>
                  <Table<TrainingSession>
                    rowKey="id"
                    size="small"
                    loading={sessions.loading}
                    dataSource={sessions.items}
                    columns={sessionColumns}
                    pagination={false}
                    scroll={{ x: 900 }}
                    data-testid="sessions-table"
                  />
                  {more(sessions)}
                </>
              ),
            },
            {
              key: 'talents',
              label: t('training.talents.title'),
              children: (
                <>
                  <Table<Talent>
                    rowKey="id"
                    size="small"
                    loading={talents.loading}
                    dataSource={talents.items}
                    columns={talentColumns}
                    pagination={false}
                    scroll={{ x: 900 }}
                    data-testid="talents-table"
                  />
                  {more(talents)}
                </>
              ),
            },
          ]}
        />
      </Card>
      <SessionModal
        open={adding === 'session'}
        onClose={() => setAdding(null)}
        onCreated={() => {
          setAdding(null);
          refresh();
        }}
      />
      <TalentModal
        open={adding === 'talent'}
        onClose={() => setAdding(null)}
        onCreated={() => {
          setAdding(null);
          refresh();
        }}
      />
    </div>
  );
}
