import type { AdvisoryMediaType, SbomMediaType } from './exposure';
import { ApiError, toApiError } from './problem';
import type {
  AcceptInvitationInput,
  Advisory,
  AdvisoryImportResult,
  AffectedByAdvisory,
  ApiTokenT,
  ApprovalInput,
  Asset,
  Attachment,
  AuditEntry,
  AuditListParams,
  AuditVerify,
  ChangePasswordInput,
  ComponentAdvisory,
  ComponentInput,
  ComponentT,
  CreateApiTokenInput,
  CreateAssetInput,
  CreatedApiTokenT,
  CreatedInvitationT,
  CreateInvitationInput,
  CreateOrgInput,
  Exposure,
  ExposureListParams,
  ExternalIdsInput,
  FiledPlatform,
  Filing,
  FilingDecisionInput,
  FilingFieldsInput,
  FilingStatus,
  FreezeWindow,
  FreezeWindowInput,
  IntakeInput,
  IntakeResult,
  Invitation,
  LoginInput,
  Me,
  NationalReport,
  NationalReportDecisionInput,
  NationalReportInput,
  NationalReportStatus,
  NotificationT,
  Org,
  OrgListParams,
  OrgSummary,
  Page,
  ProductInput,
  ProductT,
  ProvinceT,
  PublicationInput,
  Report,
  ReportDetail,
  ReportListParams,
  SbomUploadResult,
  TransitionInput,
  TriageInput,
  UpdateOrgInput,
  UpdateProductInput,
  UpdateUserInput,
  User,
  VendorAffectedUsers,
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

/** A request body: a value sent as JSON, or a file streamed as it is with its own media type. */
type Body = { json: unknown } | { file: Blob; type: string };

async function request<T>(method: Method, path: string, body?: Body, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body) headers['content-type'] = 'json' in body ? 'application/json' : body.type;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${path}${qs(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : 'json' in body ? JSON.stringify(body.json) : body.file,
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
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { json: body ?? {} });
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { json: body });
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { json: body });
const del = <T>(path: string) => request<T>('DELETE', path);
// SBOMs and advisory sets are streamed by the server as they arrive, so the file goes as the raw body.
const upload = <T>(method: Method, path: string, file: Blob, type: string) =>
  request<T>(method, path, { file, type });

/** Typed calls for feature folders that keep their endpoint list beside their pages (an api.ts per feature). */
export const http = { get, post, patch, put, del, upload };

/** Where a report's attachment downloads (the browser sends the session cookie). */
export const attachmentUrl = (reportId: string, attachmentId: string): string =>
  `/api/vulnerabilities/${seg(reportId)}/attachments/${seg(attachmentId)}`;

/** An advisory's machine-readable export: CSAF 2.0, CVE JSON 5.1 or OSV. */
export const advisoryDocumentUrl = (ref: string, format: 'csaf' | 'cve' | 'osv'): string =>
  `/api/advisories/${seg(ref)}/${format}`;

/** An asset's exposures as a CycloneDX 1.6 VEX document. */
export const vexUrl = (assetId: string): string => `/api/assets/${seg(assetId)}/vex`;

/** The public Atom feed of advisories. */
export const ADVISORY_FEED_URL = '/api/advisories/feed.atom';

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

  products: (q: string, limit = 20) => get<Page<ProductT>>('/api/products', { q, limit }),
  vendorProducts: (vendorOrgId: string, limit = 200) =>
    get<Page<ProductT>>('/api/products', { vendorOrgId, limit }),
  createProduct: (body: ProductInput) => post<ProductT>('/api/products', body),
  updateProduct: (id: string, body: UpdateProductInput) => patch<ProductT>(`/api/products/${seg(id)}`, body),
  components: (productId: string) => get<ComponentT[]>(`/api/products/${seg(productId)}/components`),
  addComponent: (productId: string, body: ComponentInput) =>
    post<ComponentT>(`/api/products/${seg(productId)}/components`, body),
  removeComponent: (productId: string, componentId: string) =>
    del<void>(`/api/products/${seg(productId)}/components/${seg(componentId)}`),

  assets: () => get<Asset[]>('/api/assets'),
  asset: (id: string) => get<Asset>(`/api/assets/${seg(id)}`),
  createAsset: (body: CreateAssetInput) => post<Asset>('/api/assets', body),
  uploadSbom: (id: string, file: Blob, type: SbomMediaType) =>
    upload<SbomUploadResult>('PUT', `/api/assets/${seg(id)}/sbom`, file, type),
  exposures: (params: ExposureListParams) => get<Page<Exposure>>('/api/exposures', { ...params }),
  triage: (id: string, body: TriageInput) => patch<Exposure>(`/api/exposures/${seg(id)}`, body),
  componentAdvisories: (q: { ecosystem: string; name: string; version: string }) =>
    get<ComponentAdvisory[]>('/api/components/advisories', q),
  affectedBy: (advisoryId: string) =>
    get<AffectedByAdvisory>(`/api/match-advisories/${seg(advisoryId)}/affected`),
  importAdvisories: (file: Blob, type: AdvisoryMediaType) =>
    upload<AdvisoryImportResult>('POST', '/api/match-advisories/import', file, type),
  vendorAffectedUsers: () => get<VendorAffectedUsers[]>('/api/vendor/affected-users'),

  submitReport: (body: IntakeInput) => post<IntakeResult>('/api/vulnerabilities', body),
  submitAnonymous: (body: IntakeInput) => post<IntakeResult>('/api/intake/anonymous', body),
  claim: (code: string) => get<ReportDetail>(`/api/intake/claims/${seg(code)}`),
  claimProvideInfo: (code: string, note: string) =>
    post<ReportDetail>(`/api/intake/claims/${seg(code)}/info`, { note }),

  reports: (params: ReportListParams) => get<Page<Report>>('/api/vulnerabilities', { ...params }),
  report: (id: string) => get<ReportDetail>(`/api/vulnerabilities/${seg(id)}`),
  transition: (id: string, body: TransitionInput) =>
    post<ReportDetail>(`/api/vulnerabilities/${seg(id)}/transitions`, body),
  assignVendor: (id: string, vendorOrgId: string) =>
    post<Report>(`/api/vulnerabilities/${seg(id)}/assign`, { vendorOrgId }),
  setExternalIds: (id: string, body: ExternalIdsInput) =>
    put<Report>(`/api/vulnerabilities/${seg(id)}/external-ids`, body),
  uploadAttachment: (
    id: string,
    body: { filename: string; contentType: string; contentBase64: string; exploitTool: boolean },
  ) => post<Attachment>(`/api/vulnerabilities/${seg(id)}/attachments`, body),
  fileNationalReport: (id: string, body: NationalReportInput) =>
    post<NationalReport>(`/api/vulnerabilities/${seg(id)}/national-report`, body),
  requestPublication: (id: string, body: PublicationInput) =>
    post<Advisory>(`/api/vulnerabilities/${seg(id)}/publication`, body),
  recordApproval: (id: string, body: ApprovalInput) =>
    post<{ approvals: string[] }>(`/api/vulnerabilities/${seg(id)}/approvals`, body),

  nationalReports: (status?: NationalReportStatus) =>
    get<NationalReport[]>('/api/national-reports', { status }),
  nationalReport: (id: string) => get<NationalReport>(`/api/national-reports/${seg(id)}`),
  decideNationalReport: (id: string, body: NationalReportDecisionInput) =>
    post<NationalReport>(`/api/national-reports/${seg(id)}/decision`, body),

  freezeWindows: () => get<FreezeWindow[]>('/api/freeze-windows'),
  addFreezeWindow: (body: FreezeWindowInput) => post<FreezeWindow>('/api/freeze-windows', body),
  deleteFreezeWindow: (id: string) => del<void>(`/api/freeze-windows/${seg(id)}`),

  advisories: (before?: string, limit = 50) => get<Advisory[]>('/api/advisories', { before, limit }),
  advisory: (ref: string) => get<Advisory>(`/api/advisories/${seg(ref)}`),

  filedPlatforms: () => get<FiledPlatform[]>('/api/platforms/filed'),
  filings: (status?: FilingStatus) => get<Filing[]>('/api/platform-filings', { status }),
  saveFiling: (body: FilingFieldsInput) => put<Filing>('/api/platform-filings/mine', body),
  submitFiling: (id: string) => post<Filing>(`/api/platform-filings/${seg(id)}/submit`),
  decideFiling: (id: string, body: FilingDecisionInput) =>
    post<Filing>(`/api/platform-filings/${seg(id)}/decision`, body),

  notifications: (params: { unread?: 'true'; before?: string; limit?: number }) =>
    get<Page<NotificationT>>('/api/notifications', { ...params }),
  readNotification: (id: string) => post<NotificationT>(`/api/notifications/${seg(id)}/read`),
  readAllNotifications: () => post<{ updated: number }>('/api/notifications/read-all'),
};
