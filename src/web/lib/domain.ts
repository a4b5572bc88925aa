import type { OrgKind, Role } from './types';

// Records (not arrays) so the compiler flags a kind or role added to the contracts but missing here.
const kindOrder: Record<OrgKind, number> = {
  ministry: 0,
  'provincial-regulator': 1,
  enterprise: 2,
  vendor: 3,
  'collection-platform': 4,
  researcher: 5,
};
const roleOrder: Record<Role, number> = { admin: 0, member: 1, viewer: 2 };

const ordered = <K extends string>(r: Record<K, number>): K[] =>
  (Object.keys(r) as K[]).sort((a, b) => r[a] - r[b]);

/** Every organisation kind, in display order. */
export const ORG_KINDS: readonly OrgKind[] = ordered(kindOrder);
/** Every role, most privileged first. */
export const ROLES: readonly Role[] = ordered(roleOrder);
