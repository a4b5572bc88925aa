import {
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Typography,
} from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canManageAssets } from '../../app/access';
import { useMe } from '../../app/session';
import { ExposureStateTag, SeverityTag } from '../../components/ExposureTags';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { EXPOSURE_STATES, VEX_JUSTIFICATIONS } from '../../lib/exposure';
import { formatTime } from '../../lib/format';
import type { Exposure, ExposureState, VexJustification } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { ComponentAdvisories } from './ComponentAdvisories';

interface Values {
  state: ExposureState;
  justification?: VexJustification;
  detail?: string;
}

const valuesOf = (e: Exposure): Values => ({
  state: e.state,
  justification: (e.justification as VexJustification | null) ?? undefined,
  detail: e.detail ?? undefined,
});

/**
 * One exposure with the advisories hitting its package, and the VEX analysis form for the asset's own staff:
 * CycloneDX 1.6 requires a justification when the state is `not_affected`.
 */
export function TriageDrawer({
  exposure,
  onClose,
  onSaved,
}: {
  exposure: Exposure | null;
  onClose: () => void;
  onSaved: (e: Exposure) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const state = Form.useWatch('state', form);
  const justification = Form.useWatch('justification', form);
  const editable = exposure !== null && canManageAssets(me) && exposure.orgId === me.org.id;

  const save = useCallback(
    (v: Values) =>
      api.triage(exposure!.id, {
        state: v.state,
        justification: v.state === 'not-affected' ? v.justification : undefined,
        detail: v.detail?.trim() || undefined,
      }),
    [exposure],
  );
  const done = useCallback(
    (e: Exposure) => {
      message.success(t('exposures.triage.saved', { state: t(`exposureStates.${e.state}`) }));
      onSaved(e);
    },
    [message, onSaved, t],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, save, done);

  useEffect(() => {
    if (exposure) {
      clearError();
      form.resetFields();
      form.setFieldsValue(valuesOf(exposure));
    }
  }, [exposure, form, clearError]);

  const e = exposure;
  return (
    <Drawer
      open={e !== null}
      onClose={onClose}
      size={640}
      title={e ? t('exposures.triage.title', { id: e.advisoryId }) : ''}
      forceRender
      data-testid="triage-drawer"
      footer={
        editable ? (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={submitting}
              onClick={() => form.submit()}
              data-testid="triage-submit"
            >
              {t('exposures.triage.submit')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {e ? (
        <>
          <Typography.Paragraph strong style={{ fontSize: 15 }}>
            {e.summary ?? t('exposures.noSummary')}
          </Typography.Paragraph>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 150 } }}
            items={[
              {
                key: 'component',
                label: t('exposures.fields.component'),
                children: (
                  <Typography.Text code>
                    {e.name}@{e.version}
                  </Typography.Text>
                ),
              },
              { key: 'ecosystem', label: t('exposures.fields.ecosystem'), children: e.ecosystem },
              {
                key: 'asset',
                label: t('exposures.fields.asset'),
                children: <Link to={`/inventory/${e.assetId}`}>{e.assetName}</Link>,
              },
              {
                key: 'severity',
                label: t('exposures.fields.severity'),
                children: <SeverityTag severity={e.severity} />,
              },
              {
                key: 'state',
                label: t('exposures.fields.state'),
                children: <ExposureStateTag state={e.state} />,
              },
              {
                key: 'seen',
                label: t('exposures.fields.seen'),
                children: t('exposures.seenRange', {
                  first: formatTime(e.firstSeenAt),
                  last: formatTime(e.lastSeenAt),
                }),
              },
              ...(e.resolvedAt
                ? [
                    {
                      key: 'resolved',
                      label: t('exposures.fields.resolvedAt'),
                      children: formatTime(e.resolvedAt),
                    },
                  ]
                : []),
              ...(!editable && e.justification
                ? [
                    {
                      key: 'justification',
                      label: t('exposures.fields.justification'),
                      children: t(`vexJustifications.${e.justification}.label`, {
                        defaultValue: e.justification,
                      }),
                    },
                  ]
                : []),
              ...(!editable && e.detail
                ? [
                    {
                      key: 'detail',
                      label: t('exposures.fields.detail'),
                      children: <span style={{ whiteSpace: 'pre-wrap' }}>{e.detail}</span>,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('exposures.advisories.inDrawer', { name: e.name, version: e.version })}
          </Typography.Title>
          <ComponentAdvisories pkg={e} />
        </>
      ) : null}
      <div style={{ display: editable ? 'block' : 'none' }}>
        <Divider style={{ margin: '8px 0 20px' }} />
        <Typography.Title level={5}>{t('exposures.triage.analysis')}</Typography.Title>
        <ProblemAlert error={error} />
        <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="triage-form">
          <Form.Item name="state" label={t('exposures.fields.state')} rules={[{ required: true }]}>
            <Radio.Group
              data-testid="triage-state"
              options={EXPOSURE_STATES.map((s) => ({
                value: s,
                label: (
                  <span data-testid={`triage-state-${s}`}>
                    <Typography.Text strong>{t(`exposureStates.${s}`)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t(`exposures.triage.stateHints.${s}`)}
                    </Typography.Text>
                  </span>
                ),
              }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            />
          </Form.Item>
          {state === 'not-affected' ? (
            <Form.Item
              name="justification"
              label={t('exposures.fields.justification')}
              extra={
                justification ? t(`vexJustifications.${justification}.hint`) : t('exposures.triage.vexHint')
              }
              rules={[{ required: true, message: t('exposures.triage.justificationRequired') }]}
            >
              <Select<VexJustification>
                placeholder={t('validation.choose')}
                data-testid="triage-justification"
                options={VEX_JUSTIFICATIONS.map((j) => ({
                  value: j,
                  label: t(`vexJustifications.${j}.label`),
                }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="detail"
            label={t('exposures.fields.detail')}
            rules={[{ max: 5000, message: t('validation.maxLength', { max: 5000 }) }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t('exposures.triage.detailPlaceholder')}
              data-testid="triage-detail"
            />
          </Form.Item>
        </Form>
      </div>
    </Drawer>
  );
}
