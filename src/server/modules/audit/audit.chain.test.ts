import { describe, expect, it } from 'vitest';
import { type ChainFields, ChainVerifier, chainHash, GENESIS_HASH } from './audit.chain';

const row = (
  seq: number,
  prevHash: string,
  alg: 'sm3' | 'sha256' = 'sm3',
): ChainFields & { hash: string } => {
  const f: ChainFields = {
    seq,
    at: new Date(Date.UTC(2026, 10, 21, 10, 0, seq)),
    actorUserId: null,
    actorOrgId: null,
    orgId: null,
    action: 'test.event',
    entityType: 'thing',
    entityId: String(seq),
    data: { b: 2, a: [1, { z: true, y: null }] },
    requestId: 'r',
    alg,
    prevHash,
  };
  return { ...f, hash: chainHash(f) };
};

const chain = (n: number, alg: 'sm3' | 'sha256' = 'sm3') => {
  const rows = [row(1, GENESIS_HASH, alg)];
  while (rows.length < n) rows.push(row(rows.length + 1, rows.at(-1)!.hash, alg));
  return rows;
};

describe('audit chain hashing', () => {
  it('is independent of key order (RFC 8785 canonical JSON)', () => {
    const a = row(1, GENESIS_HASH);
    const b = { ...a, data: { a: [1, { y: null, z: true }], b: 2 } };
    expect(chainHash(b)).toBe(a.hash);
  });
  it('uses SM3 by default and SHA-256 when selected, each 64 hex chars and different', () => {
    const sm3 = row(1, GENESIS_HASH, 'sm3').hash;
    const sha = row(1, GENESIS_HASH, 'sha256').hash;
    expect(sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3).not.toBe(sha);
  });
  it('verifies an intact chain and reports its head', () => {
    const v = new ChainVerifier();
    const rows = chain(5, 'sha256');
    for (const r of rows) v.push(r);
    expect(v.firstBroken).toBeNull();
    expect(v.head).toEqual({ seq: 5, hash: rows[4]!.hash });
  });
  it.each([
    [
      'an edited field',
      (rows: ReturnType<typeof chain>) => {
        rows[2] = { ...rows[2]!, action: 'forged' };
      },
      3,
      'hash-mismatch',
    ],
    [
      'a deleted row',
      (rows: ReturnType<typeof chain>) => {
        rows.splice(2, 1);
      },
      4,
      'sequence-gap',
    ],
    [
      'a re-linked row',
      (rows: ReturnType<typeof chain>) => {
        rows[3] = { ...rows[3]!, prevHash: GENESIS_HASH };
      },
      4,
      'prev-hash-mismatch',
    ],
    [
      'swapped rows',
      (rows: ReturnType<typeof chain>) => {
        const t = rows[1]!;
        rows[1] = rows[2]!;
        rows[2] = t;
      },
      3,
      'sequence-gap',
    ],
  ] as const)('finds %s', (_n, tamper, seq, reason) => {
    const rows = chain(6);
    tamper(rows);
    const v = new ChainVerifier();
    for (const r of rows) v.push(r);
    expect(v.firstBroken).toEqual({ seq, reason });
  });
});
