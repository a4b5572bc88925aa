import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DrillDetail, ExpectationKey } from '../../../contracts/drills';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useTimedAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { drillsApi } from './api';
import { EXPECTATIONS, pick } from './drills';
import { MeasuresCard } from './MeasuresCard';
import { PracticeIncidentCard } from './PracticeIncidentCard';

const POLL_MS = 5000;
const VERDICT_COLOURS: Record<string, string> = { met: 'success', missed: 'error', pending: 'default' };

interface ActionValues {
  injectKey: string;
  text: string;
  claim?: ExpectationKey;
}

/** A participant's action form: against a delivered inject, optionally claiming an expectation. */
function ActionForm({ d, onDone }: { d: DrillDetail; onDone: (d: DrillDetail) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const record = useCallback((v: ActionValues) => drillsApi.record(d.id, v), [d.id]);
  const { submit, submitting, error } = useSubmit(form, record, (next) => {
    form.resetFields(['text', 'claim']);
    onDone(next);
  });
  const titles = new Map(d.scenario.injects.map((i) => [i.key, pick(i.title, i18n.language)]));
  const last = d.delivered.at(-1)?.key;
  useEffect(() => {
    if (last && !form.getFieldValue('injectKey')) form.setFieldsValue({ injectKey: last });
  }, [last, form]);
  return (
    <Card size="small" title={t('drills.console.record')} data-testid="drill-action-card">
      <ProblemAlert error={error} />
      <Form<ActionValues> form={form} layout="vertical" onFinish={submit} data-testid="drill-action-form">
        <Form.Item name="injectKey" label={t('drills.console.inject')} rules={[{ required: true }]}>
          <Select
            data-testid="drill-action-inject"
            options={d.delivered.map((x) => ({
              value: x.key,
              label: `${x.minute}' ${titles.get(x.key) ?? x.key}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('drills.console.actionText')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={5000} data-testid="drill-action-text" />
        </Form.Item>
        <Form.Item name="claim" label={t('drills.console.claim')}>
          <Select
            allowClear
            data-testid="drill-action-claim"
            options={EXPECTATIONS.map((e) => ({ value: e, label: t(`drills.expectations.${e}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="drill-action-submit">
          {t('drills.console.submitAction')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * The live drill console: drill time, delivered injects with their expectations and the actions recorded against
 * them, the facilitator's controls, the practice incident with its clocks, and the measures so far.
 */
export default function DrillConsolePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const drill = useTimedAsync(() => drillsApi.get(id), [id]);
  const d = drill.data;
  const { reload, fetchedAt, replace: show } = drill;

  // Everyone follows the drill live; in real-time mode a participant's poll also delivers what fell due.
  const live = d?.status === 'running';
  const realTime = live && d?.mode === 'real-time' && d.canParticipate;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (realTime) drillsApi.sync(id).then(show, () => reload());
      else reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live, realTime, id, show, reload]);

  const run = async (f: () => Promise<DrillDetail>) => {
    setBusy(true);
    setActionError(null);
    try {
      show(await f());
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!d) return <ProblemAlert error={drill.error} />;
  const injects = new Map(d.scenario.injects.map((i) => [i.key, i]));
  const facilitator = d.canFacilitate;

  return (
    <div data-testid="drill-console" data-status={d.status}>
      <PageHeader
        title={
          <Space wrap>
            {d.title}
            <Tag color="purple">{t('drills.incident.practice')}</Tag>
            <Tag data-testid="drill-status" data-status={d.status}>
              {t(`drills.statuses.${d.status}`)}
            </Tag>
          </Space>
        }
        subtitle={
          <Space wrap>
            <span>{t(`drills.modes.${d.mode}`)}</span>
            <span data-testid="drill-minute" data-minute={d.currentMinute}>
              {t('drills.console.minute', { minute: d.currentMinute })}
            </span>
            {d.nextInjectMinute !== null && d.status !== 'scheduled' ? (
              <span>{t('drills.console.next', { minute: d.nextInjectMinute })}</span>
            ) : null}
          </Space>
        }
        extra={
          <Space wrap>
            {facilitator && d.status === 'scheduled' ? (
              <Button
                type="primary"
                loading={busy}
                onClick={() => run(() => drillsApi.start(d.id))}
                data-testid="drill-start"
              >
                {t('drills.console.start')}
              </Button>
            ) : null}
            {facilitator && d.status === 'running' && d.mode === 'facilitator' ? (
              <>
                <Button
                  type="primary"
                  loading={busy}
                  disabled={d.nextInjectMinute === null}
                  onClick={() => run(() => drillsApi.advance(d.id, { to: 'next' }))}
                  data-testid="drill-advance"
                >
                  {t('drills.console.advance')}
                </Button>
                <Button
                  loading={busy}
                  onClick={() => run(() => drillsApi.advance(d.id, { minutes: 5 }))}
                  data-testid="drill-plus5"
                >
                  {t('drills.console.plus', { minutes: 5 })}
                </Button>
              </>
            ) : null}
            {facilitator && d.status === 'running' ? (
              <Button
                danger
                loading={busy}
                onClick={() => run(() => drillsApi.complete(d.id))}
                data-testid="drill-complete"
              >
                {t('drills.console.complete')}
              </Button>
            ) : null}
            {d.status === 'completed' ? (
              <Link to={`/drills/${d.id}/report`} data-testid="drill-report-link">
                <Button type="primary">{t('drills.report.open')}</Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <ProblemAlert error={actionError} onClose={() => setActionError(null)} />
      {d.status === 'scheduled' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('drills.console.notStarted', { when: formatTime(d.scheduledFor) })}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            {d.canParticipate && d.delivered.length ? <ActionForm d={d} onDone={show} /> : null}
            <Card size="small" title={t('drills.console.injects')} data-testid="drill-injects">
              <Timeline
                items={[...d.delivered].reverse().map((x) => {
                  const inj = injects.get(x.key);
                  const acts = d.actions.filter((a) => a.injectKey === x.key);
                  const exps = d.expectations.filter((e) => e.injectKey === x.key);
                  return {
                    key: x.key,
                    color: inj?.raisesIncident ? 'red' : 'blue',
                    children: inj ? (
                      <div data-testid={`drill-inject-${x.key}`}>
                        <Typography.Text strong>
                          {x.minute}' · {pick(inj.title, i18n.language)}
                        </Typography.Text>
                        <Typography.Paragraph style={{ margin: '4px 0' }}>
                          {pick(inj.body, i18n.language)}
                        </Typography.Paragraph>
                        <Space size={4} wrap>
                          {inj.roles.map((r) => (
                            <Tag key={r}>{t(`drills.roles.${r}`)}</Tag>
                          ))}
                        </Space>
                        {inj.expectedActions.length ? (
                          <ul style={{ margin: '6px 0', paddingLeft: 18 }}>
                            {inj.expectedActions.map((a) => (
                              <li key={a.zh}>
                                <Typography.Text type="secondary">{pick(a, i18n.language)}</Typography.Text>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {exps.map((e) => (
                          <Space key={e.key} wrap style={{ display: 'flex', margin: '4px 0' }}>
                            <Tag
                              color={VERDICT_COLOURS[e.status]}
                              data-testid={`drill-expectation-${x.key}-${e.key}`}
                              data-status={e.status}
                            >
                              {t(`drills.expectations.${e.key}`)} · {t(`drills.verdicts.${e.status}`)}
                              {e.minute === null ? '' : ` @${e.minute}'`}
                            </Tag>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('drills.console.budget', { minutes: e.budgetMinutes })}
                            </Typography.Text>
                            {facilitator && d.status !== 'scheduled' ? (
                              <>
                                <Button
                                  size="small"
                                  onClick={() =>
                                    run(() =>
                                      drillsApi.mark(d.id, {
                                        injectKey: x.key,
                                        expectation: e.key,
                                        status: 'met',
                                      }),
                                    )
                                  }
                                  data-testid={`drill-mark-met-${x.key}-${e.key}`}
                                >
                                  {t('drills.console.markMet')}
                                </Button>
                                <Button
                                  size="small"
                                  danger
                                  onClick={() =>
                                    run(() =>
                                      drillsApi.mark(d.id, {
                                        injectKey: x.key,
                                        expectation: e.key,
                                        status: 'missed',
                                      }),
                                    )
                                  }
                                  data-testid={`drill-mark-missed-${x.key}-${e.key}`}
                                >
                                  {t('drills.console.markMissed')}
                                </Button>
                              </>
                            ) : null}
                          </Space>
                        ))}
                        {acts.length ? (
                          <List
                            size="small"
                            dataSource={acts}
                            data-testid={`drill-actions-${x.key}`}
                            renderItem={(a) => (
                              <List.Item data-testid="drill-action">
                                <Space wrap size={4}>
                                  <Tag>{a.minute}'</Tag>
                                  <Typography.Text strong>{a.userName}</Typography.Text>
                                  <span>{a.text}</span>
                                  {a.claim ? (
                                    <Tag color="blue">{t(`drills.expectations.${a.claim}`)}</Tag>
                                  ) : null}
                                </Space>
                              </List.Item>
                            )}
                          />
                        ) : null}
                      </div>
                    ) : (
                      x.key
                    ),
                  };
                })}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <PracticeIncidentCard drill={d} fetchedAt={fetchedAt} />
            <MeasuresCard m={d.measures} />
            <Card size="small" title={t('drills.console.participants')} data-testid="drill-participants-card">
              {d.participants.length ? d.participants.map((p) => <Tag key={p.userId}>{p.name}</Tag>) : '—'}
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
