import { Button, Form, Input, InputNumber, Modal } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { ProblemAlert } from '../../components/ProblemAlert';
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
    <Modal
      open={open}
      title={created ? t('tokens.createdTitle') : t('tokens.create')}
      onCancel={close}
      forceRender
      footer={
        created ? (
          <Button type="primary" onClick={close}>
            {t('common.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={submitting}
              onClick={() => form.submit()}
              data-testid="token-submit"
            >
              {t('common.create')}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <OneTimeSecret value={created.token} hint={t('tokens.secretHint')} testId="token-secret" />
      ) : null}
      <div style={{ display: created ? 'none' : undefined }}>
        <ProblemAlert error={error} />
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
      </div>
    </Modal>
  );
}
