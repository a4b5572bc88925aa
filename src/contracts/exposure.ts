import { z } from 'zod';
import { Timestamp } from './common';

/** What an SBOM describes. */
export const AssetKind = z.enum(['system', 'device', 'product-release']);

/** An asset with its current SBOM summary. */
export const Asset = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  kind: AssetKind,
  name: z.string(),
  description: z.string().nullable(),
  productId: z.uuid().nullable(),
  releaseVersion: z.string().nullable(),
  sbom: z
    .object({ format: z.string(), specVersion: z.string(), sha256: z.string(), uploadedAt: Timestamp })
    .nullable(),
  componentCount: z.number().int(),
  unsupportedCount: z.number().int(),
  openExposures: z.number().int(),
  createdAt: Timestamp,
});

/** Registers an asset: enterprises their systems and devices, vendors their product releases. */
export const CreateAssetBody = z.strictObject({
  kind: AssetKind,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  productId: z.uuid().optional(),
  releaseVersion: z.string().trim().min(1).max(100).optional(),
});

/** Exposure triage states (CycloneDX VEX analysis vocabulary). */
export const ExposureState = z.enum(['affected', 'not-affected', 'fixed', 'false-positive']);

/** CycloneDX VEX justifications for `not-affected`. */
export const VexJustification = z.enum([
  'code_not_present',
  'code_not_reachable',
  'requires_configuration',
  'requires_dependency',
  'requires_environment',
  'protected_by_compiler',
  'protected_at_runtime',
  'protected_at_perimeter',
  'protected_by_mitigating_control',
]);

/** One advisory hitting one package of one asset. */
export const Exposure = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  assetId: z.uuid(),
  assetName: z.string(),
  advisoryId: z.string(),
  summary: z.string().nullable(),
  ecosystem: z.string(),
  name: z.string(),
  version: z.string(),
  severity: z.string().nullable(),
  state: ExposureState,
  justification: z.string().nullable(),
  detail: z.string().nullable(),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});

/** Triage an exposure; `not-affected` needs a VEX justification. */
export const TriageBody = z
  .strictObject({
    state: ExposureState,
    justification: VexJustification.optional(),
    detail: z.string().trim().max(5000).optional(),
  })
  .refine((b) => b.state !== 'not-affected' || b.justification, {
    message: 'not-affected needs a VEX justification',
    path: ['justification'],
  });

/** Exposure list filters, most severe first (keyset). */
export const ExposureListQuery = z.strictObject({
  state: ExposureState.optional(),
  open: z.enum(['true', 'false']).optional(),
  assetId: z.uuid().optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** What an SBOM upload found and matched. */
export const SbomUploadResult = z.object({
  format: z.string(),
  specVersion: z.string(),
  counts: z.object({
    components: z.number().int(),
    matchable: z.number().int(),
    matchableWithoutVersion: z.number().int(),
    withoutPurl: z.number().int(),
    invalidPurl: z.number().int(),
    unsupportedPurl: z.number().int(),
    byEcosystem: z.record(z.string(), z.number().int()),
  }),
  exposures: z.number().int(),
  newExposures: z.number().int(),
  resolvedExposures: z.number().int(),
});

/** What an advisory import brought in and matched. */
export const AdvisoryImportResult = z.object({
  counts: z.object({
    records: z.number().int(),
    withdrawn: z.number().int(),
    packages: z.number().int(),
    ranges: z.number().int(),
    unsupported: z.number().int(),
    unsupportedByType: z.record(z.string(), z.number().int()),
    problems: z.number().int(),
    bySource: z.record(z.string(), z.number().int()),
  }),
  problems: z.array(z.object({ source: z.string(), reason: z.string() })),
  exposures: z.number().int(),
  newExposures: z.number().int(),
  affectedOrgs: z.number().int(),
});
