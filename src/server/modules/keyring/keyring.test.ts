import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SealError } from '../../../lib/crypto';
import { systemContext } from '../../core/actor';
import type { Database } from '../../db/client';
import { buildServices } from '../../services';
import { testConfig } from '../../testing/test-config';
import { openTestDatabase } from '../../testing/test-db';

const NEW_MASTER = 'a'.repeat(64);
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const keyringWith = (env: Record<string, string>) => buildServices(database.db, testConfig(env)).keyring;
const now = new Date();

describe('keyring', () => {
  it('seals under a wrapped data key, binds the blob to its aad, and keeps no plaintext key or text', async () => {
    const k = keyringWith({});
    const blob = await k.seal(database.db, '漏洞细节 PLAINTEXT-MARKER', 'vulnerability:1:description', now);
    expect(blob.includes(Buffer.from('PLAINTEXT-MARKER'))).toBe(false);
    expect((await k.open(database.db, blob, 'vulnerability:1:description')).toString()).toBe(
      '漏洞细节 PLAINTEXT-MARKER',
    );
    await expect(k.open(database.db, blob, 'vulnerability:2:description')).rejects.toBeInstanceOf(SealError);
    const rows = await database.raw.query<{ wrapped: Uint8Array }>('select wrapped from data_keys');
    expect(rows.rows).toHaveLength(1);
  });

  it('rotates the data key and still opens blobs sealed under the old one', async () => {
    const k = keyringWith({});
    const old = await k.seal(database.db, 'before rotation', 'a', now);
    const newId = await k.rotateDataKey(systemContext());
    const fresh = await k.seal(database.db, 'after rotation', 'a', now);
    expect(fresh.subarray(4, 20).equals(old.subarray(4, 20))).toBe(false);
    expect((await k.open(database.db, old, 'a')).toString()).toBe('before rotation');
    expect((await k.open(database.db, fresh, 'a')).toString()).toBe('after rotation');
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('re-wraps every data key under a new master key; the old master is then no longer needed', async () => {
    const before = keyringWith({});
    const blob = await before.seal(database.db, 'survives master rotation', 'b', now);
    const rotating = keyringWith({
      BULWARK_MASTER_KEY: NEW_MASTER,
      BULWARK_MASTER_KEYS_PREVIOUS: testConfig().masterKey!,
    });
    expect(await rotating.rewrapAll(systemContext())).toBeGreaterThan(0);
    const after = keyringWith({ BULWARK_MASTER_KEY: NEW_MASTER });
    expect((await after.open(database.db, blob, 'b')).toString()).toBe('survives master rotation');
    const withoutNew = keyringWith({});
    await expect(withoutNew.open(database.db, blob, 'b')).rejects.toBeInstanceOf(SealError);
  });
});
