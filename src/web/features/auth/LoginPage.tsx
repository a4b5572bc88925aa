import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Form, Input } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { PUBLIC_LINKS } from '../../app/access';
import { useSession } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { LoginInput, Me } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { AuthShell } from './AuthShell';
import { authApi, type LoginResultT, needsTotp, type TotpChallengeT } from './api';
import { TotpStep } from './TotpStep';

const returnPath = (state: unknown): string => {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
};

/**
 * Email + password sign-in, then the TOTP code for accounts that turned it on; 401/423/429 problems appear above
 * the form in the current language.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const { me, probeError, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginInput>();
  const [challenge, setChallenge] = useState<TotpChallengeT | null>(null);
  const [restartError, setRestartError] = useState<unknown>(null);
  const target = returnPath(location.state);

  const done = useCallback(
    (next: Me) => {
      signedIn(next);
      navigate(target, { replace: true });
    },
    [signedIn, navigate, target],
  );
  const afterPassword = useCallback(
    (r: LoginResultT) => {
      setRestartError(null);
      if (needsTotp(r)) setChallenge(r);
      else done(r);
    },
    [done],
  );
  const { submit, submitting, error } = useSubmit(form, authApi.login, afterPassword);
  const restart = useCallback((why: unknown) => {
    setChallenge(null);
    setRestartError(why);
  }, []);

  if (me) return <Navigate to={target} replace />;

  if (challenge) {
    return (
      <AuthShell title={t('auth.totp.title')} subtitle={t('auth.totp.subtitle')}>
        <TotpStep challenge={challenge} onDone={done} onRestart={restart} />
      </AuthShell>
    );
  }

  return (
    <AuthShell title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      <div data-testid="login-page">
        <ProblemAlert error={error ?? restartError ?? probeError} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} size="large">
          <Form.Item
            name="email"
            label={t('auth.email')}
            rules={[
              { required: true, message: t('validation.emailRequired') },
              { type: 'email', message: t('validation.emailInvalid') },
            ]}
          >
            <Input prefix={<MailOutlined />} autoComplete="username" placeholder="name@example.com" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('validation.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
        <Divider plain style={{ margin: '24px 0 12px', fontSize: 12, color: '#8c8c8c' }}>
          {t('auth.publicLinks')}
        </Divider>
        <Flex wrap justify="center" gap="4px 16px" data-testid="login-public-links">
          {PUBLIC_LINKS.map((l) => (
            <Link key={l.key} to={l.path} data-testid={`login-link-${l.key}`}>
              {t(`public.nav.${l.key}`)}
            </Link>
          ))}
        </Flex>
      </div>
    </AuthShell>
  );
}
