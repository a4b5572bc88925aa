import { z } from 'zod';
import { Timestamp } from './common';

/** The six kinds of organisation Bulwark serves. */
export const OrgKind = z.enum([
  'ministry',
  'provincial-regulator',
  'enterprise',
  'vendor',
  'collection-platform',
  'researcher',
]);
/** An organisation kind. */
export type OrgKind = z.infer<typeof OrgKind>;

/** A user's role inside their organisation. */
export const Role = z.enum(['admin', 'member', 'viewer']);
/** A role name. */
export type Role = z.infer<typeof Role>;

/** GB/T 2260 province-level administrative division code (six digits ending in 0000). */
export const ProvinceCode = z
  .string()
  .regex(/^\d{2}0000$/, 'must be a GB/T 2260 province code such as 440000');

/** An organisation as the API returns it. */
export const Org = z.object({
  id: z.uuid(),
  kind: OrgKind,
  name: z.string(),
  provinceCode: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** An organisation. */
export type Org = z.infer<typeof Org>;

/** Fields a ministry admin (or a provincial regulator, for enterprises in its province) sets on a new org. */
export const CreateOrgBody = z.strictObject({
  kind: OrgKind,
  name: z.string().trim().min(1).max(200),
  provinceCode: ProvinceCode.optional(),
  contactEmail: z.email().max(254).optional(),
  contactPhone: z.string().max(40).optional(),
  address: z.string().max(500).optional(),
});

/** Editable profile fields of an organisation. */
export const UpdateOrgBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  contactEmail: z.email().max(254).nullable().optional(),
  contactPhone: z.string().max(40).nullable().optional(),
  address: z.string().max(500).nullable().optional(),
});

/** Filters for the organisation list. */
export const OrgListQuery = z.strictObject({
  kind: OrgKind.optional(),
  provinceCode: ProvinceCode.optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A user as the API returns it (never with secrets). */
export const User = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  status: z.enum(['active', 'disabled']),
  lockedUntil: Timestamp.nullable(),
  lastLoginAt: Timestamp.nullable(),
  totpEnabled: z.boolean().describe('Whether sign-in asks for a TOTP code as a second step'),
  createdAt: Timestamp,
});
/** A user. */
export type User = z.infer<typeof User>;

/** What the signed-in actor is, returned by login and `/api/auth/me`. */
export const Me = z.object({
  user: User,
  org: Org,
  csrfToken: z.string().nullable().describe('Send as `x-csrf-token` on cookie-authenticated writes'),
});
/** The current session's view of its actor. */
export type Me = z.infer<typeof Me>;

/** Password login. */
export const LoginBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
});

/** A six-digit TOTP code (RFC 6238, 30-second steps). */
export const TotpCode = z.string().regex(/^\d{6}$/, 'must be the 6 digits the authenticator app shows');

/** Login answer when the account has TOTP: the password was right; send the code with this challenge next. */
export const TotpChallenge = z.object({
  totpRequired: z.literal(true),
  challenge: z.string().describe('Send to POST /api/auth/login/totp with the code; valid for 5 minutes'),
  expiresAt: Timestamp,
});

/**
 * POST /api/auth/login answers 200 with either the signed-in actor (`Me`, session cookie set) or, for an account
 * with TOTP enabled, a `TotpChallenge` (no cookie yet) that POST /api/auth/login/totp completes.
 */
export const LoginResult = z.union([Me, TotpChallenge]);

/** Second sign-in step: the challenge from the password step and the current code. */
export const TotpLoginBody = z.strictObject({
  challenge: z.string().min(20).max(200),
  code: TotpCode,
});

/** A new TOTP secret to put into an authenticator app; it takes effect once confirmed with a code. */
export const TotpSetup = z.object({
  secret: z.string().describe('Base32 (RFC 4648), for manual entry'),
  otpauthUri: z.string().describe('otpauth://totp/… key URI, for a QR code'),
});

/** Confirms TOTP setup with a code from the app. */
export const TotpEnableBody = z.strictObject({ code: TotpCode });

/** Turning TOTP off needs the password and a current code. */
export const TotpDisableBody = z.strictObject({
  password: z.string().min(1).max(256),
  code: TotpCode,
});

/** A live browser session of a user. */
export const Session = z.object({
  id: z.uuid(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp.describe('Updated at most once a minute'),
  expiresAt: Timestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean().describe('The session this request came with'),
});
/** A session. */
export type Session = z.infer<typeof Session>;

/**
 * Length bounds of a new password (ASVS 2.1.1: 12+; at most 256 to bound argon2 input). The server also refuses
 * the email's name and common passwords (400 `password.policy`).
 */
export const NewPassword = z.string().min(12, 'must be at least 12 characters').max(256);

/** An org admin invites someone by email with a role. */
export const CreateInvitationBody = z.strictObject({
  email: z.email().max(254),
  role: Role,
});

/** A pending or settled invitation. */
export const Invitation = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  email: z.string(),
  role: Role,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
/** An invitation. */
export type Invitation = z.infer<typeof Invitation>;

/** A newly created invitation with its one-time token (shown once). */
export const CreatedInvitation = Invitation.extend({
  token: z.string(),
  acceptPath: z.string(),
});

/** Accepting an invitation creates the user. */
export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(100),
  password: NewPassword,
});

/** What an org admin may change about a user. */
export const UpdateUserBody = z.strictObject({
  role: Role.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  name: z.string().trim().min(1).max(100).optional(),
});

/** A signed-in user changes their own password. */
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});

/** An API token's metadata (the secret is never returned after creation). */
export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});

/** Create an API token for machine clients; it acts as its owner. */
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).optional(),
});

/** A newly created API token with its secret, shown exactly once. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });

/** A GB/T 2260 province as reference data. */
export const Province = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

/** Org counts by kind and enterprises by province, inside the actor's scope. */
export const OrgSummary = z.object({
  byKind: z.record(OrgKind, z.number().int()),
  byProvince: z.array(
    z.object({
      provinceCode: z.string(),
      name: z.string(),
      nameEn: z.string(),
      enterprises: z.number().int(),
    }),
  ),
});
