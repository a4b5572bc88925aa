import { App, Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../lib/useSubmit';
import { type AssetWriteT, type CreateAssetInput, catalogApi, type DataAssetT, type QuestionsT } from './api';
import { ClassificationWizard, type WizardValues } from './ClassificationWizard';

type Values = Omit<CreateAssetInput, 'answers' | 'override'> & WizardValues;

const TEXT_FIELDS = ['purpose', 'processingMethod', 'scopeOfUse', 'responsiblePerson'] as const;

/** Registers or edits a data asset: its catalog description and the classification wizard. */
export function AssetDrawer({
  open,
  asset,
  questions,
  onClose,
  onSaved,
}: {
  open: boolean;
  asset: DataAssetT | null;
  questions: QuestionsT;
  onClose: () => void;
  onSaved: (r: AssetWriteT) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const shared = Form.useWatch('externalSharing', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (asset) {
      const overridden = asset.overrideReason !== null;
      form.setFieldsValue({
        ...asset,
        answers: asset.answers,
        overrideOn: overridden,
        override: overridden ? { level: asset.level, reason: asset.overrideReason ?? '' } : undefined,
      });
    } else {
      form.setFieldsValue({ externalSharing: false, crossBorder: false });
    }
  }, [open, asset, form]);

  const save = useCallback(
    (v: Values) => {
      const { overrideOn, override, answers, ...fields } = v;
      const body = {
        ...fields,
        answers: Object.fromEntries(Object.entries(answers ?? {}).filter(([, a]) => a)) as Record<
          string,
          string
        >,
        override:
          overrideOn && override?.level ? { level: override.level, reason: override.reason ?? '' } : null,
      };
      return asset ? catalogApi.updateAsset(asset.id, body) : catalogApi.createAsset(body);
    },
    [asset],
  );
  const done = useCallback(
    (r: AssetWriteT) => {
      for (const w of r.warnings)
        message.warning(t(`catalog.warnings.${w.code.replace('data_catalog.', '')}`));
      onSaved(r);
    },
    [message, t, onSaved],
  );
  const { submit, submitting, error } = useSubmit(form, save, done);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      title={asset ? t('catalog.assets.edit', { name: asset.name }) : t('catalog.assets.add')}
      destroyOnHidden
      extra={
        <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="asset-save">
          {t('catalog.assets.save')}
        </Button>
      }
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="asset-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('catalog.fields.name')} rules={[{ required: true }]}>
              <Input maxLength={200} data-testid="asset-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('catalog.fields.category')} rules={[{ required: true }]}>
              <Input maxLength={100} data-testid="asset-category" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('catalog.fields.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name={['scale', 'records']}
              label={t('catalog.fields.records')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="asset-records" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['scale', 'volumeMb']}
              label={t('catalog.fields.volumeMb')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="asset-volume" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {TEXT_FIELDS.map((f) => (
            <Col span={12} key={f}>
              <Form.Item name={f} label={t(`catalog.fields.${f}`)} rules={[{ required: true }]}>
                <Input maxLength={1000} data-testid={`asset-${f}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="carrierSystem" label={t('catalog.fields.carrierSystem')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="source" label={t('catalog.fields.source')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="securityMeasures"
          label={t('catalog.fields.securityMeasures')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="asset-securityMeasures" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="externalSharing"
              label={t('catalog.fields.externalSharing')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="crossBorder" label={t('catalog.fields.crossBorder')} valuePropName="checked">
              <Switch data-testid="asset-crossBorder" />
            </Form.Item>
          </Col>
        </Row>
        {shared ? (
          <Form.Item
            name="sharingDetails"
            label={t('catalog.fields.sharingDetails')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        ) : null}
        <Divider>{t('catalog.wizard.title')}</Divider>
        <ClassificationWizard questions={questions} form={form} />
      </Form>
    </Drawer>
  );
}
