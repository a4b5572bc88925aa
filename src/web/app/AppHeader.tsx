import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Divider, Flex, Layout, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useMe, useSession } from './session';

/** Org and user identity, language switch and sign-out. */
export function AppHeader() {
  const me = useMe();
  const { signOut } = useSession();
  const { t } = useTranslation();
  const navigate = useNavigate();

  const logout = async () => {
    try {
      await signOut();
    } finally {
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        borderBottom: '1px solid #e8ecf2',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" gap={10} style={{ minWidth: 0 }}>
        <Typography.Text strong ellipsis data-testid="header-org" style={{ fontSize: 15 }}>
          {me.org.name}
        </Typography.Text>
        <Tag color="blue" data-testid="header-org-kind">
          {t(`orgKinds.${me.org.kind}`)}
        </Tag>
      </Flex>
      <Flex align="center" gap={12}>
        <NotificationBell />
        <Divider orientation="vertical" />
        <Link to="/account" title={t('header.account')} data-testid="header-account">
          <Flex align="center" gap={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1459c7' }} />
            <Typography.Text data-testid="header-user">{me.user.name}</Typography.Text>
            <Tag data-testid="header-role">{t(`roles.${me.user.role}`)}</Tag>
          </Flex>
        </Link>
        <Divider orientation="vertical" />
        <LanguageSwitch />
        <Button type="text" icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
          {t('header.logout')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
