import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { ApprovalInput } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';

/** The ministry records MIIT's or MPS's assessment of an early publication (RMSV art. 9(1)). */
export function ApprovalModal({
  reportId,
  open,
  onClose,
  onDone,
}: {
  reportId: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApprovalInput>();
  const record = useCallback((v: ApprovalInput) => api.recordApproval(reportId, v), [reportId]);
  const done = useCallback(
    (r: { approvals: string[] }) => {
      message.success(t('approval.recorded', { list: r.approvals.join(', ') }));
      onDone();
    },
    [message, onDone, t],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, record, done);
  useEffect(() => {
    if (open) {
      clearError();
      form.resetFields();
    }
  }, [open, form, clearError]);
  return (
    <Modal
      open={open}
      title={t('approval.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('approval.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submitting }}
      forceRender
    >
      <ProblemAlert error={error} />
      <Typography.Paragraph type="secondary">{t('approval.hint')}</Typography.Paragraph>
      <Form
        form={form}
        name="approval"
        layout="vertical"
        onFinish={submit}
        initialValues={{ authority: 'MIIT' }}
      >
        <Form.Item name="authority" label={t('approval.authority')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'MIIT', label: t('approval.authorities.MIIT') },
              { value: 'MPS', label: t('approval.authorities.MPS') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('approval.note')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
