import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Drill } from '../../../contracts/drills';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useKeyset } from '../../lib/useKeyset';
import { TierTag } from '../incidents/ClassificationCard';
import { drillsApi } from './api';
import { ScheduleDrillModal } from './ScheduleDrillModal';

const STATUS_COLOURS: Record<string, string> = {
  scheduled: 'default',
  running: 'processing',
  completed: 'success',
};

/** Drills in scope: the enterprise's own (any state), or those filed with a regulator (34号 drills as evidence). */
export default function DrillsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const enterprise = me.org.kind === 'enterprise';
  const [scheduling, setScheduling] = useState(false);
  const list = useKeyset((cursor) => drillsApi.list({ cursor }), []);
  const open = (d: Drill) => (d.status === 'completed' ? `/drills/${d.id}/report` : `/drills/${d.id}`);

  return (
    <div data-testid="drills-page">
      <PageHeader
        title={t('drills.title')}
        subtitle={enterprise ? t('drills.subtitle.enterprise') : t('drills.subtitle.regulator')}
        extra={
          enterprise && me.user.role !== 'viewer' ? (
            <Space>
              <Link to="/drill-scenarios">
                <Button data-testid="drill-scenarios-link">{t('drills.scenarios.title')}</Button>
              </Link>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setScheduling(true)}
                data-testid="drill-new"
              >
                {t('drills.schedule.title')}
              </Button>
            </Space>
          ) : null
        }
      />
      <ProblemAlert error={list.error} />
      <Table<Drill>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="drills-table"
        onRow={(d) => ({ 'data-testid': `drill-row-${d.id}`, 'data-org': d.orgId }) as object}
        columns={[
          {
            key: 'title',
            title: t('drills.cols.title'),
            render: (_v, d) => (
              <Link to={open(d)} data-testid="drill-link">
                {d.title}
              </Link>
            ),
          },
          ...(enterprise
            ? []
            : [
                {
                  key: 'org',
                  title: t('drills.cols.enterprise'),
                  render: (_v: unknown, d: Drill) => d.orgName,
                },
              ]),
          {
            key: 'status',
            title: t('drills.cols.status'),
            render: (_v, d) => (
              <Space size={4}>
                <Tag color={STATUS_COLOURS[d.status]} data-testid="drill-status" data-status={d.status}>
                  {t(`drills.statuses.${d.status}`)}
                </Tag>
                {d.filedAt ? <Tag color="green">{t('drills.filed')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'mode', title: t('drills.cols.mode'), render: (_v, d) => t(`drills.modes.${d.mode}`) },
          { key: 'when', title: t('drills.cols.when'), render: (_v, d) => formatTime(d.scheduledFor) },
          {
            key: 'score',
            title: t('drills.cols.score'),
            render: (_v, d) => (d.score === null ? '—' : <Typography.Text strong>{d.score}</Typography.Text>),
          },
          {
            key: 'tier',
            title: t('drills.cols.incident'),
            render: (_v, d) => (d.incidentTier ? <TierTag tier={d.incidentTier} /> : '—'),
          },
          { key: 'filedAt', title: t('drills.cols.filedAt'), render: (_v, d) => formatTime(d.filedAt) },
        ]}
      />
      {list.more ? (
        <Button style={{ marginTop: 12 }} onClick={list.more}>
          {t('common.loadMore')}
        </Button>
      ) : null}
      <ScheduleDrillModal
        open={scheduling}
        onClose={() => setScheduling(false)}
        onCreated={(d) => {
          setScheduling(false);
          navigate(`/drills/${d.id}`);
        }}
      />
    </div>
  );
}
