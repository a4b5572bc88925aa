import { Form, Input, InputNumber } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretRevealModal } from '../../components/SecretRevealModal';
import { api } from '../../lib/api';
import type { ApiTokenT, CreateApiTokenInput, CreatedApiTokenT } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';

/** Names a new API token (optional expiry) and shows its secret exactly once. */
export function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (tok: ApiTokenT) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateApiTokenInput>();
  const [created, setCreated] = useState<CreatedApiTokenT | null>(null);

  const create = useCallback(
    (v: CreateApiTokenInput) =>
      api.createToken({ name: v.name, expiresInDays: v.expiresInDays ?? undefined }),
    [],
  );
  const done = useCallback(
    (tok: CreatedApiTokenT) => {
      setCreated(tok);
      const { token: _secret, ...listed } = tok;
      onCreated(listed);
    },
    [onCreated],
  );
  const { submit, submitting, error, clearError } = useSubmit(form, create, done);

  const close = () => {
    setCreated(null);
    clearError();
    form.resetFields();
    onClose();
  };

  return (
    <SecretRevealModal
      open={open}
      title={t('tokens.create')}
      revealedTitle={t('tokens.createdTitle')}
      secret={created ? { value: created.token, hint: t('tokens.secretHint'), testId: 'token-secret' } : null}
      error={error}
      submitting={submitting}
      submitLabel={t('common.create')}
      submitTestId="token-submit"
      onSubmit={() => form.submit()}
      onClose={close}
    >
      <Form<CreateApiTokenInput> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('tokens.fields.name')}
          extra={t('tokens.nameHint')}
          rules={[
            { required: true, whitespace: true, message: t('validation.tokenNameRequired') },
            { max: 100, message: t('validation.maxLength', { max: 100 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('tokens.fields.expiresInDays')}
          extra={t('tokens.expiryHint')}
          rules={[
            { type: 'integer', min: 1, max: 366, message: t('validation.daysRange', { min: 1, max: 366 }) },
          ]}
        >
          <InputNumber min={1} max={366} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </SecretRevealModal>
  );
}
