import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ExaminationSummary } from '../../../contracts/assessments';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { assessmentsApi } from './api';
import { pct } from './text';

/** Self-examinations with their scores; an enterprise's staff start the next one here. */
export default function ExaminationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const list = useAsync(() => assessmentsApi.examinations(), []);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const isEnterprise = me.org.kind === 'enterprise';
  const canStart = isEnterprise && me.user.role !== 'viewer';
  const open = list.data?.find((e) => e.status === 'in-progress');

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const e = await assessmentsApi.start();
      navigate(`/self-examinations/${e.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('assessments.examinations.title')}
        subtitle={t('assessments.examinations.subtitle')}
        extra={
          canStart && !open ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              loading={starting}
              onClick={start}
              data-testid="start-examination"
            >
              {t('assessments.examinations.start')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert error={error ?? list.error} onClose={() => setError(null)} />
      <Card>
        <Table<ExaminationSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          data-testid="examinations-table"
          columns={[
            ...(isEnterprise
              ? []
              : [{ title: t('assessments.cols.enterprise'), dataIndex: 'orgName', key: 'org' }]),
            {
              title: t('assessments.cols.year'),
              dataIndex: 'year',
              render: (y: number, e) => (
                <Link to={`/self-examinations/${e.id}`}>
                  {t('assessments.examinations.ofYear', { year: y })}
                </Link>
              ),
            },
            {
              title: t('assessments.cols.status'),
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={s === 'completed' ? 'green' : 'blue'}>{t(`assessments.examStatus.${s}`)}</Tag>
              ),
            },
            {
              title: t('assessments.cols.score'),
              dataIndex: 'overall',
              render: (s: number | null) => pct(s),
            },
            { title: t('assessments.cols.library'), dataIndex: 'libraryVersion' },
            { title: t('assessments.cols.started'), dataIndex: 'startedAt', render: formatTime },
            { title: t('assessments.cols.completed'), dataIndex: 'completedAt', render: formatTime },
          ]}
        />
      </Card>
    </>
  );
}
