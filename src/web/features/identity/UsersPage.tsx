import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { InvitationsCard } from './InvitationsCard';
import { UsersCard } from './UsersCard';

/** Org admins manage their organisation's users and invitations. */
export default function UsersPage() {
  const me = useMe();
  const { t } = useTranslation();
  return (
    <div data-testid="users-page">
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle', { org: me.org.name })} />
      <UsersCard />
      <InvitationsCard />
    </div>
  );
}
