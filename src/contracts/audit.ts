import { z } from 'zod';
import { Timestamp } from './common';

/** One row of the tamper-evident audit chain. */
export const AuditEntry = z.object({
  seq: z.number().int(),
  at: Timestamp,
  actorUserId: z.uuid().nullable(),
  actorOrgId: z.uuid().nullable(),
  orgId: z.uuid().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  alg: z.enum(['sm3', 'sha256']),
  prevHash: z.string(),
  hash: z.string(),
});
/** An audit entry. */
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Filters for browsing the audit trail (newest first, keyset by `seq`). */
export const AuditListQuery = z.strictObject({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  orgId: z.uuid().optional(),
  before: z.coerce.number().int().min(1).optional().describe('Return rows with seq below this value'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Result of verifying the chain. */
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: z.enum(['hash-mismatch', 'prev-hash-mismatch', 'sequence-gap']),
    })
    .nullable(),
});
