import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Input,
  List,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DrillDetail } from '../../../contracts/drills';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useTimedAsync } from '../../lib/useAsync';
import { drillsApi, reportPdfUrl } from './api';
import { MEASURED, pick } from './drills';
import { MeasuresCard } from './MeasuresCard';
import { PracticeIncidentCard } from './PracticeIncidentCard';

const DrillTimelineChart = lazy(() => import('./DrillTimelineChart'));

/** The lessons learned, editable by the facilitator until the drill is filed; each can become a corrective action. */
function LessonsCard({ d, onChange }: { d: DrillDetail; onChange: (d: DrillDetail) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string[]>(d.lessons);
  const [due, setDue] = useState<Dayjs | null>(dayjs().add(30, 'day'));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(d.lessons), [d.lessons]);
  const editable = d.canFacilitate;
  const dirty = JSON.stringify(draft) !== JSON.stringify(d.lessons);
  const act = async (f: () => Promise<DrillDetail>) => {
    setSaving(true);
    setError(null);
    try {
      onChange(await f());
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('drills.report.lessons')} data-testid="drill-lessons">
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <List
        size="small"
        dataSource={draft.map((text, i) => ({ text, i }))}
        locale={{ emptyText: t('drills.report.noLessons') }}
        renderItem={({ text, i }) => (
          <List.Item
            data-testid="drill-lesson"
            actions={
              editable
                ? [
                    d.lessons[i] === text && d.status === 'completed' ? (
                      <Button
                        key="ca"
                        size="small"
                        loading={saving}
                        onClick={() =>
                          act(() =>
                            drillsApi.corrective(d.id, {
                              lesson: i,
                              dueOn: (due ?? dayjs()).format('YYYY-MM-DD'),
                            }),
                          )
                        }
                        data-testid={`drill-lesson-ca-${i}`}
                      >
                        {t('drills.report.toAction')}
                      </Button>
                    ) : null,
                    <Button
                      key="rm"
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => setDraft(draft.filter((_, j) => j !== i))}
                    />,
                  ]
                : []
            }
          >
            {editable ? (
              <Input
                value={text}
                maxLength={2000}
                onChange={(e) => setDraft(draft.map((x, j) => (j === i ? e.target.value : x)))}
                data-testid={`drill-lesson-input-${i}`}
              />
            ) : (
              text
            )}
          </List.Item>
        )}
      />
      {editable ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDraft([...draft, ''])}
            data-testid="drill-lesson-add"
          >
            {t('drills.report.addLesson')}
          </Button>
          <Button
            type="primary"
            disabled={!dirty}
            loading={saving}
            onClick={() => act(() => drillsApi.lessons(d.id, draft.map((x) => x.trim()).filter(Boolean)))}
            data-testid="drill-lessons-save"
          >
            {t('common.save')}
          </Button>
          {d.status === 'completed' ? (
            <Space size={4}>
              <Typography.Text type="secondary">{t('drills.report.dueOn')}</Typography.Text>
              <DatePicker value={due} onChange={setDue} />
            </Space>
          ) : null}
        </Space>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('drills.report.actions')}
      </Typography.Title>
      <List
        size="small"
        dataSource={d.correctiveActions}
        locale={{ emptyText: '—' }}
        data-testid="drill-corrective-actions"
        renderItem={(a) => (
          <List.Item>
            <Space wrap>
              <Link to={`/corrective-actions?id=${a.id}`}>{a.title}</Link>
              <Tag>{a.status}</Tag>
              <Typography.Text type="secondary">{a.dueOn}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Link to="/corrective-actions">{t('drills.report.board')}</Link>
    </Card>
  );
}

/**
 * The after-action report: the drill on a timeline with the four measured times, the scores and every expectation's
 * verdict, the practice incident, lessons learned and corrective actions; the PDF and filing with the regulator.
 */
export default function AfterActionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [filing, setFiling] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const drill = useTimedAsync(() => drillsApi.get(id), [id]);
  const { fetchedAt } = drill;
  const d = drill.data;
  if (!d) return <ProblemAlert error={drill.error} />;
  const titles = new Map(d.scenario.injects.map((i) => [i.key, pick(i.title, i18n.language)]));
  const update = drill.replace;
  const file = async () => {
    setFiling(true);
    setError(null);
    try {
      update(await drillsApi.file(d.id));
    } catch (e) {
      setError(e);
    } finally {
      setFiling(false);
    }
  };

  return (
    <div data-testid="drill-report" data-score={d.measures.score}>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="drill-report-title">{d.title}</span>
            <Tag color="purple">{t('drills.incident.practice')}</Tag>
            {d.filedAt ? (
              <Tag color="green" data-testid="drill-filed-tag">
                {t('drills.filedOn', { time: formatTime(d.filedAt) })}
              </Tag>
            ) : null}
          </Space>
        }
        subtitle={t('drills.report.subtitle', { org: d.orgName })}
        extra={
          <Space wrap>
            <a href={reportPdfUrl(d.id)} download data-testid="drill-pdf">
              <Button icon={<DownloadOutlined />}>{t('drills.report.pdf')}</Button>
            </a>
            {d.canFacilitate && d.status === 'completed' && !d.filedAt ? (
              <Popconfirm
                title={t('drills.report.fileConfirm')}
                onConfirm={file}
                okButtonProps={{ 'data-testid': 'drill-file-confirm' }}
              >
                <Button type="primary" loading={filing} data-testid="drill-file">
                  {t('drills.report.file')}
                </Button>
              </Popconfirm>
            ) : null}
            {d.status !== 'completed' ? (
              <Link to={`/drills/${d.id}`}>
                <Button>{t('drills.report.console')}</Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <ProblemAlert error={error} onClose={() => setError(null)} />
      {d.status !== 'completed' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('drills.report.inProgress')} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card size="small" title={t('drills.report.timeline')} data-testid="drill-timeline">
              <Suspense fallback={null}>
                <DrillTimelineChart
                  injectsLabel={t('drills.report.injects')}
                  injects={d.scenario.injects.map((i) => ({
                    minute: i.minute,
                    label: pick(i.title, i18n.language),
                  }))}
                  measures={MEASURED.map((m) => ({
                    label: t(`drills.measures.${m.key}`),
                    value: d.measures[m.key],
                    colour: m.colour,
                  }))}
                />
              </Suspense>
            </Card>
            <Card size="small" title={t('drills.report.expectations')}>
              <Table
                size="small"
                rowKey={(e) => `${e.injectKey}:${e.key}`}
                pagination={false}
                dataSource={d.expectations}
                data-testid="drill-expectations"
                columns={[
                  {
                    key: 'inject',
                    title: t('drills.console.inject'),
                    render: (_v, e) => titles.get(e.injectKey),
                  },
                  {
                    key: 'key',
                    title: t('drills.report.expectation'),
                    render: (_v, e) => t(`drills.expectations.${e.key}`),
                  },
                  {
                    key: 'status',
                    title: t('drills.report.verdict'),
                    render: (_v, e) => (
                      <Tag
                        color={
                          e.status === 'met'
                            ? e.inBudget
                              ? 'success'
                              : 'warning'
                            : e.status === 'missed'
                              ? 'error'
                              : 'default'
                        }
                      >
                        {e.status === 'met' && !e.inBudget
                          ? t('drills.verdicts.late')
                          : t(`drills.verdicts.${e.status}`)}
                      </Tag>
                    ),
                  },
                  {
                    key: 'budget',
                    title: t('drills.report.budget'),
                    render: (_v, e) => `${e.budgetMinutes}'`,
                  },
                  {
                    key: 'minute',
                    title: t('drills.report.at'),
                    render: (_v, e) => (e.minute === null ? '—' : `${e.minute}'`),
                  },
                ]}
              />
            </Card>
            <LessonsCard d={d} onChange={update} />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <MeasuresCard m={d.measures} />
            <PracticeIncidentCard drill={d} fetchedAt={fetchedAt} />
            <Card size="small" title={t('drills.report.facts')}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('drills.report.scenario')}>
                  {pick(d.scenario.title, i18n.language)}
                </Descriptions.Item>
                <Descriptions.Item label={t('drills.cols.mode')}>
                  {t(`drills.modes.${d.mode}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('drills.report.started')}>
                  {formatTime(d.startedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('drills.report.completed')}>
                  {formatTime(d.completedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('drills.console.participants')}>
                  {d.participants.map((p) => p.name).join(', ') || '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
