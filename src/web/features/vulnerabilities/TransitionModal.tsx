import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { TRANSITION_EVENTS } from '../../lib/reports';
import type { ComponentT, Report, ReportDetail, TransitionInput } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';

type Event = (typeof TRANSITION_EVENTS)[number];
type Values = Record<string, unknown>;

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** Upstream components of the report's product (RMSV art. 7(1): notify their providers at once). */
function UpstreamComponents({ productId }: { productId: string | null }) {
  const { t } = useTranslation();
  const [components, setComponents] = useState<ComponentT[] | null>(null);
  useEffect(() => {
    if (productId) api.components(productId).then(setComponents, () => setComponents([]));
  }, [productId]);
  if (!productId) return null;
  return (
    <Form.Item
      name="upstreamComponentIds"
      label={t('actions.fields.upstreamComponents')}
      extra={t('actions.fields.upstreamHint')}
    >
      {components?.length ? (
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={components.map((c) => ({
            value: c.id,
            label: (
              <span>
                <Typography.Text code>{c.purl}</Typography.Text>
                {c.upstreamVendorOrgId ? null : (
                  <Typography.Text type="secondary"> {t('actions.fields.offPlatform')}</Typography.Text>
                )}
              </span>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">
          {components ? t('actions.fields.noComponents') : '…'}
        </Typography.Text>
      )}
    </Form.Item>
  );
}

/** Other reports on the same vendor's products that this one may duplicate: the candidates first. */
function DuplicateTarget({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const [others, setOthers] = useState<Report[]>([]);
  useEffect(() => {
    api.reports({ mine: 'assigned', limit: 200 }).then(
      (p) => setOthers(p.items),
      () => undefined,
    );
  }, []);
  const candidates = new Set(report.duplicateCandidates.map((c) => c.id));
  const options = [
    ...report.duplicateCandidates.map((c) => ({
      value: c.id,
      label: `${c.ref} ${c.title} (${t('duplicates.score', { score: Math.round(c.score * 100) })})`,
    })),
    ...others
      .filter((r) => r.id !== report.id && !candidates.has(r.id))
      .map((r) => ({ value: r.id, label: `${r.ref} ${r.title}` })),
  ];
  return (
    <Form.Item
      name="duplicateOf"
      label={t('actions.fields.duplicateOf')}
      rules={[{ required: true, message: t('validation.choose') }]}
    >
      <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
    </Form.Item>
  );
}

/** The fields each lifecycle event asks for (see TransitionBody in the contracts). */
function EventFields({ event, report }: { event: Event; report: ReportDetail }) {
  const { t } = useTranslation();
  const note = (label: string, must: boolean) => (
    <Form.Item name="note" label={label} rules={must ? required(t('validation.required')) : []}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
    </Form.Item>
  );
  switch (event) {
    case 'start-triage':
    case 'close':
      return note(t('actions.fields.noteOptional'), false);
    case 'request-info':
      return note(t('actions.fields.infoRequest'), true);
    case 'provide-info':
      return note(t('actions.fields.infoAnswer'), true);
    case 'reopen':
      return note(t('actions.fields.reopenReason'), true);
    case 'reject':
      return (
        <Form.Item
          name="reason"
          label={t('actions.fields.rejectReason')}
          rules={required(t('validation.required'))}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      );
    case 'mark-duplicate':
      return (
        <>
          <DuplicateTarget report={report} />
          {note(t('actions.fields.noteOptional'), false)}
        </>
      );
    case 'confirm':
      return (
        <>
          <Alert type="info" showIcon title={t('actions.confirmHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="harm" label={t('actions.fields.harm')} rules={required(t('validation.required'))}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              placeholder={t('actions.fields.harmPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="scope"
            label={t('actions.fields.scope')}
            rules={required(t('validation.required'))}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              placeholder={t('actions.fields.scopePlaceholder')}
            />
          </Form.Item>
          <UpstreamComponents productId={report.productId} />
        </>
      );
    case 'release-fix':
      return (
        <>
          <Form.Item name="kind" label={t('actions.fields.fixKind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'fix', label: t('fixKinds.fix') },
                { value: 'mitigation', label: t('fixKinds.mitigation') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('actions.fields.fixDescription')}
            rules={required(t('validation.required'))}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Form.Item name="fixedVersions" label={t('actions.fields.fixedVersions')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} data-testid="fixed-versions" />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('actions.fields.fixUrl')}
            rules={[{ type: 'url', message: t('validation.url') }]}
          >
            <Input placeholder="https://" />
          </Form.Item>
        </>
      );
    case 'notify-users':
      return (
        <>
          <Form.Item
            name="message"
            label={t('actions.fields.userMessage')}
            rules={required(t('validation.required'))}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Form.Item
            name="userActionRequired"
            valuePropName="checked"
            label={t('actions.fields.userActionRequired')}
          >
            <Switch />
          </Form.Item>
        </>
      );
  }
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

/** The request body for an event: optional blanks dropped (the contract rejects empty optional strings). */
export function transitionBody(event: Event, values: Values): TransitionInput {
  const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => !blank(v)));
  return { ...kept, event } as TransitionInput;
}

const initialFor = (event: Event, report: ReportDetail): Values => {
  switch (event) {
    case 'confirm':
      return { upstreamComponentIds: [] };
    case 'release-fix':
      return { kind: 'fix', fixedVersions: [] };
    case 'notify-users':
      return {
        userActionRequired: true,
        message: report.fix ? report.fix.description : '',
      };
    case 'mark-duplicate':
      return { duplicateOf: report.duplicateCandidates[0]?.id };
    default:
      return {};
  }
};

/** A lifecycle action's form in a modal; on success hands back the updated report. */
export function TransitionModal({
  event,
  report,
  onClose,
  onDone,
}: {
  event: Event | null;
  report: ReportDetail;
  onClose: () => void;
  onDone: (r: ReportDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const act = useCallback(
    (v: Values) => api.transition(report.id, transitionBody(event ?? 'close', v)),
    [report.id, event],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, act, onDone);

  useEffect(() => {
    if (event) {
      clearError();
      form.resetFields();
      form.setFieldsValue(initialFor(event, report));
    }
  }, [event, report, form, clearError]);

  return (
    <Modal
      open={event !== null}
      title={event ? t(`events.${event}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={event ? t(`events.${event}`) : t('common.confirm')}
      okButtonProps={{ loading: submitting, danger: event === 'reject', 'data-testid': 'action-submit' }}
      cancelText={t('common.cancel')}
      width={event === 'confirm' || event === 'release-fix' ? 680 : 560}
      forceRender
    >
      <ProblemAlert error={error} />
      <Typography.Paragraph type="secondary">{event ? t(`eventHints.${event}`) : null}</Typography.Paragraph>
      <Form form={form} name="action" layout="vertical" onFinish={submit} data-testid="action-form">
        {event ? <EventFields event={event} report={report} /> : null}
      </Form>
    </Modal>
  );
}
