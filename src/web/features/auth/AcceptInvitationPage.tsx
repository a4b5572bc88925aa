import { Button, Form, Input, Result } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import type { User } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { AuthShell } from './AuthShell';
import { passwordRules } from './passwordRules';

interface AcceptForm {
  name: string;
  password: string;
  confirm: string;
}

/** /invite/accept?token=…: the invitee sets a name and password, then signs in. */
export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<AcceptForm>();
  const [created, setCreated] = useState<User | null>(null);

  const accept = useCallback(
    (v: AcceptForm) => api.acceptInvitation({ token, name: v.name, password: v.password }),
    [token],
  );
  const { submit, submitting, error } = useSubmit(form, accept, setCreated);

  if (created) {
    return (
      <AuthShell title={t('invite.title')}>
        <Result
          status="success"
          title={t('invite.doneTitle')}
          subTitle={t('invite.doneText', { email: created.email })}
          extra={
            <Link to="/login">
              <Button type="primary" data-testid="invite-go-login">
                {t('invite.goLogin')}
              </Button>
            </Link>
          }
        />
      </AuthShell>
    );
  }

  return (
    <AuthShell title={t('invite.title')} subtitle={t('invite.subtitle')}>
      {token ? (
        <>
          <ProblemAlert error={error} />
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} size="large">
            <Form.Item
              name="name"
              label={t('invite.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.nameRequired') },
                { max: 100, message: t('validation.maxLength', { max: 100 }) },
              ]}
            >
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('invite.password')}
              extra={t('account.passwordPolicyHint')}
              rules={passwordRules(t)}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('invite.confirm')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('validation.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value || value === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.confirmMismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="invite-submit">
              {t('invite.submit')}
            </Button>
          </Form>
        </>
      ) : (
        <Result status="warning" title={t('invite.missingToken')} />
      )}
    </AuthShell>
  );
}
