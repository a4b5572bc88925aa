import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/Countdown';
import { incidentCountdown } from '../../lib/countdown';
import { formatTime } from '../../lib/format';
import { ValueStatusTag } from '../programme/ValueStatusTag';
import type { IncidentDetailT } from './api';

type Status = 'final' | 'draft' | 'unconfirmed';

/** The reporting clocks of an incident (214号 信息报告, draft values) with live countdowns and escalations. */
export function ClocksCard({ incident, fetchedAt }: { incident: IncidentDetailT; fetchedAt: number }) {
  const { t } = useTranslation();
  return (
    <Card title={t('incidents.clocks.title')} data-testid="incident-clocks">
      <Descriptions column={1} size="small" bordered>
        {incident.clocks.map((c) => (
          <Descriptions.Item
            key={c.duty}
            label={
              <Space orientation="vertical" size={0}>
                <span>{t(`incidents.duties.${c.duty}.title`)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`incidents.duties.${c.duty}.detail`, { minutes: c.minutes })}
                </Typography.Text>
              </Space>
            }
          >
            <Space wrap>
              <Countdown clock={incidentCountdown(c)} fetchedAt={fetchedAt} testId={`clock-${c.duty}`} />
              <ValueStatusTag status={c.status as Status} clause={c.clause} />
              {c.legal ? null : <Tag>{t('incidents.clocks.target')}</Tag>}
              {c.escalatedAt ? (
                <Tag color="red" data-testid={`escalated-${c.duty}`}>
                  {t('incidents.clocks.escalated', { time: formatTime(c.escalatedAt) })}
                </Tag>
              ) : null}
            </Space>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {incident.dutyRota ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('incidents.clocks.dutyRota', { hours: incident.dutyRota.hoursPerDay })}
        />
      ) : null}
      {incident.unknownDuties.map((u) => (
        <Typography.Paragraph key={u.key} type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t(`incidents.clocks.unknown.${u.key}`)}
        </Typography.Paragraph>
      ))}
    </Card>
  );
}
