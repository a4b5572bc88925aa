import { Button, Flex, Form, Input } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { Org } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { orgContactRules } from './orgRules';

interface Values {
  name: string;
  contactEmail?: string;
  contactPhone?: string;
  address?: string;
}

// An emptied optional field means "clear it", which the API spells as null.
const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Edits the profile fields UpdateOrgBody allows. */
export function OrgEditForm({
  org,
  onSaved,
  onCancel,
}: {
  org: Org;
  onSaved: (o: Org) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useCallback(
    (v: Values) =>
      api.updateOrg(org.id, {
        name: v.name,
        contactEmail: orNull(v.contactEmail),
        contactPhone: orNull(v.contactPhone),
        address: orNull(v.address),
      }),
    [org.id],
  );
  const { submit, submitting, error } = useSubmit(form, save, onSaved);
  const rules = orgContactRules(t);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      onFinish={submit}
      initialValues={{
        name: org.name,
        contactEmail: org.contactEmail ?? '',
        contactPhone: org.contactPhone ?? '',
        address: org.address ?? '',
      }}
    >
      <ProblemAlert error={error} />
      <Form.Item name="name" label={t('org.fields.name')} rules={rules.name}>
        <Input />
      </Form.Item>
      <Form.Item name="contactEmail" label={t('org.fields.contactEmail')} rules={rules.contactEmail}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('org.fields.contactPhone')} rules={rules.contactPhone}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={t('org.fields.address')} rules={rules.address}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="org-save">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
