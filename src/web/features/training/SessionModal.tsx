import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingSession } from '../../../contracts/training';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../lib/useSubmit';
import { trainingApi } from './api';

interface Values {
  heldOn: Dayjs;
  topic: string;
  trainer: string;
  hours?: number | null;
  attendees: string[];
}

/** Records a training session; attendees are typed as tags (Enter, comma or a pasted list, one per line). */
export function SessionModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (s: TrainingSession) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCallback(
    (v: Values) =>
      trainingApi.createSession({
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        topic: v.topic,
        trainer: v.trainer,
        hours: v.hours ?? null,
        attendees: v.attendees.map((a) => a.trim()).filter(Boolean),
      }),
    [],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, create, onCreated);
  const attendees = Form.useWatch('attendees', form) ?? [];
  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
  }, [open, form, clearError]);

  return (
    <Modal
      open={open}
      title={t('training.sessions.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'session-submit' }}
      forceRender
    >
      <ProblemAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="session-form">
        <Form.Item name="heldOn" label={t('training.sessions.heldOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="session-heldOn" />
        </Form.Item>
        <Form.Item
          name="topic"
          label={t('training.sessions.topic')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} data-testid="session-topic" />
        </Form.Item>
        <Form.Item
          name="trainer"
          label={t('training.sessions.trainer')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} data-testid="session-trainer" />
        </Form.Item>
        <Form.Item name="hours" label={t('training.sessions.hours')}>
          <InputNumber min={1} max={200} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="attendees"
          label={t('training.sessions.attendees')}
          extra={t('training.sessions.attendeesHint', { count: attendees.length })}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、', '\n', ';', '；']}
            data-testid="session-attendees"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
