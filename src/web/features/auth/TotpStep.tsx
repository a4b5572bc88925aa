import { SafetyOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError } from '../../lib/problem';
import type { Me } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { authApi, type TotpChallengeT } from './api';

interface CodeForm {
  code: string;
}

// These answers end the attempt: the password step has to run again (expired challenge) or later (locked).
const RESTART_CODES = new Set(['auth.totp_challenge_invalid', 'auth.locked']);

/** The second sign-in step: the 6-digit code from the authenticator app, sent with the password step's challenge. */
export function TotpStep({
  challenge,
  onDone,
  onRestart,
}: {
  challenge: TotpChallengeT;
  onDone: (me: Me) => void;
  onRestart: (why: unknown) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CodeForm>();
  const send = useCallback(
    async (v: CodeForm) => {
      try {
        return await authApi.loginTotp({ challenge: challenge.challenge, code: v.code.trim() });
      } catch (err) {
        if (err instanceof ApiError && RESTART_CODES.has(err.problem.code)) onRestart(err);
        throw err;
      }
    },
    [challenge, onRestart],
  );
  const { submit, submitting, error } = useSubmit(form, send, onDone);

  return (
    <div data-testid="totp-step">
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} size="large">
        <Form.Item
          name="code"
          label={t('auth.totp.code')}
          extra={t('auth.totp.codeHint')}
          rules={[
            { required: true, message: t('auth.totp.codeRequired') },
            { pattern: /^\s*\d{6}\s*$/, message: t('auth.totp.codeFormat') },
          ]}
        >
          <Input
            prefix={<SafetyOutlined />}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            autoFocus
            data-testid="totp-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="totp-submit">
          {t('auth.totp.verify')}
        </Button>
        <Button type="link" block onClick={() => onRestart(null)} style={{ marginTop: 8 }}>
          {t('auth.totp.back')}
        </Button>
      </Form>
    </div>
  );
}
