import canonicalize from 'canonicalize';
import { digestHex, type HashAlg } from '../../core/crypto';

/** The 64-zero hash the first row links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a chain hash covers: every column except `hash` itself. */
export interface ChainFields {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
  requestId: string | null;
  alg: HashAlg;
  prevHash: string;
}

/** Hash of one row: SM3 (or SHA-256) over its RFC 8785 canonical JSON, so key order and engine do not matter. */
export function chainHash(row: ChainFields): string {
  const fields: Record<keyof ChainFields, unknown> = {
    seq: row.seq,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorOrgId: row.actorOrgId,
    orgId: row.orgId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data,
    requestId: row.requestId,
    alg: row.alg,
    prevHash: row.prevHash,
  };
  const canonical = canonicalize(fields);
  if (canonical === undefined) throw new Error('audit row is not serialisable');
  return digestHex(row.alg, canonical);
}

/** Why verification stopped. */
export type BreakReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap';

/** Incremental verifier: feed rows in `seq` order; it remembers the first broken link. */
export class ChainVerifier {
  private prev: { seq: number; hash: string } | null = null;
  rows = 0;
  firstBroken: { seq: number; reason: BreakReason } | null = null;

  /** Checks one row against its predecessor; returns false once the chain is broken. */
  push(row: ChainFields & { hash: string }): boolean {
    if (this.firstBroken) return false;
    this.rows++;
    const expectedSeq = this.prev ? this.prev.seq + 1 : 1;
    const expectedPrev = this.prev ? this.prev.hash : GENESIS_HASH;
    // A deleted row shows as a gap; a reordered or edited row as a hash or link mismatch.
    if (row.seq !== expectedSeq) this.firstBroken = { seq: row.seq, reason: 'sequence-gap' };
    else if (row.prevHash !== expectedPrev) this.firstBroken = { seq: row.seq, reason: 'prev-hash-mismatch' };
    else if (chainHash(row) !== row.hash) this.firstBroken = { seq: row.seq, reason: 'hash-mismatch' };
    this.prev = { seq: row.seq, hash: row.hash };
    return this.firstBroken === null;
  }

  /** The last row seen, i.e. the head to anchor externally. */
  get head() {
    return this.prev;
  }
}
