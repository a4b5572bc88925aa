import { ApiError, toApiError } from './problem';
import type {
  AcceptInvitationInput,
  ApiTokenT,
  AuditEntry,
  AuditListParams,
  AuditVerify,
  ChangePasswordInput,
  CreateApiTokenInput,
  CreatedApiTokenT,
  CreatedInvitationT,
  CreateInvitationInput,
  CreateOrgInput,
  Invitation,
  LoginInput,
  Me,
  Org,
  OrgListParams,
  OrgSummary,
  Page,
  ProvinceT,
  UpdateOrgInput,
  UpdateUserInput,
  User,
} from './types';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | undefined>;

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the session's CSRF token (from the Me response) for cookie-authenticated writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when a signed-in call answers 401 (the session expired or was revoked). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const qs = (query?: Query): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

const seg = encodeURIComponent;

async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${path}${qs(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      { type: 'about:blank', title: 'Network error', status: 0, code: 'network.failed' },
      null,
    );
  }
  if (!res.ok) {
    const err = await toApiError(res);
    // Login and the session probe answer 401 as a normal outcome, not an expiry.
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);

/** Typed client for the Bulwark HTTP API; bodies and results are the types inferred from src/contracts. */
export const api = {
  provinces: () => get<ProvinceT[]>('/api/reference/provinces'),

  login: (body: LoginInput) => post<Me>('/api/auth/login', body),
  logout: () => post<void>('/api/auth/logout'),
  me: () => get<Me>('/api/auth/me'),
  changePassword: (body: ChangePasswordInput) => post<void>('/api/auth/password', body),
  acceptInvitation: (body: AcceptInvitationInput) => post<User>('/api/invitations/accept', body),

  orgs: (params: OrgListParams) => get<Page<Org>>('/api/orgs', { ...params }),
  orgSummary: () => get<OrgSummary>('/api/orgs/summary'),
  org: (id: string) => get<Org>(`/api/orgs/${seg(id)}`),
  createOrg: (body: CreateOrgInput) => post<Org>('/api/orgs', body),
  updateOrg: (id: string, body: UpdateOrgInput) => patch<Org>(`/api/orgs/${seg(id)}`, body),

  users: (orgId: string) => get<User[]>(`/api/orgs/${seg(orgId)}/users`),
  updateUser: (orgId: string, userId: string, body: UpdateUserInput) =>
    patch<User>(`/api/orgs/${seg(orgId)}/users/${seg(userId)}`, body),
  revokeSessions: (orgId: string, userId: string) =>
    post<void>(`/api/orgs/${seg(orgId)}/users/${seg(userId)}/revoke-sessions`),

  invitations: (orgId: string) => get<Invitation[]>(`/api/orgs/${seg(orgId)}/invitations`),
  invite: (orgId: string, body: CreateInvitationInput) =>
    post<CreatedInvitationT>(`/api/orgs/${seg(orgId)}/invitations`, body),
  revokeInvitation: (orgId: string, invitationId: string) =>
    post<Invitation>(`/api/orgs/${seg(orgId)}/invitations/${seg(invitationId)}/revoke`),

  tokens: () => get<ApiTokenT[]>('/api/tokens'),
  createToken: (body: CreateApiTokenInput) => post<CreatedApiTokenT>('/api/tokens', body),
  revokeToken: (id: string) => post<ApiTokenT>(`/api/tokens/${seg(id)}/revoke`),

  audit: (params: AuditListParams) => get<Page<AuditEntry>>('/api/audit', { ...params }),
  verifyAudit: () => get<AuditVerify>('/api/audit/verify'),
};
