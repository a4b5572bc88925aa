import { z } from 'zod';
import { Timestamp } from './common';

/** Report states (RMSV art. 7 then art. 9). */
export const ReportState = z.enum([
  'submitted',
  'triage',
  'needs-info',
  'rejected',
  'duplicate',
  'confirmed',
  'nationally-reported',
  'fix-available',
  'users-notified',
  'published',
  'closed',
]);

/** A CWE id such as `CWE-79`. */
export const Cwe = z.string().regex(/^CWE-\d{1,5}$/, 'must look like CWE-79');

/** GB/T 30279-2020 indicators (exploitability, impact, optional environment). */
export const GbtIndicators = z.strictObject({
  exploitability: z.strictObject({
    accessPath: z.enum(['network', 'adjacent', 'local', 'physical']),
    trigger: z.enum(['low', 'high']),
    privileges: z.enum(['none', 'low', 'high']),
    interaction: z.enum(['not-required', 'required']),
  }),
  impact: z.strictObject({
    confidentiality: z.enum(['severe', 'general', 'none']),
    integrity: z.enum(['severe', 'general', 'none']),
    availability: z.enum(['severe', 'general', 'none']),
  }),
  environment: z
    .strictObject({
      exploitationCost: z.enum(['low', 'mid', 'high']),
      fixDifficulty: z.enum(['high', 'mid', 'low']),
      impactScope: z.enum(['high', 'mid', 'low', 'none']),
    })
    .optional(),
});

/** A product named in free text, when it is not (yet) in the catalogue: routed to the ministry's queue. */
export const ProductText = z.strictObject({
  vendorName: z.string().trim().min(1).max(200),
  productName: z.string().trim().min(1).max(200),
  model: z.string().trim().max(200).optional(),
});

/** A new vulnerability report (intake). */
export const IntakeBody = z
  .strictObject({
    productId: z.uuid().optional(),
    productText: ProductText.optional(),
    affectedVersions: z.array(z.string().trim().min(1).max(100)).min(1).max(200),
    title: z.string().trim().min(4).max(300),
    cwe: Cwe.optional(),
    description: z.string().trim().min(20).max(100_000),
    cvss: z.array(z.string().trim().min(10).max(300)).max(4).default([]),
    gbt: GbtIndicators.optional(),
    onBehalfOf: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Collection platforms: the researcher reported for'),
    contactEmail: z
      .email()
      .max(254)
      .optional()
      .describe('Anonymous reporters: optional contact for follow-up'),
  })
  .refine((b) => Boolean(b.productId) !== Boolean(b.productText), {
    message: 'give exactly one of productId or productText',
    path: ['productId'],
  });

/** One scored CVSS vector. */
export const CvssScore = z.object({
  vector: z.string(),
  version: z.string(),
  baseScore: z.number(),
  severity: z.string(),
});

/** A deadline with its live status for countdowns. */
export const Clock = z.object({
  dueAt: Timestamp.nullable(),
  doneAt: Timestamp.nullable(),
  status: z.enum(['pending', 'due-soon', 'overdue', 'met', 'met-late', 'not-started']),
  remainingMs: z.number().nullable(),
});

/** A report as its parties see it. */
export const Report = z.object({
  id: z.uuid(),
  ref: z.string(),
  state: ReportState,
  title: z.string(),
  productId: z.uuid().nullable(),
  productName: z.string(),
  productModel: z.string().nullable(),
  vendorOrgId: z.uuid().nullable(),
  vendorName: z.string().nullable(),
  reporterKind: z.enum(['researcher', 'platform', 'vendor-internal', 'anonymous', 'upstream-notice']),
  reporterOrgId: z.uuid().nullable(),
  onBehalfOf: z.string().nullable(),
  affectedVersions: z.array(z.string()),
  cwe: z.string().nullable(),
  cvss: z.array(CvssScore),
  gbtGrade: z.string().nullable(),
  externalIds: z.record(z.string(), z.string()),
  awareAt: Timestamp.nullable(),
  clocks: z.object({ verify: Clock, upstreamNotify: Clock, nationalReport: Clock }),
  overdue: z.boolean(),
  escalatedAt: Timestamp.nullable(),
  duplicateOf: z.uuid().nullable(),
  parentReportId: z.uuid().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** A timeline entry. */
export const TimelineEntry = z.object({
  id: z.uuid(),
  at: Timestamp,
  kind: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  actorOrgId: z.uuid().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

/** A report with its sealed description opened for an authorised party, timeline, attachments and candidates. */
export const ReportDetail = Report.extend({
  description: z.string(),
  assessment: z.object({ harm: z.string(), scope: z.string(), upstreamAffected: z.boolean() }).nullable(),
  fix: z
    .object({
      kind: z.enum(['fix', 'mitigation']),
      description: z.string(),
      url: z.string().nullable(),
      fixedVersions: z.array(z.string()),
    })
    .nullable(),
  timeline: z.array(TimelineEntry),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      filename: z.string(),
      size: z.number(),
      exploitTool: z.boolean(),
      public: z.boolean(),
      createdAt: Timestamp,
    }),
  ),
  duplicateCandidates: z.array(
    z.object({ id: z.uuid(), ref: z.string(), title: z.string(), score: z.number() }),
  ),
  availableEvents: z.array(z.string()),
  nationalReport: z
    .object({
      id: z.uuid(),
      status: z.enum(['filed', 'acknowledged', 'more-info-requested']),
      late: z.boolean(),
    })
    .nullable(),
});

/** The response to an intake: the report, plus a claim code for anonymous reporters (shown once). */
export const IntakeResult = z.object({ report: Report, claimCode: z.string().nullable() });

/** Inbox filters (keyset by created time). */
export const ReportListQuery = z.strictObject({
  state: ReportState.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['reported', 'assigned']).optional(),
  unrouted: z
    .enum(['true', 'false'])
    .optional()
    .describe('Reports waiting in the ministry queue for a vendor'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A lifecycle action with its facts. */
export const TransitionBody = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('start-triage'), note: z.string().max(10_000).optional() }),
  z.strictObject({ event: z.literal('request-info'), note: z.string().trim().min(1).max(10_000) }),
  z.strictObject({ event: z.literal('provide-info'), note: z.string().trim().min(1).max(100_000) }),
  z.strictObject({ event: z.literal('reject'), reason: z.string().trim().min(1).max(10_000) }),
  z.strictObject({
    event: z.literal('mark-duplicate'),
    duplicateOf: z.uuid(),
    note: z.string().max(10_000).optional(),
  }),
  z.strictObject({
    event: z.literal('confirm'),
    harm: z.string().trim().min(1).max(10_000),
    scope: z.string().trim().min(1).max(10_000),
    upstreamComponentIds: z.array(z.uuid()).max(50).default([]),
    note: z.string().max(10_000).optional(),
  }),
  z.strictObject({
    event: z.literal('release-fix'),
    kind: z.enum(['fix', 'mitigation']),
    description: z.string().trim().min(1).max(20_000),
    url: z.url().max(1000).optional(),
    fixedVersions: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  }),
  z.strictObject({
    event: z.literal('notify-users'),
    message: z.string().trim().min(1).max(20_000),
    userActionRequired: z.boolean().default(true),
  }),
  z.strictObject({ event: z.literal('close'), note: z.string().max(10_000).optional() }),
  z.strictObject({ event: z.literal('reopen'), note: z.string().trim().min(1).max(10_000) }),
]);

/** RMSV art. 7(2) national report: the mandatory fields (the list ends in 等, so more are allowed). */
export const NationalReportBody = z.strictObject({
  productName: z.string().max(300).optional(),
  productModel: z.string().max(300).optional(),
  productVersion: z.string().max(1000).optional(),
  technicalCharacteristics: z.string().max(20_000).optional(),
  harm: z.string().max(20_000).optional(),
  scope: z.string().max(20_000).optional(),
  additional: z.string().max(20_000).optional(),
});

/** A national report in the ministry's inbox. */
export const NationalReport = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  reportRef: z.string(),
  vendorOrgId: z.uuid(),
  vendorName: z.string(),
  fields: z.record(z.string(), z.string()),
  status: z.enum(['filed', 'acknowledged', 'more-info-requested']),
  late: z.boolean(),
  dueAt: Timestamp.nullable(),
  submittedAt: Timestamp,
  ministryNote: z.string().nullable(),
  acknowledgedAt: Timestamp.nullable(),
});

/** The ministry's answer to a national report. */
export const NationalReportDecisionBody = z.strictObject({
  decision: z.enum(['acknowledge', 'request-more']),
  note: z.string().trim().max(10_000).optional(),
});

/** Record CNVD / CNNVD / NVDB / CVE identifiers (format-checked, tolerant suffix widths). */
export const ExternalIdsBody = z.strictObject({
  cve: z.string().max(40).nullable().optional(),
  cnvd: z.string().max(40).nullable().optional(),
  cnnvd: z.string().max(40).nullable().optional(),
  nvdb: z.string().max(60).nullable().optional(),
});

/** A publication request checked by the RMSV art. 9 disclosure gate. */
export const PublicationRequestBody = z.strictObject({
  publicTitle: z.string().trim().min(4).max(300),
  publicDescription: z.string().trim().min(20).max(50_000),
  includesFixOrMitigation: z.boolean(),
  /** Attachments to publish with the advisory (exploit tools may never be public: art. 9(4)). */
  publicAttachmentIds: z.array(z.uuid()).max(20).default([]),
  /** Fields the advisory would carry, flagged when they describe operators' systems (art. 9(2)). */
  fields: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(100),
        operatorSystemDetail: z.boolean(),
        published: z.boolean(),
      }),
    )
    .max(50)
    .default([]),
  /** Who receives it ahead of publication; ISO 3166 country code, `CN` for domestic (art. 9(7)). */
  recipients: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        country: z.string().length(2),
        productProvider: z.boolean().default(false),
      }),
    )
    .max(50)
    .default([]),
  statedGrade: z.enum(['超危', '高危', '中危', '低危']).optional(),
});

/** An early-publication assessment by MIIT or MPS, recorded by the ministry (art. 9(1)). */
export const ApprovalBody = z.strictObject({
  authority: z.enum(['MIIT', 'MPS']),
  note: z.string().trim().min(1).max(5000),
});

/** A major-event freeze window during which nothing is published (art. 9(6)?, unconfirmed). */
export const FreezeWindow = z.object({
  id: z.uuid(),
  name: z.string(),
  from: Timestamp,
  to: Timestamp,
  createdAt: Timestamp,
});

/** A freeze window the ministry sets. */
export const FreezeWindowBody = z
  .strictObject({ name: z.string().trim().min(1).max(200), from: Timestamp, to: Timestamp })
  .refine((w) => new Date(w.from) < new Date(w.to), { message: 'from must be before to', path: ['to'] });

/** A published advisory as the public sees it. */
export const Advisory = z.object({
  ref: z.string(),
  title: z.string(),
  description: z.string(),
  vendorName: z.string(),
  productName: z.string(),
  productModel: z.string().nullable(),
  affectedVersions: z.array(z.string()),
  fixedVersions: z.array(z.string()),
  cwe: z.string().nullable(),
  cvss: z.array(CvssScore),
  gbtGrade: z.string().nullable(),
  externalIds: z.record(z.string(), z.string()),
  remediation: z.object({
    kind: z.enum(['fix', 'mitigation']),
    description: z.string(),
    url: z.string().nullable(),
  }),
  publishedAt: Timestamp,
  revision: z.number().int(),
});
