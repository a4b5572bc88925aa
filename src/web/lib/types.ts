import type { z } from 'zod';
import type { AuditEntry, AuditVerifyResult } from '../../contracts/audit';
import type { Problem } from '../../contracts/common';
import type {
  AcceptInvitationBody,
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  CreatedInvitation,
  CreateInvitationBody,
  CreateOrgBody,
  Invitation,
  LoginBody,
  Me,
  Org,
  OrgKind,
  OrgSummary as OrgSummaryContract,
  Province,
  Role,
  UpdateOrgBody,
  UpdateUserBody,
  User,
} from '../../contracts/identity';

// Type-only re-exports keep zod itself out of the browser bundle.
export type { AuditEntry, Invitation, Me, Org, OrgKind, Problem, Role, User };

/** Result of verifying the audit chain. */
export type AuditVerify = z.infer<typeof AuditVerifyResult>;
/** An API token's metadata. */
export type ApiTokenT = z.infer<typeof ApiToken>;
/** A newly created API token including its one-time secret. */
export type CreatedApiTokenT = z.infer<typeof CreatedApiToken>;
/** A newly created invitation including its one-time accept path. */
export type CreatedInvitationT = z.infer<typeof CreatedInvitation>;
/** A GB/T 2260 province. */
export type ProvinceT = z.infer<typeof Province>;

/** Request bodies, as the client may send them (defaults not yet applied). */
export type LoginInput = z.input<typeof LoginBody>;
/** Body of POST /api/orgs. */
export type CreateOrgInput = z.input<typeof CreateOrgBody>;
/** Body of PATCH /api/orgs/:id. */
export type UpdateOrgInput = z.input<typeof UpdateOrgBody>;
/** Body of PATCH /api/orgs/:id/users/:userId. */
export type UpdateUserInput = z.input<typeof UpdateUserBody>;
/** Body of POST /api/orgs/:id/invitations. */
export type CreateInvitationInput = z.input<typeof CreateInvitationBody>;
/** Body of POST /api/invitations/accept. */
export type AcceptInvitationInput = z.input<typeof AcceptInvitationBody>;
/** Body of POST /api/tokens. */
export type CreateApiTokenInput = z.input<typeof CreateApiTokenBody>;
/** Body of POST /api/auth/password. */
export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;

/** A keyset-paginated list envelope. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /api/orgs/summary. */
export type OrgSummary = z.infer<typeof OrgSummaryContract>;

/** Filters for GET /api/orgs. */
export interface OrgListParams {
  kind?: OrgKind;
  provinceCode?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** Filters for GET /api/audit. */
export interface AuditListParams {
  action?: string;
  entityType?: string;
  orgId?: string;
  before?: string;
  limit?: number;
}
