import { Card, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { PasswordCard } from './PasswordCard';
import { SessionsCard } from './SessionsCard';
import { TwoStepCard } from './TwoStepCard';

/** Org kinds whose users may turn on two-step verification (as the server's `canUseTotp`). */
const totpKinds = new Set(['ministry', 'provincial-regulator']);

/** /account: the signed-in user's own profile, password, two-step verification (regulators) and sessions. */
export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div data-testid="account-page">
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Flex vertical gap={16}>
        <Card title={t('account.profile')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('account.name')}>{me.user.name}</Descriptions.Item>
            <Descriptions.Item label={t('account.email')}>{me.user.email}</Descriptions.Item>
            <Descriptions.Item label={t('account.org')}>{me.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('account.role')}>
              <Tag>{t(`roles.${me.user.role}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('account.lastLogin')}>
              {formatTime(me.user.lastLoginAt)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <PasswordCard email={me.user.email} />
        {totpKinds.has(me.org.kind) ? <TwoStepCard /> : null}
        <SessionsCard />
      </Flex>
    </div>
  );
}
