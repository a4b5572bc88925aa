import { App, Form, Input, Modal, Select } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { ORG_KINDS } from '../../lib/domain';
import { useProvinces } from '../../lib/provinces';
import type { Org, OrgKind } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { orgContactRules } from './orgRules';

interface Values {
  kind: OrgKind;
  name: string;
  provinceCode?: string;
  contactEmail?: string;
  contactPhone?: string;
  address?: string;
}

const blankToUndefined = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
// Kinds whose jurisdiction or registration is provincial, so the province is mandatory.
const needsProvince: readonly OrgKind[] = ['provincial-regulator', 'enterprise'];

/** Create-organisation form: any kind for the ministry; enterprises in its own province for a province. */
export function CreateOrgModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (o: Org) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { provinces, nameOf } = useProvinces();
  const [form] = Form.useForm<Values>();
  const national = me.org.kind === 'ministry';
  const kind = Form.useWatch('kind', form);

  const create = useCallback(
    (v: Values) =>
      api.createOrg({
        kind: v.kind,
        name: v.name,
        provinceCode: v.provinceCode || undefined,
        contactEmail: blankToUndefined(v.contactEmail),
        contactPhone: blankToUndefined(v.contactPhone),
        address: blankToUndefined(v.address),
      }),
    [],
  );
  const done = useCallback(
    (o: Org) => {
      void message.success(t('orgs.created', { name: o.name }));
      form.resetFields();
      onCreated(o);
    },
    [form, message, onCreated, t],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, create, done);
  const rules = orgContactRules(t);

  useEffect(() => {
    if (open) clearError();
  }, [open, clearError]);

  return (
    <Modal
      open={open}
      title={national ? t('orgs.create') : t('orgs.createEnterprise')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <ProblemAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={national ? {} : { kind: 'enterprise', provinceCode: me.org.provinceCode ?? undefined }}
        data-testid="create-org-form"
      >
        <Form.Item
          name="kind"
          label={t('org.fields.kind')}
          rules={[{ required: true, message: t('validation.kindRequired') }]}
        >
          <Select<OrgKind>
            disabled={!national}
            options={ORG_KINDS.filter((k) => k !== 'ministry').map((k) => ({
              value: k,
              label: t(`orgKinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('org.fields.name')} rules={rules.name}>
          <Input />
        </Form.Item>
        <Form.Item
          name="provinceCode"
          label={t('org.fields.province')}
          rules={[
            {
              required: kind ? needsProvince.includes(kind) : false,
              message: t('validation.provinceRequired'),
            },
          ]}
        >
          <Select<string>
            allowClear
            disabled={!national}
            showSearch={{ optionFilterProp: 'label' }}
            options={provinces.map((p) => ({ value: p.code, label: nameOf(p.code) }))}
          />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('org.fields.contactEmail')} rules={rules.contactEmail}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('org.fields.contactPhone')} rules={rules.contactPhone}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('org.fields.address')} rules={rules.address}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
