import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

/** Tampering goes around the append-only trigger, as a DBA with superuser rights could. */
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const raw = (sql: string) => t.database.raw.exec(sql);
const asOwner = (sql: string) =>
  raw(`alter table audit_log disable trigger user; ${sql}; alter table audit_log enable trigger user;`);
const verify = () => t.app.services.audit.verify();

describe('audit chain in the database', () => {
  it('verifies the seeded chain', async () => {
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.rows).toBeGreaterThan(10);
    expect(r.headSeq).toBe(r.rows);
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    await expect(raw(`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(raw('delete from audit_log where seq = 1')).rejects.toThrow(/append-only/);
    await expect(raw('truncate audit_log')).rejects.toThrow(/append-only/);
  });

  it('appends a row for a write in the same transaction, and none when the write fails', async () => {
    const before = (await verify()).rows;
    const as = await t.login('ent.gd1@bulwark.demo');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${as.orgId}`,
      headers: as.headers,
      payload: { address: '广州' },
    });
    const failed = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${as.orgId}/invitations`,
      headers: as.headers,
      payload: { email: 'ent.gd1@bulwark.demo', role: 'member' },
    });
    expect(failed.statusCode).toBe(409);
    const after = await verify();
    expect(after.ok).toBe(true);
    // login + org.updated; the refused invitation left nothing behind.
    expect(after.rows).toBe(before + 2);
    const page = await t.app.inject({ url: '/api/audit?limit=1', headers: as.headers });
    expect(page.json().items[0].action).toBe('org.updated');
  });

  it('finds an altered row', async () => {
    await asOwner(`update audit_log set data = '{"forged":true}' where seq = 5`);
    expect((await verify()).firstBroken).toEqual({ seq: 5, reason: 'hash-mismatch' });
  });

  it('finds a deleted row', async () => {
    await asOwner('delete from audit_log where seq = 7');
    expect((await verify()).firstBroken).toEqual({ seq: 8, reason: 'sequence-gap' });
  });

  it('finds reordered rows', async () => {
    await asOwner(
      'update audit_log set seq = -1 where seq = 3; update audit_log set seq = 3 where seq = 4; update audit_log set seq = 4 where seq = -1',
    );
    expect((await verify()).firstBroken).toEqual({ seq: 3, reason: 'prev-hash-mismatch' });
  });
});
