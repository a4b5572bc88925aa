import { App, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../lib/useSubmit';
import { type FactsInput, type IncidentDetailT, incidentsApi } from './api';
import { cleanFacts, FactsFields } from './FactsFields';

/** The actions on an incident page; each opens one modal. */
export type IncidentAction =
  | 'facts'
  | 'follow-up'
  | 'contain'
  | 'notify'
  | 'close'
  | 'ministry'
  | 'corrective';

interface Props {
  incident: IncidentDetailT;
  action: IncidentAction | null;
  onClose: () => void;
  onDone: (next: IncidentDetailT) => void;
  /** The server's time now (the browser's clock may differ from the server's). */
  serverNow: () => Dayjs;
}

type Values = Record<string, unknown> & { note?: string; text?: string; at?: Dayjs };

const FACT_KEYS = [
  'type',
  'sector',
  'dataLevels',
  'dataAssetIds',
  'harm',
  'piRecords',
  'sensitivePiRecords',
  'directLossYuan',
  'outageHours',
  'productionImpact',
  'systemsAffected',
] as const;

/** Runs the chosen action on the incident and answers with its new state. */
function run(incident: IncidentDetailT, action: IncidentAction, v: Values): Promise<IncidentDetailT> {
  const id = incident.id;
  const s = (k: string) => String(v[k] ?? '');
  switch (action) {
    case 'facts':
      return incidentsApi.updateFacts(id, {
        ...(cleanFacts(Object.fromEntries(FACT_KEYS.map((k) => [k, v[k]]))) as FactsInput),
        note: s('note'),
      });
    case 'follow-up':
      return incidentsApi.followUp(id, s('text'));
    case 'contain':
      return incidentsApi.contain(id, s('note'));
    case 'notify':
      return incidentsApi.notifyUsers(id, {
        channel: s('channel'),
        recipients: Number(v.recipients ?? 0),
        message: s('message'),
      });
    case 'close':
      return incidentsApi.close(id, s('text'));
    case 'corrective':
      return incidentsApi.raiseAction(id, {
        title: s('title'),
        detail: s('detail') || undefined,
        dueOn: v.dueOn ? (v.dueOn as Dayjs).format('YYYY-MM-DD') : undefined,
      });
    case 'ministry':
      return incidentsApi.ministryReport(id, {
        channel: v.channel as 'phone' | 'written',
        at: v.at ? v.at.toISOString() : undefined,
        note: s('note') || undefined,
      });
  }
}

/** One modal per incident action (update facts, follow-up, contain, notify individuals, close, log a ministry report). */
export function ActionModal({ incident, action, onClose, onDone, serverNow }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const initial = useMemo((): Values => {
    if (action === 'facts') {
      return Object.fromEntries(
        FACT_KEYS.map((k) => [k, incident[k as keyof IncidentDetailT] ?? undefined]),
      ) as Values;
    }
    if (action === 'ministry') {
      const phoneDone = incident.clocks.find((c) => c.duty === 'regulator-phone')?.doneAt;
      return { channel: phoneDone ? 'written' : 'phone', at: serverNow() };
    }
    return {};
  }, [action, incident, serverNow]);
  const { submit, submitting, error, clearError } = useSubmit<Values, IncidentDetailT>(
    form,
    (v) => run(incident, action!, v),
    (next) => {
      message.success(t(`incidents.actions.${action}.done`));
      onDone(next);
    },
  );
  const text = (name: string, label: string, rows = 4) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <Input.TextArea rows={rows} data-testid={`action-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open={action !== null}
      title={action ? t(`incidents.actions.${action}.title`) : ''}
      onCancel={() => {
        clearError();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      width={action === 'facts' ? 820 : 560}
      okButtonProps={{ id: 'incident-action-ok' }}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form<Values>
        key={action ?? 'none'}
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        preserve={false}
      >
        {action === 'facts' ? (
          <>
            <FactsFields />
            {text('note', t('incidents.actions.facts.note'), 2)}
          </>
        ) : null}
        {action === 'follow-up' ? text('text', t('incidents.actions.follow-up.text')) : null}
        {action === 'contain' ? text('note', t('incidents.actions.contain.note'), 2) : null}
        {action === 'close' ? text('text', t('incidents.actions.close.text'), 6) : null}
        {action === 'corrective' ? (
          <>
            <Form.Item
              name="title"
              label={t('incidents.actions.corrective.titleField')}
              rules={[{ required: true, max: 200 }]}
            >
              <Input data-testid="action-title" />
            </Form.Item>
            <Form.Item name="detail" label={t('incidents.actions.corrective.detail')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item
              name="dueOn"
              label={t('incidents.actions.corrective.dueOn')}
              extra={t('incidents.actions.corrective.dueHint')}
            >
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
        {action === 'notify' ? (
          <>
            <Form.Item
              name="channel"
              label={t('incidents.actions.notify.channel')}
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="recipients"
              label={t('incidents.actions.notify.recipients')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            {text('message', t('incidents.actions.notify.message'), 3)}
          </>
        ) : null}
        {action === 'ministry' ? (
          <>
            <Form.Item
              name="channel"
              label={t('incidents.actions.ministry.channel')}
              rules={[{ required: true }]}
            >
              <Radio.Group
                options={[
                  { value: 'phone', label: t('incidents.duties.regulator-phone.short') },
                  { value: 'written', label: t('incidents.duties.regulator-written.short') },
                ]}
                data-testid="ministry-channel"
              />
            </Form.Item>
            <Form.Item name="at" label={t('incidents.actions.ministry.at')} rules={[{ required: true }]}>
              <DatePicker showTime disabledDate={(d) => d.isAfter(serverNow())} />
            </Form.Item>
            <Form.Item name="note" label={t('incidents.actions.ministry.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
