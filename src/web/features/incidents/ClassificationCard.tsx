import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ValueStatusTag } from '../programme/ValueStatusTag';
import type { ClassificationT } from './api';
import { TIER_COLOURS } from './incidents';

type Fired = ClassificationT['fired'][number];
type Status = 'final' | 'draft' | 'unconfirmed';

/** The tier as a coloured tag with its name (I 特别重大 red … IV 一般 blue); "not tiered" when nothing fired. */
export function TierTag({ tier }: { tier: string | null }) {
  const { t } = useTranslation();
  if (!tier)
    return (
      <Tag data-testid="incident-tier" data-tier="none">
        {t('incidents.tiers.none')}
      </Tag>
    );
  return (
    <Tag color={TIER_COLOURS[tier]} data-testid="incident-tier" data-tier={tier}>
      {t('incidents.tierLabel', { tier, name: t(`incidents.tiers.${tier}`) })}
    </Tag>
  );
}

/**
 * Why the incident has its tier: every criterion that reached a tier, the threshold it met, its clause and how settled
 * that threshold is (214号: any one criterion reaches a tier; the most severe tier wins).
 */
export function ClassificationCard({ c, title }: { c: ClassificationT; title?: string }) {
  const { t } = useTranslation();
  const decisive = new Set(c.decisive.map((f) => f.criterion));
  return (
    <Card
      title={title ?? t('incidents.classification.title')}
      extra={<TierTag tier={c.tier} />}
      data-testid="classification-card"
    >
      <Typography.Paragraph type="secondary">{t('incidents.classification.rule')}</Typography.Paragraph>
      {c.fired.length === 0 ? (
        <Empty description={t('incidents.classification.none')} />
      ) : (
        <Table<Fired>
          rowKey="criterion"
          size="small"
          pagination={false}
          dataSource={c.fired}
          scroll={{ x: 560 }}
          data-testid="fired-criteria"
          rowClassName={(f) => (decisive.has(f.criterion) ? 'decisive' : '')}
          columns={[
            {
              key: 'criterion',
              title: t('incidents.classification.criterion'),
              width: 150,
              render: (_v, f) => (
                <Space size={4} wrap>
                  <span data-testid="fired-criterion" data-criterion={f.criterion}>
                    {t(`incidents.criteria.${f.criterion}`)}
                  </span>
                  {decisive.has(f.criterion) ? (
                    <Tag color="processing">{t('incidents.classification.decisive')}</Tag>
                  ) : null}
                </Space>
              ),
            },
            {
              key: 'tier',
              title: t('incidents.classification.reached'),
              render: (_v, f) => <TierTag tier={f.tier} />,
            },
            {
              key: 'actual',
              title: t('incidents.classification.actual'),
              render: (_v, f) => String(f.actual),
            },
            { key: 'threshold', title: t('incidents.classification.threshold'), dataIndex: 'threshold' },
            {
              key: 'status',
              title: t('incidents.classification.status'),
              render: (_v, f) => (
                <ValueStatusTag status={f.status as Status} clause={`${f.clause} — ${f.source}`} />
              ),
            },
          ]}
        />
      )}
      {c.unknown.length ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('incidents.classification.unknown')}
          description={c.unknown
            .map(
              (u) =>
                `${t(`incidents.criteria.${u.criterion}`)} (${t('incidents.tierLabel', { tier: u.tier, name: t(`incidents.tiers.${u.tier}`) })})`,
            )
            .join('；')}
        />
      ) : null}
    </Card>
  );
}
