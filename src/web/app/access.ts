import type { Me, Org, OrgKind } from '../lib/types';

/** Routes of the signed-in workspace, keyed by the name the menu and locale files use. */
export const PATHS = {
  home: '/',
  org: '/org',
  orgs: '/orgs',
  users: '/users',
  tokens: '/tokens',
  audit: '/audit',
} as const;
/** A workspace page name. */
export type PageKey = keyof typeof PATHS;

const supervisors: readonly OrgKind[] = ['ministry', 'provincial-regulator'];

const isAdmin = (me: Me) => me.user.role === 'admin';

/** Regulators browse organisations: the ministry all of them, a province its own enterprises. */
export const canBrowseOrgs = (me: Me): boolean => supervisors.includes(me.org.kind);

/** Ministry admins create any org; provincial regulator admins create enterprises in their province. */
export const canCreateOrgs = (me: Me): boolean => canBrowseOrgs(me) && isAdmin(me);

/**
 * Admins edit their own org's profile; regulator admins also those in their scope (the ministry any org,
 * a province its enterprises), as the server's `canAdministerOrg` allows.
 */
export function canEditOrg(me: Me, org: Pick<Org, 'id' | 'kind' | 'provinceCode'>): boolean {
  if (!isAdmin(me)) return false;
  if (org.id === me.org.id || me.org.kind === 'ministry') return true;
  return (
    me.org.kind === 'provincial-regulator' &&
    org.kind === 'enterprise' &&
    org.provinceCode === me.org.provinceCode
  );
}

/** Org admins manage users and invitations of their own org. */
export const canManageUsers = (me: Me): boolean => isAdmin(me);

/** Ministry admins see the whole audit trail; other org admins see their org's rows. */
export const canReadAudit = (me: Me): boolean => isAdmin(me);

/** Only the ministry admin may verify the global hash chain. */
export const canVerifyAudit = (me: Me): boolean => me.org.kind === 'ministry' && isAdmin(me);

/** Menu entries for this actor, in display order. */
export function menuFor(me: Me): PageKey[] {
  const keys: PageKey[] = ['home'];
  if (canBrowseOrgs(me)) keys.push('orgs');
  keys.push('org');
  if (canManageUsers(me)) keys.push('users');
  keys.push('tokens');
  if (canReadAudit(me)) keys.push('audit');
  return keys;
}

/** Whether the actor may open a workspace page (guards direct URL entry, not just the menu). */
export const mayOpen = (me: Me, page: PageKey): boolean => menuFor(me).includes(page);
