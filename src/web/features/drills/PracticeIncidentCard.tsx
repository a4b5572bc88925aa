import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DrillDetail } from '../../../contracts/drills';
import { Countdown } from '../../components/Countdown';
import { TierTag } from '../incidents/ClassificationCard';
import { asClock } from './drills';

/**
 * The practice incident the drill raised through the real 214号 rules: its tier, the criteria that fired and the
 * regulator's 10-minute phone and 30-minute written clocks, clearly labelled as practice.
 */
export function PracticeIncidentCard({ drill, fetchedAt }: { drill: DrillDetail; fetchedAt: number }) {
  const { t } = useTranslation();
  const i = drill.incident;
  return (
    <Card
      size="small"
      title={t('drills.incident.title')}
      extra={
        <Tag color="purple" data-testid="drill-practice-label">
          {t('drills.incident.practice')}
        </Tag>
      }
      data-testid="drill-incident"
    >
      {!i ? (
        <Empty description={t('drills.incident.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <TierTag tier={i.tier} />
            {drill.canFacilitate || drill.canParticipate ? (
              <Link to={`/incidents/${i.id}`} data-testid="drill-incident-link">
                <Typography.Text code>{i.ref}</Typography.Text>
              </Link>
            ) : (
              <Typography.Text code>{i.ref}</Typography.Text>
            )}
          </Space>
          <List
            size="small"
            header={t('drills.incident.fired')}
            dataSource={i.fired}
            data-testid="drill-incident-fired"
            renderItem={(f) => (
              <List.Item data-criterion={f.criterion}>
                <Space wrap size={4}>
                  <span>{t(`incidents.criteria.${f.criterion}`)}</span>
                  <TierTag tier={f.tier} />
                  {i.decisive.includes(f.criterion) ? (
                    <Tag color="processing">{t('drills.incident.decisive')}</Tag>
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.threshold} · {f.clause}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {i.clocks.length ? (
            <Descriptions size="small" column={1} bordered data-testid="drill-incident-clocks">
              {i.clocks.map((c) => (
                <Descriptions.Item
                  key={c.duty}
                  label={t('drills.incident.clock', {
                    duty: t(`incidents.duties.${c.duty}.short`),
                    minutes: c.minutes,
                  })}
                >
                  <span data-testid={`drill-clock-${c.duty}`} data-minutes={c.minutes}>
                    <Countdown clock={asClock(c)} fetchedAt={fetchedAt} />
                  </span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          ) : null}
        </Space>
      )}
    </Card>
  );
}
