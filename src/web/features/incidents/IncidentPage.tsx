import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useAsync, useTimedAsync } from '../../lib/useAsync';
import { ActionModal, type IncidentAction } from './ActionModals';
import { type IncidentDetailT, incidentsApi } from './api';
import { ClassificationCard, TierTag } from './ClassificationCard';
import { ClocksCard } from './ClocksCard';

const money = (n: number | null) => (n === null ? '—' : n.toLocaleString());

/** What the actor may do with this incident, mirroring the server's incidents policy. */
function actionsFor(me: ReturnType<typeof useMe>, i: IncidentDetailT): IncidentAction[] {
  if (me.user.role === 'viewer') return [];
  const ownStaff = me.org.kind === 'enterprise' && me.org.id === i.orgId;
  if (i.status === 'closed') return ownStaff ? ['corrective'] : [];
  const own = me.org.kind === 'enterprise' && me.org.id === i.orgId;
  const regulator = me.org.kind === 'provincial-regulator' && me.org.provinceCode === i.provinceCode;
  const ministryDue = i.clocks.some((c) => c.duty !== 'processor-report' && !c.doneAt);
  const out: IncidentAction[] = [];
  if (own) {
    out.push('facts', 'follow-up');
    if (i.status === 'open') out.push('contain');
    if (i.individualsAtRisk && !i.usersNotifiedAt) out.push('notify');
    out.push('close');
  }
  if (own) out.push('corrective');
  if (ministryDue && (regulator || (own && i.practice))) out.push('ministry');
  return out;
}

/** The corrective actions raised from this incident, on the programme's board. */
function ActionsCard({ incidentId, version }: { incidentId: string; version: number }) {
  const { t } = useTranslation();
  const list = useAsync(() => incidentsApi.actionsOf(incidentId), [incidentId, version]);
  return (
    <Card
      title={t('incidents.correctiveActions')}
      extra={<Link to="/corrective-actions">{t('incidents.board')}</Link>}
      data-testid="incident-actions"
    >
      {list.data?.length ? (
        list.data.map((a) => (
          <div key={a.id} data-testid="incident-corrective-action" style={{ marginBottom: 8 }}>
            <Space wrap>
              <Typography.Text strong>{a.title}</Typography.Text>
              <Tag color={a.overdue ? 'red' : undefined}>{a.dueOn}</Tag>
              <Tag>{a.status}</Tag>
            </Space>
          </div>
        ))
      ) : (
        <Typography.Text type="secondary">{t('incidents.noActions')}</Typography.Text>
      )}
    </Card>
  );
}

/** One incident: its tier and why, the reporting clocks, the timeline, and the actions of the actor's role. */
export default function IncidentPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t } = useTranslation();
  const item = useTimedAsync(() => incidentsApi.get(id), [id]);
  const { fetchedAt } = item;
  const [action, setAction] = useState<IncidentAction | null>(null);
  const i = item.data;
  const asOf = i?.asOf;
  const serverNow = useCallback(
    () => dayjs(asOf ? Date.parse(asOf) + (Date.now() - fetchedAt) : Date.now()),
    [asOf, fetchedAt],
  );

  return (
    <div data-testid="incident-page">
      <ProblemAlert error={item.error} />
      {i ? (
        <>
          <PageHeader
            title={
              <Space wrap>
                <Typography.Text code>{i.ref}</Typography.Text>
                {i.title}
                <TierTag tier={i.tier} />
                {i.practice ? (
                  <Tag color="purple" data-testid="practice-tag">
                    {t('incidents.practice')}
                  </Tag>
                ) : null}
                <Tag data-testid="incident-status" data-status={i.status}>
                  {t(`incidents.statuses.${i.status}`)}
                </Tag>
              </Space>
            }
            subtitle={i.orgName}
            extra={
              <Space wrap>
                {actionsFor(me, i).map((a) => (
                  <Button
                    key={a}
                    type={a === 'ministry' || a === 'facts' ? 'primary' : 'default'}
                    onClick={() => setAction(a)}
                    data-testid={`incident-action-${a}`}
                  >
                    {t(`incidents.actions.${a}.button`)}
                  </Button>
                ))}
              </Space>
            }
          />
          {i.practice ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('incidents.practiceNote')} />
          ) : null}
          {i.individualsAtRisk && !i.usersNotifiedAt && i.status !== 'closed' ? (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('incidents.notifyDue')} />
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <ClassificationCard c={i.classification} />
                <Card title={t('incidents.facts')}>
                  <Descriptions column={{ xs: 1, md: 2 }} size="small">
                    <Descriptions.Item label={t('incidents.fields.type')}>
                      {t(`incidents.types.${i.type}`)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.sector')}>
                      {t(`incidents.sectors.${i.sector}`)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.dataLevels')}>
                      {i.dataLevels.map((l) => t(`incidents.levels.${l}`)).join('、') || '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.harm')}>
                      {i.harm ? t(`incidents.harms.${i.harm}`) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.piRecords')}>
                      {money(i.piRecords)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.sensitivePiRecords')}>
                      {money(i.sensitivePiRecords)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.directLossYuan')}>
                      {money(i.directLossYuan)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.outageHours')}>
                      {money(i.outageHours)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.discoveredAt')}>
                      {formatTime(i.discoveredAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.reportedAt')}>
                      {formatTime(i.reportedAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.systemsAffected')} span={2}>
                      {i.systemsAffected ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('incidents.fields.description')} span={2}>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                        {i.description}
                      </Typography.Paragraph>
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
              </Space>
            </Col>
            <Col xs={24} xl={10}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <ClocksCard incident={i} fetchedAt={fetchedAt} />
                <ActionsCard incidentId={i.id} version={i.timeline.length} />
                <Card title={t('incidents.timeline.title')} data-testid="incident-timeline">
                  <Timeline
                    items={i.timeline.map((e) => ({
                      color: e.kind === 'escalated' ? 'red' : e.kind === 'reclassified' ? 'orange' : 'blue',
                      content: (
                        <div data-testid="timeline-event" data-kind={e.kind}>
                          <Typography.Text strong>{t(`incidents.timeline.kinds.${e.kind}`)}</Typography.Text>
                          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                            {formatTime(e.at)}
                          </Typography.Text>
                          {e.kind === 'reclassified' ? (
                            <div>
                              {t('incidents.timeline.moved', {
                                from: String(e.data.from ?? '—'),
                                to: String(e.data.to ?? '—'),
                              })}
                            </div>
                          ) : null}
                          {e.kind === 'corrective-action' ? <div>{String(e.data.title ?? '')}</div> : null}
                          {e.kind === 'escalated' ? (
                            <div>{t(`incidents.duties.${String(e.data.duty)}.short`)}</div>
                          ) : null}
                          {e.text ? (
                            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                              {e.text}
                            </Typography.Paragraph>
                          ) : null}
                        </div>
                      ),
                    }))}
                  />
                </Card>
              </Space>
            </Col>
          </Row>
          <ActionModal
            incident={i}
            action={action}
            onClose={() => setAction(null)}
            serverNow={serverNow}
            onDone={(next) => {
              setAction(null);
              item.replace(next);
            }}
          />
        </>
      ) : null}
    </div>
  );
}
