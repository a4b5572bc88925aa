import { App, Button, Card, Form, Input } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { passwordRules } from './passwordRules';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the user's own password; the server applies the password policy and signs out their other sessions. */
export function PasswordCard({ email }: { email: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useCallback(
    (v: PasswordForm) =>
      api.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    [],
  );
  const done = useCallback(() => {
    form.resetFields();
    void message.success(t('account.password.changed'));
  }, [form, message, t]);
  const { submit, submitting, error } = useSubmit(form, change, done);

  return (
    <Card title={t('account.password.title')} data-testid="account-password">
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} style={{ maxWidth: 420 }}>
        <Form.Item
          name="currentPassword"
          label={t('account.password.current')}
          rules={[{ required: true, message: t('validation.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.password.new')}
          extra={t('account.passwordPolicyHint')}
          rules={passwordRules(t, email)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.confirmMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
          {t('account.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
