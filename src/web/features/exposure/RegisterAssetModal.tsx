import { AutoComplete, Form, Input, Modal, Radio, Select } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { Asset, AssetKind, ProductT } from '../../lib/types';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

interface Values {
  kind: AssetKind;
  name: string;
  description?: string;
  productId?: string;
  releaseVersion?: string;
}

/**
 * Registers an asset to attach an SBOM to: an enterprise's system or device, or a release of one of the vendor's
 * own products (the server refuses other kinds for each).
 */
export function RegisterAssetModal({
  open,
  productId,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** Pre-selects the product when registering a release from the products page. */
  productId?: string;
  onClose: () => void;
  onCreated: (a: Asset) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const vendor = me.org.kind === 'vendor';
  const products = useAsync(
    async (): Promise<ProductT[]> => (vendor && open ? (await api.vendorProducts(me.org.id)).items : []),
    [vendor, open, me.org.id],
  );
  const chosenId = Form.useWatch('productId', form);
  const chosen = products.data?.find((p) => p.id === chosenId);

  const create = useCallback(
    (v: Values) =>
      api.createAsset({
        kind: v.kind,
        name: v.name,
        description: v.description?.trim() || undefined,
        productId: v.kind === 'product-release' ? v.productId : undefined,
        releaseVersion: v.kind === 'product-release' ? v.releaseVersion : undefined,
      }),
    [],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, create, onCreated);

  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue(vendor ? { kind: 'product-release', productId } : { kind: 'system' });
  }, [open, vendor, productId, form, clearError]);

  // A release is named after its product and version unless the user typed a name of their own.
  const nameRelease = (p: ProductT | undefined, version: string | undefined) => {
    if (p && version && !form.isFieldTouched('name')) {
      form.setFieldValue('name', [p.name, p.model, version].filter(Boolean).join(' '));
    }
  };

  return (
    <Modal
      open={open}
      title={t('assets.register')}
      okText={t('assets.registerSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'asset-submit' }}
      forceRender
    >
      <ProblemAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="asset-form">
        {vendor ? (
          <>
            <Form.Item name="kind" hidden>
              <Input />
            </Form.Item>
            <Form.Item
              name="productId"
              label={t('assets.fields.product')}
              rules={[{ required: true, message: t('validation.choose') }]}
            >
              <Select<string>
                loading={products.loading}
                placeholder={t('validation.choose')}
                options={(products.data ?? []).map((p) => ({
                  value: p.id,
                  label: [p.name, p.model].filter(Boolean).join(' · '),
                }))}
                onChange={(id) =>
                  nameRelease(
                    products.data?.find((p) => p.id === id),
                    form.getFieldValue('releaseVersion'),
                  )
                }
                data-testid="asset-product"
              />
            </Form.Item>
            <Form.Item
              name="releaseVersion"
              label={t('assets.fields.releaseVersion')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <AutoComplete
                options={(chosen?.versions ?? []).map((v) => ({ value: v }))}
                onChange={(v: string) => nameRelease(chosen, v)}
                placeholder={t('assets.releaseVersionPlaceholder')}
                data-testid="asset-release"
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="kind" label={t('assets.fields.kind')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={(['system', 'device'] as const).map((k) => ({
                value: k,
                label: t(`assetKinds.${k}`),
              }))}
              data-testid="asset-kind"
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('assets.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 200, message: t('validation.maxLength', { max: 200 }) },
          ]}
        >
          <Input placeholder={vendor ? undefined : t('assets.namePlaceholder')} data-testid="asset-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('assets.fields.description')}
          rules={[{ max: 2000, message: t('validation.maxLength', { max: 2000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('assets.descriptionPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
