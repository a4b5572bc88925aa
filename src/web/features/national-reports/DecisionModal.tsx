import { Form, Input, Modal, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { NationalReport } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';

/** The ministry asks the vendor for more on a national report; the note says what is missing. */
export function RequestMoreModal({
  target,
  onClose,
  onDone,
}: {
  target: NationalReport | null;
  onClose: () => void;
  onDone: (n: NationalReport) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const ask = useCallback(
    (v: { note: string }) => api.decideNationalReport(target!.id, { decision: 'request-more', note: v.note }),
    [target],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, ask, onDone);
  useEffect(() => {
    if (target) {
      clearError();
      form.resetFields();
    }
  }, [target, form, clearError]);
  return (
    <Modal
      open={target !== null}
      title={t('nationalInbox.requestMoreTitle', { ref: target?.reportRef ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('nationalInbox.requestMore')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submitting, 'data-testid': 'request-more-submit' }}
      forceRender
    >
      <ProblemAlert error={error} />
      <Typography.Paragraph type="secondary">{t('nationalInbox.requestMoreHint')}</Typography.Paragraph>
      <Form form={form} name="requestMore" layout="vertical" onFinish={submit}>
        <Form.Item
          name="note"
          label={t('nationalInbox.note')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
