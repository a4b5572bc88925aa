import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Form, Input, Modal, Segmented, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/session';
import { Countdown } from '../../components/Countdown';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { catalogApi, type FilingDetailT, type FilingStatusT, type FilingT } from './api';
import { FilingDrawer } from './FilingDrawer';
import { FilingStatusTag, RuleMark } from './marks';

type Filter = FilingStatusT | 'all';

/**
 * The provincial regulator's review queue of catalog filings with the 20-working-day clock (Measures art. 12?,
 * draft): approve, or return with a comment. The ministry reads every province's filings and never decides.
 */
export default function CatalogReviewsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decides = me.org.kind === 'provincial-regulator' && me.user.role !== 'viewer';
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<Filter>('submitted');
  const list = useAsync(() => catalogApi.filings(filter === 'all' ? undefined : filter), [filter]);
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const viewing = params.get('filing');
  const view = (id: string | null) => setParams(id ? { filing: id } : {});
  const [returning, setReturning] = useState<FilingDetailT | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const done = useCallback(
    (f: FilingT) => {
      message.success(t(`catalog.reviews.done.${f.status}`, { org: f.orgName }));
      setReturning(null);
      setParams({});
      list.reload();
      setFetchedAt(Date.now());
    },
    [message, t, list.reload, setParams],
  );
  const sendBack = useCallback(
    (v: { comment: string }) => catalogApi.returnFiling(returning!.id, v.comment),
    [returning],
  );
  const { submit, submitting, error } = useSubmit(form, sendBack, done);
  const approve = async (f: FilingDetailT) => {
    try {
      done(await catalogApi.approve(f.id));
    } catch (err) {
      message.error(describeError(t, err));
    }
  };

  const first = list.data?.[0];
  return (
    <>
      <PageHeader
        title={t('catalog.reviews.title')}
        subtitle={
          <Space wrap>
            {decides ? t('catalog.reviews.subtitle') : t('catalog.reviews.readOnly')}
            {first ? <RuleMark status={first.review.status} clause={first.review.clause} /> : null}
          </Space>
        }
        extra={
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={(['submitted', 'returned', 'approved', 'superseded', 'all'] as const).map((s) => ({
              value: s,
              label: s === 'all' ? t('catalog.reviews.all') : t(`catalog.filingStatus.${s}`),
            }))}
          />
        }
      />
      <ProblemAlert error={list.error} />
      <Table<FilingT>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data}
        pagination={false}
        data-testid="review-queue"
        onRow={(f) =>
          ({
            'data-testid': `queue-row-${f.orgName}`,
            style: f.review.overdue ? { background: '#fff1f0' } : undefined,
          }) as React.HTMLAttributes<HTMLTableRowElement>
        }
        columns={[
          { title: t('catalog.filing.org'), dataIndex: 'orgName', key: 'org' },
          {
            title: t('catalog.filing.kind'),
            key: 'kind',
            render: (_, f) => t(`catalog.filing.kinds.${f.kind}`),
          },
          {
            title: t('catalog.filing.status'),
            key: 'status',
            render: (_, f) => <FilingStatusTag status={f.status} />,
          },
          { title: t('catalog.filing.revisionShort'), dataIndex: 'revision', key: 'rev' },
          { title: t('catalog.filing.submittedAt'), key: 'at', render: (_, f) => formatTime(f.submittedAt) },
          {
            title: t('catalog.reviews.clock'),
            key: 'clock',
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <Countdown clock={f.review.clock} fetchedAt={fetchedAt} testId="queue-countdown" />
                <Typography.Text type={f.review.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {f.status === 'submitted'
                    ? t('catalog.review.dueLeft', { day: f.review.lastDay, n: f.review.workingDaysLeft })
                    : t('catalog.review.dueOn', { day: f.review.lastDay })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '',
            key: 'open',
            render: (_, f) => (
              <Button size="small" onClick={() => view(f.id)} data-testid={`review-${f.orgName}`}>
                {t('catalog.reviews.open')}
              </Button>
            ),
          },
        ]}
      />
      <FilingDrawer
        id={viewing}
        onClose={() => view(null)}
        actions={(f) =>
          decides && f.status === 'submitted' ? (
            <Space>
              <Button
                icon={<RollbackOutlined />}
                onClick={() => {
                  form.resetFields();
                  setReturning(f);
                }}
                data-testid="return-filing"
              >
                {t('catalog.reviews.return')}
              </Button>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => approve(f)}
                data-testid="approve-filing"
              >
                {t('catalog.reviews.approve')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Modal
        open={returning !== null}
        title={t('catalog.reviews.returnTitle')}
        onCancel={() => setReturning(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: submitting, ...({ 'data-testid': 'return-confirm' } as ButtonProps) }}
        destroyOnHidden
      >
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="comment"
            label={t('catalog.reviews.comment')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={4} maxLength={2000} data-testid="return-comment-input" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
