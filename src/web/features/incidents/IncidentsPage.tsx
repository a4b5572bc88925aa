import { PlusOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/session';
import { Countdown } from '../../components/Countdown';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { incidentCountdown } from '../../lib/countdown';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useKeyset } from '../../lib/useKeyset';
import { type IncidentT, incidentsApi } from './api';
import { TierTag } from './ClassificationCard';
import { TIERS } from './incidents';

type TierFilter = (typeof TIERS)[number] | 'all';

/** The enterprise's own annual incident summary (Measures 2022 annual reporting). */
function AnnualCard() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const s = useAsync(() => incidentsApi.annual(year), [year]);
  if (!s.data) return null;
  return (
    <Card
      title={t('incidents.annual.title', { year })}
      style={{ marginBottom: 16 }}
      data-testid="incident-annual"
    >
      <Row gutter={16}>
        <Col xs={12} md={4}>
          <Statistic title={t('incidents.annual.total')} value={s.data.total} />
        </Col>
        {TIERS.map((tier) => (
          <Col xs={12} md={4} key={tier}>
            <Statistic
              title={t('incidents.tierLabel', { tier, name: t(`incidents.tiers.${tier}`) })}
              value={s.data?.byTier[tier] ?? 0}
            />
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Statistic title={t('incidents.annual.late')} value={s.data.reportedLate} />
        </Col>
      </Row>
    </Card>
  );
}

/** Incidents in scope: the enterprise's own reports, or a regulator's inbox by tier with live clocks (214号). */
export default function IncidentsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const enterprise = me.org.kind === 'enterprise';
  const [tier, setTier] = useState<TierFilter>('all');
  const [counts, setCounts] = useState<Record<string, number>>({});
  const list = useKeyset(
    async (cursor) => {
      const page = await incidentsApi.list({ tier: tier === 'all' ? undefined : tier, cursor });
      setCounts(page.openByTier);
      return page;
    },
    [tier],
  );
  const ministryClock = (i: IncidentT) => i.clocks.filter((c) => c.duty !== 'processor-report');

  return (
    <div data-testid="incidents-page">
      <PageHeader
        title={enterprise ? t('incidents.title.enterprise') : t('incidents.title.regulator')}
        subtitle={enterprise ? t('incidents.subtitle.enterprise') : t('incidents.subtitle.regulator')}
        extra={
          enterprise && me.user.role !== 'viewer' ? (
            <Button
              type="primary"
              danger
              icon={<PlusOutlined />}
              onClick={() => navigate('/incidents/new')}
              data-testid="report-incident"
            >
              {t('incidents.report')}
            </Button>
          ) : null
        }
      />
      {enterprise ? <AnnualCard /> : null}
      <ProblemAlert error={list.error} />
      <Card>
        <Segmented<TierFilter>
          value={tier}
          onChange={setTier}
          style={{ marginBottom: 16 }}
          data-testid="tier-filter"
          options={[
            { value: 'all', label: t('incidents.allTiers') },
            ...TIERS.map((k) => ({
              value: k,
              label: (
                <Space size={4}>
                  {t('incidents.tierLabel', { tier: k, name: t(`incidents.tiers.${k}`) })}
                  <Badge count={counts[k] ?? 0} size="small" showZero={false} />
                </Space>
              ),
            })),
          ]}
        />
        <Table<IncidentT>
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1000 }}
          data-testid="incident-table"
          locale={{ emptyText: <Empty description={t('incidents.empty')} /> }}
          columns={[
            {
              key: 'ref',
              title: t('incidents.fields.ref'),
              width: 150,
              render: (_v, i) => (
                <Link to={`/incidents/${i.id}`} data-testid="incident-link">
                  <Typography.Text code>{i.ref}</Typography.Text>
                </Link>
              ),
            },
            {
              key: 'title',
              title: t('incidents.fields.title'),
              render: (_v, i) => (
                <Space size={4} wrap>
                  {i.practice ? <Tag color="purple">{t('incidents.practice')}</Tag> : null}
                  <span>{i.title}</span>
                  {enterprise ? null : <Typography.Text type="secondary">· {i.orgName}</Typography.Text>}
                </Space>
              ),
            },
            {
              key: 'tier',
              title: t('incidents.fields.tier'),
              width: 150,
              render: (_v, i) => <TierTag tier={i.tier} />,
            },
            {
              key: 'status',
              title: t('incidents.fields.status'),
              width: 100,
              render: (_v, i) => <Tag>{t(`incidents.statuses.${i.status}`)}</Tag>,
            },
            {
              key: 'reported',
              title: t('incidents.fields.reportedAt'),
              width: 180,
              render: (_v, i) => formatTime(i.reportedAt),
            },
            {
              key: 'clocks',
              title: t('incidents.clocks.ministry'),
              width: 260,
              render: (_v, i) => {
                const cs = ministryClock(i);
                if (!cs.length)
                  return <Typography.Text type="secondary">{t('incidents.clocks.none')}</Typography.Text>;
                return (
                  <Space orientation="vertical" size={2}>
                    {cs.map((c) => (
                      <Space key={c.duty} size={4}>
                        <Typography.Text style={{ fontSize: 12 }}>
                          {t(`incidents.duties.${c.duty}.short`)}
                        </Typography.Text>
                        <Countdown clock={incidentCountdown(c)} fetchedAt={list.fetchedAt} />
                      </Space>
                    ))}
                  </Space>
                );
              },
            },
          ]}
        />
        {list.more ? (
          <Button style={{ marginTop: 12 }} onClick={list.more}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
