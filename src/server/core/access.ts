import type { OrgKind, Role } from '../../contracts/identity';
import type { Actor } from './actor';

/** What a route requires of its caller; every route declares one (enforced at registration). */
export type Access =
  | { public: true }
  | {
      public?: false;
      /** Org kinds allowed; omitted = any signed-in user. */
      orgKinds?: readonly OrgKind[];
      /** Roles allowed; omitted = any role. */
      roles?: readonly Role[];
    };

/** Route-level permission: 'ok', or the status to answer (401 anonymous, 403 wrong kind or role). */
export function checkAccess(access: Access, actor: Actor | null): 'ok' | 401 | 403 {
  if (access.public) return 'ok';
  if (!actor) return 401;
  if (access.orgKinds && !access.orgKinds.includes(actor.orgKind)) return 403;
  if (access.roles && !access.roles.includes(actor.role)) return 403;
  return 'ok';
}

/** Any signed-in user. */
export const SIGNED_IN: Access = {};
/** Admins of any org. */
export const ADMINS: Access = { roles: ['admin'] };
/** Anyone, signed in or not. */
export const PUBLIC: Access = { public: true };
