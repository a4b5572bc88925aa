import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillDetail } from '../../../contracts/drills';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { drillsApi } from './api';
import { pick } from './drills';

interface Values {
  scenarioId: string;
  title?: string;
  mode: 'facilitator' | 'real-time';
  scheduledFor: Dayjs;
  participantUserIds: string[];
}

/** Schedules a drill from a scenario of the library, with participants of the enterprise (admins pick them). */
export function ScheduleDrillModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (d: DrillDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const scenarios = useAsync(() => (open ? drillsApi.scenarios() : Promise.resolve([])), [open]);
  const people = useAsync(
    () => (open && me.user.role === 'admin' ? api.users(me.org.id) : Promise.resolve([])),
    [open, me.org.id, me.user.role],
  );
  const create = useCallback(
    (v: Values) =>
      drillsApi.schedule({
        scenarioId: v.scenarioId,
        title: v.title?.trim() || undefined,
        mode: v.mode,
        scheduledFor: v.scheduledFor.toISOString(),
        participantUserIds: v.participantUserIds ?? [],
      }),
    [],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, create, onCreated);
  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue({ mode: 'facilitator', scheduledFor: dayjs(), participantUserIds: [] });
  }, [open, form, clearError]);

  return (
    <Modal
      open={open}
      title={t('drills.schedule.title')}
      okText={t('drills.schedule.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'drill-schedule-submit' }}
      forceRender
    >
      <ProblemAlert error={error ?? scenarios.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="drill-schedule-form">
        <Form.Item name="scenarioId" label={t('drills.schedule.scenario')} rules={[{ required: true }]}>
          <Select
            data-testid="drill-scenario"
            loading={scenarios.loading}
            options={(scenarios.data ?? []).map((s) => ({
              value: s.id,
              label: `${pick(s.definition.title, i18n.language)}${s.builtIn ? ` (${t('drills.scenarios.builtIn')})` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('drills.schedule.name')} extra={t('drills.schedule.nameHint')}>
          <Input maxLength={200} data-testid="drill-title" />
        </Form.Item>
        <Form.Item name="mode" label={t('drills.schedule.mode')} extra={t(`drills.schedule.modeHint`)}>
          <Radio.Group data-testid="drill-mode">
            <Radio value="facilitator">{t('drills.modes.facilitator')}</Radio>
            <Radio value="real-time">{t('drills.modes.real-time')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="scheduledFor" label={t('drills.schedule.when')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} data-testid="drill-when" />
        </Form.Item>
        {me.user.role === 'admin' ? (
          <Form.Item name="participantUserIds" label={t('drills.schedule.participants')}>
            <Select
              mode="multiple"
              data-testid="drill-participants"
              loading={people.loading}
              optionFilterProp="label"
              options={(people.data ?? [])
                .filter((u) => u.id !== me.user.id && u.status === 'active')
                .map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
