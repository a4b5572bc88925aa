import type { z } from 'zod';
import type { AuditEntry, AuditVerifyResult } from '../../contracts/audit';
import type { Problem } from '../../contracts/common';
import type {
  AdvisoryImportResult as AdvisoryImportResultContract,
  Asset as AssetContract,
  CreateAssetBody,
  Exposure as ExposureContract,
  ExposureState as ExposureStateContract,
  SbomUploadResult as SbomUploadResultContract,
  TriageBody,
  VexJustification as VexJustificationContract,
} from '../../contracts/exposure';
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
import type { Notification as NotificationContract } from '../../contracts/notifications';
import type {
  FiledPlatform as FiledPlatformContract,
  Filing as FilingContract,
  FilingDecisionBody,
  FilingFields,
} from '../../contracts/platforms';
import type {
  ComponentBody,
  Component as ComponentContract,
  ProductBody,
  Product as ProductContract,
  UpdateProductBody,
} from '../../contracts/products';
import type {
  Advisory as AdvisoryContract,
  ApprovalBody,
  Clock as ClockContract,
  ExternalIdsBody,
  FreezeWindowBody,
  FreezeWindow as FreezeWindowContract,
  GbtIndicators,
  IntakeBody,
  IntakeResult as IntakeResultContract,
  NationalReportBody,
  NationalReport as NationalReportContract,
  NationalReportDecisionBody,
  PublicationRequestBody,
  Report as ReportContract,
  ReportDetail as ReportDetailContract,
  ReportState as ReportStateContract,
  TimelineEntry as TimelineEntryContract,
  TransitionBody,
} from '../../contracts/vulnerabilities';

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

/** A vulnerability report's lifecycle state. */
export type ReportState = z.infer<typeof ReportStateContract>;
/** One RMSV art. 7 deadline with its live status. */
export type Clock = z.infer<typeof ClockContract>;
/** A vulnerability report as its parties see it. */
export type Report = z.infer<typeof ReportContract>;
/** A report with its description, timeline, attachments, duplicate candidates and the events the actor may fire. */
export type ReportDetail = z.infer<typeof ReportDetailContract>;
/** One timeline entry of a report. */
export type TimelineEntry = z.infer<typeof TimelineEntryContract>;
/** One attachment's metadata. */
export type Attachment = ReportDetail['attachments'][number];
/** The answer to an intake, with the anonymous reporter's one-time claim code. */
export type IntakeResult = z.infer<typeof IntakeResultContract>;
/** Body of POST /api/vulnerabilities and /api/intake/anonymous. */
export type IntakeInput = z.input<typeof IntakeBody>;
/** GB/T 30279-2020 indicators of a report. */
export type GbtInput = z.input<typeof GbtIndicators>;
/** Body of POST /api/vulnerabilities/:id/transitions (discriminated by `event`). */
export type TransitionInput = z.input<typeof TransitionBody>;
/** A lifecycle event that goes through the transitions route. */
export type TransitionEvent = TransitionInput['event'];
/** Body of POST /api/vulnerabilities/:id/national-report (RMSV art. 7(2)). */
export type NationalReportInput = z.input<typeof NationalReportBody>;
/** A national report as the ministry's inbox holds it. */
export type NationalReport = z.infer<typeof NationalReportContract>;
/** A national report's status. */
export type NationalReportStatus = NationalReport['status'];
/** Body of POST /api/national-reports/:id/decision. */
export type NationalReportDecisionInput = z.input<typeof NationalReportDecisionBody>;
/** Body of PUT /api/vulnerabilities/:id/external-ids. */
export type ExternalIdsInput = z.input<typeof ExternalIdsBody>;
/** Body of POST /api/vulnerabilities/:id/publication (RMSV art. 9 disclosure gate). */
export type PublicationInput = z.input<typeof PublicationRequestBody>;
/** Body of POST /api/vulnerabilities/:id/approvals. */
export type ApprovalInput = z.input<typeof ApprovalBody>;
/** A publication freeze window. */
export type FreezeWindow = z.infer<typeof FreezeWindowContract>;
/** Body of POST /api/freeze-windows. */
export type FreezeWindowInput = z.input<typeof FreezeWindowBody>;
/** A published advisory as the public sees it. */
export type Advisory = z.infer<typeof AdvisoryContract>;
/** A catalogue product. */
export type ProductT = z.infer<typeof ProductContract>;
/** An upstream component of a product. */
export type ComponentT = z.infer<typeof ComponentContract>;
/** Body of POST /api/products. */
export type ProductInput = z.input<typeof ProductBody>;
/** Body of PATCH /api/products/:id. */
export type UpdateProductInput = z.input<typeof UpdateProductBody>;
/** Body of POST /api/products/:id/components. */
export type ComponentInput = z.input<typeof ComponentBody>;
/** A collection-platform filing. */
export type Filing = z.infer<typeof FilingContract>;
/** A filing's status. */
export type FilingStatus = Filing['status'];
/** Body of POST /api/platform-filings/:id/decision. */
export type FilingDecisionInput = z.input<typeof FilingDecisionBody>;
/** Body of PUT /api/platform-filings/mine (146号 filing contents). */
export type FilingFieldsInput = z.input<typeof FilingFields>;
/** A filed platform in the public list. */
export type FiledPlatform = z.infer<typeof FiledPlatformContract>;
/** An in-app notification. */
export type NotificationT = z.infer<typeof NotificationContract>;

/** Filters for GET /api/vulnerabilities. */
export interface ReportListParams {
  state?: ReportState;
  overdue?: 'true';
  mine?: 'reported' | 'assigned';
  unrouted?: 'true';
  cursor?: string;
  limit?: number;
}

/** An asset (system, device or product release) with its current SBOM summary. */
export type Asset = z.infer<typeof AssetContract>;
/** What an asset is. */
export type AssetKind = Asset['kind'];
/** Body of POST /api/assets. */
export type CreateAssetInput = z.input<typeof CreateAssetBody>;
/** One advisory hitting one package of one asset. */
export type Exposure = z.infer<typeof ExposureContract>;
/** An exposure's triage state (CycloneDX VEX analysis vocabulary). */
export type ExposureState = z.infer<typeof ExposureStateContract>;
/** A CycloneDX VEX justification for `not-affected`. */
export type VexJustification = z.infer<typeof VexJustificationContract>;
/** Body of PATCH /api/exposures/:id. */
export type TriageInput = z.input<typeof TriageBody>;
/** What an SBOM upload found and matched. */
export type SbomUploadResult = z.infer<typeof SbomUploadResultContract>;
/** What an advisory import brought in and matched. */
export type AdvisoryImportResult = z.infer<typeof AdvisoryImportResultContract>;

/** Filters for GET /api/exposures. */
export interface ExposureListParams {
  state?: ExposureState;
  open?: 'true' | 'false';
  assetId?: string;
  cursor?: string;
  limit?: number;
}

// The next three responses are declared inline in src/server/modules/exposure/exposure.routes.ts rather than
// in src/contracts, so they are restated here field for field.

/** GET /api/match-advisories/:advisoryId/affected: orgs with open exposures, and how many per province. */
export interface AffectedByAdvisory {
  advisoryId: string;
  orgs: { orgId: string; name: string; kind: string; provinceCode: string | null; exposures: number }[];
  byProvince: { provinceCode: string; orgs: number }[];
}

/** One row of GET /api/vendor/affected-users: how many orgs run one of the vendor's published vulnerabilities. */
export interface VendorAffectedUsers {
  ref: string;
  title: string;
  affectedOrgs: number;
}

/** One row of GET /api/components/advisories: an advisory hitting a package version. */
export interface ComponentAdvisory {
  id: string;
  aliases: string[];
  summary: string;
  severity: string | null;
}
