import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Talent } from '../../../contracts/training';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../lib/useSubmit';
import { trainingApi } from './api';

interface Values {
  name: string;
  certificate: string;
  certificateNo: string;
  issuer: string;
  issuedOn: Dayjs;
  validUntil?: Dayjs | null;
}

/** Records a certified data-security talent of the enterprise. */
export function TalentModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (t: Talent) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCallback(
    (v: Values) =>
      trainingApi.createTalent({
        name: v.name,
        certificate: v.certificate,
        certificateNo: v.certificateNo,
        issuer: v.issuer,
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
      }),
    [],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, create, onCreated);
  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
  }, [open, form, clearError]);
  const text = (name: keyof Values, max: number) => (
    <Form.Item
      name={name}
      label={t(`training.talents.${name}`)}
      rules={[{ required: true, whitespace: true }]}
    >
      <Input maxLength={max} data-testid={`talent-${name}`} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t('training.talents.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'talent-submit' }}
      forceRender
    >
      <ProblemAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="talent-form">
        {text('name', 100)}
        {text('certificate', 200)}
        {text('certificateNo', 100)}
        {text('issuer', 200)}
        <Form.Item name="issuedOn" label={t('training.talents.issuedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('training.talents.validUntil')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
