import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { ProductT } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { cleanRanges, type VersionRangeT } from './versionRange';

interface Values {
  name: string;
  model?: string;
  versions: string[];
  versionRanges: Partial<Record<keyof VersionRangeT, string>>[];
  purl?: string;
  cpe?: string;
}

const blank = (v: string | undefined) => !v?.trim();
const valuesOf = (p: ProductT | null): Values =>
  p
    ? {
        name: p.name,
        model: p.model ?? undefined,
        versions: p.versions,
        versionRanges: p.versionRanges,
        purl: p.purl ?? undefined,
        cpe: p.cpe ?? undefined,
      }
    : { name: '', versions: [], versionRanges: [] };

/** Registers a product or edits one: name, model, released versions, affected-version ranges, purl and CPE 2.3. */
export function ProductFormModal({
  open,
  product,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The product being edited; null registers a new one. */
  product: ProductT | null;
  onClose: () => void;
  onSaved: (p: ProductT) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const save = useCallback(
    (v: Values) => {
      const common = {
        name: v.name.trim(),
        versions: v.versions.map((x) => x.trim()).filter(Boolean),
        versionRanges: cleanRanges(v.versionRanges),
      };
      // On edit a cleared field is sent as null so the server clears it; on create it is left out.
      return product
        ? api.updateProduct(product.id, {
            ...common,
            model: blank(v.model) ? null : v.model!.trim(),
            purl: blank(v.purl) ? null : v.purl!.trim(),
            cpe: blank(v.cpe) ? null : v.cpe!.trim(),
          })
        : api.createProduct({
            ...common,
            model: blank(v.model) ? undefined : v.model!.trim(),
            purl: blank(v.purl) ? undefined : v.purl!.trim(),
            cpe: blank(v.cpe) ? undefined : v.cpe!.trim(),
          });
    },
    [product],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, save, onSaved);

  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue(valuesOf(product));
  }, [open, product, form, clearError]);

  return (
    <Modal
      open={open}
      width={720}
      title={product ? t('products.editTitle', { name: product.name }) : t('products.register')}
      okText={product ? t('common.save') : t('products.registerSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'product-submit' }}
      forceRender
    >
      <ProblemAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="product-form">
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="name"
              label={t('products.fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 200, message: t('validation.maxLength', { max: 200 }) },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="model"
              label={t('products.fields.model')}
              rules={[{ max: 200, message: t('validation.maxLength', { max: 200 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="versions" label={t('products.fields.versions')} extra={t('products.versionsHint')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
        <Typography.Text>{t('products.fields.versionRanges')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
          {t('products.rangesHint')}
        </Typography.Paragraph>
        <Form.List name="versionRanges">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="middle">
                  {(['introduced', 'fixed', 'lastAffected'] as const).map((k) => (
                    <Col span={7} key={k}>
                      <Form.Item name={[f.name, k]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t(`products.range.${k}`)} />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col span={3}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(f.name)}
                      style={{ marginBottom: 8 }}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                style={{ marginBottom: 16 }}
              >
                {t('products.addRange')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name="purl"
          label="Package URL (purl)"
          extra={t('products.purlHint')}
          rules={[{ pattern: /^pkg:/, message: t('products.purlInvalid') }]}
        >
          <Input placeholder="pkg:generic/vendor/product@1.0.0" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="cpe"
          label="CPE 2.3"
          extra={t('products.cpeHint')}
          rules={[{ pattern: /^cpe:2\.3:[aho*-]:/, message: t('products.cpeInvalid') }]}
        >
          <Input
            placeholder="cpe:2.3:h:vendor:product:1.0:*:*:*:*:*:*:*"
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
