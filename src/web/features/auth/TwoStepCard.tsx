import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { describeError } from '../../lib/errors';
import { useSubmit } from '../../lib/useSubmit';
import { authApi, type TotpSetupT } from './api';

const codeRules = (t: (k: string) => string) => [
  { required: true, message: t('auth.totp.codeRequired') },
  { pattern: /^\s*\d{6}\s*$/, message: t('auth.totp.codeFormat') },
];

/** The secret in groups of four, as authenticator apps show it for manual entry. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** Two-step verification (TOTP, RFC 6238) for regulator accounts: set up with a QR code, or turn off. */
export function TwoStepCard() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const [setup, setSetup] = useState<TotpSetupT | null>(null);
  const [starting, setStarting] = useState(false);
  const [disabling, setDisabling] = useState(false);

  const start = async () => {
    setStarting(true);
    try {
      setSetup(await authApi.totpSetup());
    } catch (err) {
      void message.error(describeError(t, err));
    } finally {
      setStarting(false);
    }
  };
  const finished = useCallback(
    async (key: string) => {
      setSetup(null);
      setDisabling(false);
      await refresh();
      void message.success(t(key));
    },
    [refresh, message, t],
  );

  const on = me.user.totpEnabled;
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('account.totp.title')}
          <Tag color={on ? 'green' : 'default'} data-testid="totp-state">
            {on ? t('account.totp.on') : t('account.totp.off')}
          </Tag>
        </Space>
      }
      data-testid="account-totp"
    >
      <Typography.Paragraph type="secondary">{t('account.totp.intro')}</Typography.Paragraph>
      {on ? (
        disabling ? (
          <DisableForm
            onDone={() => finished('account.totp.disabled')}
            onCancel={() => setDisabling(false)}
          />
        ) : (
          <Button danger onClick={() => setDisabling(true)} data-testid="totp-disable-open">
            {t('account.totp.disable')}
          </Button>
        )
      ) : setup ? (
        <EnrolSteps
          setup={setup}
          onDone={() => finished('account.totp.enabled')}
          onCancel={() => setSetup(null)}
        />
      ) : (
        <Button type="primary" loading={starting} onClick={start} data-testid="totp-setup">
          {t('account.totp.setup')}
        </Button>
      )}
    </Card>
  );
}

/** Scan (or type) the secret, then confirm with the first code. */
function EnrolSteps({
  setup,
  onDone,
  onCancel,
}: {
  setup: TotpSetupT;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const enable = useCallback((v: { code: string }) => authApi.totpEnable(v.code.trim()), []);
  const { submit, submitting, error } = useSubmit(form, enable, onDone);
  return (
    <Flex vertical gap={12} data-testid="totp-enrol">
      <Typography.Text strong>{t('account.totp.step1')}</Typography.Text>
      <Flex gap={24} wrap align="flex-start">
        <QRCode value={setup.otpauthUri} type="svg" size={168} data-testid="totp-qr" />
        <Flex vertical gap={8} style={{ minWidth: 260, flex: 1 }}>
          <Typography.Text type="secondary">{t('account.totp.manual')}</Typography.Text>
          <Typography.Text code copyable={{ text: setup.secret }} data-testid="totp-secret">
            {grouped(setup.secret)}
          </Typography.Text>
          <Typography.Text type="secondary">{t('account.totp.uri')}</Typography.Text>
          <Typography.Paragraph
            copyable
            ellipsis={{ rows: 2, expandable: true }}
            style={{ fontFamily: 'monospace', fontSize: 12, marginBottom: 0 }}
            data-testid="totp-uri"
          >
            {setup.otpauthUri}
          </Typography.Paragraph>
        </Flex>
      </Flex>
      <Typography.Text strong>{t('account.totp.step2')}</Typography.Text>
      <ProblemAlert error={error} />
      <Form form={form} layout="inline" requiredMark={false} onFinish={submit}>
        <Form.Item name="code" rules={codeRules(t)}>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder="123456"
            style={{ width: 140 }}
            data-testid="totp-enable-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="totp-enable">
          {t('account.totp.enable')}
        </Button>
        <Button type="link" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Form>
    </Flex>
  );
}

/** Turning it off needs the password and a current code. */
function DisableForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string; code: string }>();
  const disable = useCallback(
    (v: { password: string; code: string }) =>
      authApi.totpDisable({ password: v.password, code: v.code.trim() }),
    [],
  );
  const { submit, submitting, error } = useSubmit(form, disable, onDone);
  return (
    <div data-testid="totp-disable-form" style={{ maxWidth: 420 }}>
      <Alert type="warning" showIcon title={t('account.totp.disableWarning')} style={{ marginBottom: 16 }} />
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="password"
          label={t('account.password.current')}
          rules={[{ required: true, message: t('validation.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="code" label={t('auth.totp.code')} rules={codeRules(t)}>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            data-testid="totp-disable-code"
          />
        </Form.Item>
        <Space>
          <Button danger type="primary" htmlType="submit" loading={submitting} data-testid="totp-disable">
            {t('account.totp.disable')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}
