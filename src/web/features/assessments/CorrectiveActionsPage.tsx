import { ClockCircleOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Badge, Card, Col, Empty, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CorrectiveAction, CorrectiveStatus } from '../../../contracts/assessments';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAsync } from '../../lib/useAsync';
import { ActionDrawer } from './ActionDrawer';
import { assessmentsApi } from './api';

const COLUMNS: CorrectiveStatus[] = ['open', 'in-progress', 'resolved', 'verified'];

/** The corrective-action board (整改): four columns, overdue cards highlighted, a drawer to move each card. */
export default function CorrectiveActionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const sourceId = params.get('sourceId') ?? undefined;
  const [filter, setFilter] = useState<'all' | 'mine' | 'overdue'>('all');
  const list = useAsync(
    () => assessmentsApi.actions({ sourceId, overdue: filter === 'overdue' ? 'true' : undefined }),
    [sourceId, filter],
  );
  // Only admins may list the org's users (to pick an owner); others see the owner's name.
  const users = useAsync(
    () => (me.user.role === 'admin' ? assessmentsApi.orgUsers(me.org.id) : Promise.resolve(undefined)),
    [me.org.id],
  );
  const [openId, setOpenId] = useState<string | null>(params.get('id'));
  useEffect(() => setOpenId(params.get('id')), [params]);
  const rows = (list.data ?? []).filter((a) => filter !== 'mine' || a.ownerUserId === me.user.id);
  const open = list.data?.find((a) => a.id === openId) ?? null;
  const replace = (a: CorrectiveAction) => list.setData((prev) => prev?.map((x) => (x.id === a.id ? a : x)));

  return (
    <>
      <PageHeader
        title={t('assessments.actions.title')}
        subtitle={t('assessments.actions.subtitle')}
        extra={
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            options={[
              { value: 'all', label: t('assessments.actions.filter.all') },
              { value: 'mine', label: t('assessments.actions.filter.mine') },
              { value: 'overdue', label: t('assessments.actions.filter.overdue') },
            ]}
            data-testid="action-filter"
          />
        }
      />
      {sourceId ? (
        <Tag closable onClose={() => setParams({})} style={{ marginBottom: 12 }}>
          {t('assessments.actions.fromExamination')}
        </Tag>
      ) : null}
      <ProblemAlert error={list.error} />
      <Row gutter={12}>
        {COLUMNS.map((status) => {
          const cards = rows.filter((a) => a.status === status);
          return (
            <Col key={status} xs={24} md={12} xl={6}>
              <Card
                size="small"
                title={
                  <Space>
                    {t(`assessments.actionStatus.${status}`)}
                    <Badge count={cards.length} showZero color="#8c8c8c" />
                  </Space>
                }
                styles={{ body: { background: '#fafafa', minHeight: 200 } }}
                data-testid={`column-${status}`}
              >
                {cards.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={null} />
                ) : null}
                {cards.map((a) => (
                  <Card
                    key={a.id}
                    size="small"
                    hoverable
                    style={{ marginBottom: 8, borderColor: a.overdue ? '#ff4d4f' : undefined }}
                    onClick={() => setOpenId(a.id)}
                    data-testid={`action-${a.controlId ?? a.id}`}
                    data-overdue={String(a.overdue)}
                  >
                    <Space size={4} wrap>
                      {a.controlId ? <Tag>{a.controlId}</Tag> : null}
                      {me.org.kind !== 'enterprise' ? <Tag color="blue">{a.orgName}</Tag> : null}
                    </Space>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
                      {a.title}
                    </Typography.Paragraph>
                    <Space size={8} wrap style={{ fontSize: 12 }}>
                      <Typography.Text type="secondary">
                        {a.ownerName ?? t('assessments.actions.noOwner')}
                      </Typography.Text>
                      <Typography.Text type={a.overdue ? 'danger' : 'secondary'}>
                        <ClockCircleOutlined /> {a.dueOn}
                        {a.overdue ? ` ${t('assessments.actions.overdue')}` : ''}
                      </Typography.Text>
                      {a.evidence.length ? (
                        <Typography.Text type="secondary">
                          <PaperClipOutlined /> {a.evidence.length}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  </Card>
                ))}
              </Card>
            </Col>
          );
        })}
      </Row>
      <ActionDrawer action={open} users={users.data} onClose={() => setOpenId(null)} onChanged={replace} />
    </>
  );
}
