import { Card, Col, Empty, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { VendorAffectedUsers } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';

/**
 * RMSV art. 7(3): the vendor notifies the users of its affected products. For each of its published
 * vulnerabilities, how many organisations on the platform still run an affected version (open exposures).
 */
export default function AffectedUsersPage() {
  const { t } = useTranslation();
  const list = useAsync(() => api.vendorAffectedUsers(), []);
  const rows = [...(list.data ?? [])].sort((a, b) => b.affectedOrgs - a.affectedOrgs);
  const max = Math.max(1, ...rows.map((r) => r.affectedOrgs));
  const hit = rows.filter((r) => r.affectedOrgs > 0).length;

  return (
    <div data-testid="affected-users-page">
      <PageHeader title={t('affectedUsers.title')} subtitle={t('affectedUsers.subtitle')} />
      <ProblemAlert error={list.error} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8}>
          <Card size="small" loading={list.loading && !list.data}>
            <Statistic title={t('affectedUsers.stats.published')} value={rows.length} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small" loading={list.loading && !list.data}>
            <Statistic
              title={t('affectedUsers.stats.withUsers')}
              value={hit}
              styles={hit ? { content: { color: '#cf1322' } } : undefined}
            />
          </Card>
        </Col>
      </Row>
      <Card>
        <Table<VendorAffectedUsers>
          rowKey="ref"
          loading={list.loading}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description={t('affectedUsers.empty')} /> }}
          columns={[
            {
              key: 'ref',
              title: t('affectedUsers.fields.ref'),
              width: 170,
              render: (_v, r) => (
                <Link to={`/advisories/${r.ref}`}>
                  <Typography.Text code>{r.ref}</Typography.Text>
                </Link>
              ),
            },
            { key: 'title', title: t('affectedUsers.fields.title'), dataIndex: 'title' },
            {
              key: 'orgs',
              title: t('affectedUsers.fields.affectedOrgs'),
              width: 260,
              render: (_v, r) => (
                <Progress
                  percent={(r.affectedOrgs / max) * 100}
                  format={() => r.affectedOrgs}
                  status="normal"
                  strokeColor="#cf1322"
                  size="small"
                  data-testid="affected-orgs-count"
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
