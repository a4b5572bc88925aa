import { CheckOutlined, CloseOutlined, StopOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canCoordinate } from '../../app/access';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { FILING_STATUSES } from '../../lib/reports';
import type { Filing, FilingDecisionInput, FilingStatus } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { FilingDetails, FilingStatusTag } from './FilingDetails';

type Filter = FilingStatus | 'all';
type Decision = 'reject' | 'revoke';

/** The ministry's queue of collection-platform filings (RMSV art. 10): approve, reject or revoke with a reason. */
export default function PlatformFilingsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decides = canCoordinate(me);
  const [filter, setFilter] = useState<Filter>('submitted');
  const list = useAsync(() => api.filings(filter === 'all' ? undefined : filter), [filter]);
  const [viewing, setViewing] = useState<Filing | null>(null);
  const [deciding, setDeciding] = useState<{ filing: Filing; decision: Decision } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const decide = useCallback(
    (v: { reason: string }) =>
      api.decideFiling(deciding!.filing.id, {
        decision: deciding!.decision,
        reason: v.reason,
      } satisfies FilingDecisionInput),
    [deciding],
  );
  const done = useCallback(
    (f: Filing) => {
      setDeciding(null);
      setViewing(null);
      message.success(t(`filings.decided.${f.status}`, { name: f.platformName }));
      list.reload();
    },
    [message, t, list.reload],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, decide, done);
  useEffect(() => {
    if (deciding) {
      clearError();
      form.resetFields();
    }
  }, [deciding, form, clearError]);

  const approve = async (f: Filing) => {
    try {
      done(await api.decideFiling(f.id, { decision: 'approve' }));
    } catch (err) {
      message.error(describeError(t, err));
    }
  };

  const actions = (f: Filing) =>
    decides ? (
      <Flex gap={8} wrap>
        {f.status === 'submitted' ? (
          <>
            <Button
              type="primary"
              size="small"
              icon={<CheckOutlined />}
              onClick={() => void approve(f)}
              data-testid="filing-approve"
            >
              {t('filings.approve')}
            </Button>
            <Button
              danger
              size="small"
              icon={<CloseOutlined />}
              onClick={() => setDeciding({ filing: f, decision: 'reject' })}
            >
              {t('filings.reject')}
            </Button>
          </>
        ) : null}
        {f.status === 'approved' ? (
          <Button
            danger
            size="small"
            icon={<StopOutlined />}
            onClick={() => setDeciding({ filing: f, decision: 'revoke' })}
          >
            {t('filings.revoke')}
          </Button>
        ) : null}
      </Flex>
    ) : null;

  return (
    <div data-testid="platform-filings-page">
      <PageHeader title={t('filings.title')} subtitle={t('filings.subtitle')} />
      <ProblemAlert error={list.error} />
      <Card>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          style={{ marginBottom: 16 }}
          options={[
            ...FILING_STATUSES.filter((s) => s !== 'draft').map((s) => ({
              value: s,
              label: t(`filings.status.${s}`),
            })),
            { value: 'all' as const, label: t('filings.all') },
          ]}
        />
        <Table<Filing>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('filings.empty')} /> }}
          columns={[
            {
              key: 'name',
              title: t('filings.fields.platformName'),
              render: (_v, f) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setViewing(f)}>
                  {f.platformName}
                </Button>
              ),
            },
            { key: 'host', title: t('filings.fields.hostName'), dataIndex: 'hostName' },
            {
              key: 'status',
              title: t('filings.statusLabel'),
              width: 110,
              render: (_v, f) => <FilingStatusTag status={f.status} />,
            },
            {
              key: 'number',
              title: t('filings.filingNumber'),
              width: 180,
              render: (_v, f) =>
                f.filingNumber ? <Typography.Text code>{f.filingNumber}</Typography.Text> : '—',
            },
            {
              key: 'submitted',
              title: t('filings.submittedAt'),
              width: 170,
              render: (_v, f) => formatTime(f.submittedAt),
            },
            { key: 'actions', title: t('common.actions'), width: 200, render: (_v, f) => actions(f) },
          ]}
        />
      </Card>
      <Drawer
        open={viewing !== null}
        onClose={() => setViewing(null)}
        size={720}
        title={viewing?.platformName}
        extra={viewing ? actions(viewing) : null}
      >
        {viewing?.decisionReason ? (
          <Typography.Paragraph type="secondary">
            {t('filings.reasonWas', { reason: viewing.decisionReason })}
          </Typography.Paragraph>
        ) : null}
        {viewing ? <FilingDetails f={viewing} /> : null}
      </Drawer>
      <Modal
        open={deciding !== null}
        title={deciding ? t(`filings.${deciding.decision}Title`, { name: deciding.filing.platformName }) : ''}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        okText={deciding ? t(`filings.${deciding.decision}`) : ''}
        okButtonProps={{ danger: true, loading: submitting }}
        cancelText={t('common.cancel')}
        forceRender
      >
        <ProblemAlert error={error} />
        <Form form={form} name="filingDecision" layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('filings.reason')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
