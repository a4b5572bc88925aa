import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import { openPglite } from '../db/client';
import { migrate } from '../db/migrate';
import { resolveMasterKeys } from '../modules/keyring';
import { type As, createTestApp, type TestApp } from '../testing/test-app';
import { TEST_MASTER_KEY, testConfig } from '../testing/test-config';
import { openEmptyTestDatabase } from '../testing/test-db';
import { BackupError, restoreBackup, type VerifiedBackup, verifyBackup, writeBackup } from '.';
import { backupRepository } from './backup.repository';
import { dependencyOrder, drizzleTables, MIGRATION_SEEDED_TABLES, schemaTables } from './backup.tables';

const MARKER = 'BACKUP-SEALED-5c1e';
const master = (key = TEST_MASTER_KEY) =>
  resolveMasterKeys({ masterKey: key, dataDir: os.tmpdir(), embedded: false });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-backup-'));
const file = (name: string) => path.join(dir, name);

let source: TestApp;
let target: Database;
let reportId: string;
let attachmentId: string;
let backup: VerifiedBackup;

/** Every row of every schema table through Drizzle, in a stable order: the same query on both databases. */
async function everyRow(database: Database) {
  const out: Record<string, string[]> = {};
  for (const table of drizzleTables()) {
    const rows = await database.db.select().from(table);
    out[getTableConfig(table).name] = rows
      .map((r) =>
        JSON.stringify(r, (_k, v) => (v?.type === 'Buffer' ? Buffer.from(v.data).toString('base64') : v)),
      )
      .sort();
  }
  return out;
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
};

/** Rewrites a backup's uncompressed lines and gzips them again (a valid gzip stream with edited content). */
function rewrite(from: string, to: string, edit: (lines: string[]) => string[]) {
  const lines = zlib.gunzipSync(fs.readFileSync(from)).toString('utf8').split('\n');
  fs.writeFileSync(to, zlib.gzipSync(edit(lines).join('\n')));
}

beforeAll(async () => {
  source = await createTestApp();
  const researcher = await source.login('researcher@bulwark.demo');
  const vendor = await source.login('vendor.admin@bulwark.demo');
  const productId = (await source.app.inject({ url: `/api/products?vendorOrgId=${vendor.orgId}` })).json()
    .items[0].id;
  const created = await source.app.inject({
    method: 'POST',
    url: '/api/vulnerabilities',
    headers: researcher.headers,
    payload: {
      productId,
      affectedVersions: ['5.1.0'],
      title: '备份恢复测试漏洞',
      cwe: 'CWE-306',
      description: `未授权访问管理接口 ${MARKER}`,
      cvss: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  reportId = created.json().report.id;
  const up = await source.app.inject({
    method: 'POST',
    url: `/api/vulnerabilities/${reportId}/attachments`,
    headers: researcher.headers,
    payload: {
      filename: 'poc.sh',
      contentType: 'text/x-shellscript',
      contentBase64: Buffer.from(`echo ${MARKER}-POC`).toString('base64'),
      exploitTool: true,
    },
  });
  expect(up.statusCode, up.body).toBe(201);
  attachmentId = up.json().id;
  target = await openEmptyTestDatabase();
  const t0 = performance.now();
  const written = await writeBackup(source.database, file('source.bulwark-backup'));
  const t1 = performance.now();
  backup = await verifyBackup(file('source.bulwark-backup'));
  const rows = written.manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `backup: ${rows} rows in ${written.manifest.tables.length} tables, ${written.bytes} bytes, ` +
      `written in ${Math.round(t1 - t0)} ms, verified in ${Math.round(performance.now() - t1)} ms`,
  );
});

afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup', () => {
  it('covers every schema table parent-first, with the key policy and the audit head in the manifest', async () => {
    expect(backup.tables.map((t) => t.table).sort()).toEqual(schemaTables());
    const at = (t: string) => backup.tables.findIndex((s) => s.table === t);
    expect(at('orgs')).toBeLessThan(at('users'));
    expect(at('vulnerability_reports')).toBeLessThan(at('vulnerability_attachments'));
    const m = backup.manifest;
    expect(m.keys).toMatchObject({ masterKeyIds: [master().current.id], masterKeyIncluded: false });
    expect(m.keys.dataKeys).toBeGreaterThan(0);
    expect(m.audit.rows).toBeGreaterThan(10);
    expect(m.sequences.count).toBe(backup.sequences.length);
    const raw = zlib.gunzipSync(fs.readFileSync(file('source.bulwark-backup')));
    expect(raw.includes(Buffer.from(MARKER))).toBe(false);
    expect(raw.includes(Buffer.from(TEST_MASTER_KEY.slice('base64:'.length)))).toBe(false);
    expect(fs.statSync(file('source.bulwark-backup')).mode & 0o777).toBe(0o600);
    await expect(refusal(writeBackup(source.database, file('source.bulwark-backup')))).resolves.toMatchObject(
      {
        code: 'backup.exists',
      },
    );
  });

  it('orders tables by foreign keys and refuses a cycle', () => {
    expect(dependencyOrder(['b', 'a', 'c'], [{ child: 'a', parent: 'c' }])).toEqual(['b', 'c', 'a']);
    expect(() =>
      dependencyOrder(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/cycle among: a, b/);
  });
});

describe('refused restores write nothing', () => {
  it('a fresh migration fills only the tables restore treats as empty', async () => {
    expect(await backupRepository.nonEmpty(target.db, schemaTables())).toEqual([...MIGRATION_SEEDED_TABLES]);
  });

  it('refuses a flipped byte, a truncated file, an edited row and a foreign file before writing', async () => {
    const bytes = fs.readFileSync(file('source.bulwark-backup'));
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(file('flipped'), flipped);
    fs.writeFileSync(file('truncated'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    rewrite(file('source.bulwark-backup'), file('edited'), (lines) =>
      lines.map((l) =>
        l.includes('"ministry.admin@bulwark.demo"') ? l.replace('ministry.admin', 'evil.admin') : l,
      ),
    );
    rewrite(file('source.bulwark-backup'), file('no-manifest'), (lines) => [...lines.slice(0, -2), '']);
    fs.writeFileSync(file('foreign'), zlib.gzipSync('{"hello":"world"}\n'));
    for (const [name, code, message] of [
      ['flipped', 'backup.corrupt', /corrupt/],
      ['truncated', 'backup.corrupt', /truncated or corrupt/],
      ['edited', 'backup.corrupt', /table users does not match the manifest/],
      ['no-manifest', 'backup.corrupt', /manifest, its last line, is missing/],
      ['foreign', 'backup.format', /not a Bulwark backup/],
    ] as const) {
      const e = await refusal(verifyBackup(file(name)));
      expect([e.code, e.message], name).toEqual([code, expect.stringMatching(message)]);
    }
    expect(await backupRepository.nonEmpty(target.db, schemaTables())).toEqual([...MIGRATION_SEEDED_TABLES]);
  });

  it('refuses a wrong or missing master key before writing', async () => {
    const wrong = await refusal(restoreBackup(target.db, backup, { master: master('b'.repeat(64)) }));
    expect(wrong.code).toBe('restore.master_key');
    expect(wrong.message).toContain(master().current.id);
    const none = await refusal(restoreBackup(target.db, backup, { master: undefined }));
    expect(none.message).toMatch(/no master key is configured.*never contains the master key/);
    expect(await backupRepository.nonEmpty(target.db, schemaTables())).toEqual([...MIGRATION_SEEDED_TABLES]);
  });

  it('refuses an instance that holds rows, naming the tables', async () => {
    const e = await refusal(restoreBackup(source.database.db, backup, { master: master() }));
    expect(e.code).toBe('restore.not_empty');
    expect(e.message).toContain('orgs');
  });
});

describe('round trip', () => {
  it('restores every row, the sequences and a verified audit chain; sealed fields still open', async () => {
    const t0 = performance.now();
    const restored = await restoreBackup(target.db, backup, { master: master() });
    console.log(`restore (audit chain verified): ${Math.round(performance.now() - t0)} ms`);
    expect(restored.audit).toMatchObject({ ok: true, rows: backup.manifest.audit.rows, firstBroken: null });
    expect(restored.auditHeadMatches).toBe(true);
    expect(await everyRow(target)).toEqual(await everyRow(source.database));
    expect(await backupRepository.sequences(target.db)).toEqual(
      await backupRepository.sequences(source.database.db),
    );

    // Backing up the restored copy gives the same digest for every table.
    await writeBackup(target, file('restored.bulwark-backup'));
    const again = await verifyBackup(file('restored.bulwark-backup'));
    expect(again.manifest.tables).toEqual(backup.manifest.tables);
    expect(again.manifest.sequences).toEqual(backup.manifest.sequences);

    // The restored instance serves the sealed description and PoC, and new rows take fresh numbers.
    const app = await buildApp({
      config: testConfig(),
      database: target,
      clock: source.clock,
      webDir: '/nonexistent',
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'researcher@bulwark.demo', password: 'Bulwark-Demo-2026' },
      });
      const me = login.json();
      const as: As = {
        headers: {
          cookie: `bulwark_session=${login.cookies.find((c) => c.name === 'bulwark_session')?.value}`,
          'x-csrf-token': me.csrfToken,
        },
        userId: me.user.id,
        orgId: me.org.id,
      };
      const report = await app.inject({ url: `/api/vulnerabilities/${reportId}`, headers: as.headers });
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json().description).toContain(MARKER);
      const poc = await app.inject({
        url: `/api/vulnerabilities/${reportId}/attachments/${attachmentId}`,
        headers: as.headers,
      });
      expect(poc.body).toContain(`${MARKER}-POC`);
      const next = await app.inject({
        method: 'POST',
        url: '/api/vulnerabilities',
        headers: as.headers,
        payload: {
          productId: report.json().productId,
          affectedVersions: ['5.1.0'],
          title: '恢复后的新报告',
          description: 'a report filed after the restore, to check the sequences',
          cvss: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
        },
      });
      expect(next.statusCode, next.body).toBe(201);
      expect(next.json().report.ref).not.toBe(report.json().ref);
    } finally {
      await app.close();
    }
    const after = await restoreBackup(target.db, backup, { master: master() }).catch((e: BackupError) => e);
    expect(after).toMatchObject({ code: 'restore.not_empty' });
  });

  it.runIf(process.env.DATABASE_URL)(
    'crosses engines: a PostgreSQL backup restores into PGlite, and that one back into PostgreSQL',
    async () => {
      const lite = await openPglite({});
      try {
        await migrate(lite);
        await restoreBackup(lite.db, backup, { master: master() });
        await writeBackup(lite, file('pglite.bulwark-backup'));
        const fromLite = await verifyBackup(file('pglite.bulwark-backup'));
        expect(fromLite.header.engine).toBe('pglite');
        expect(fromLite.manifest.tables).toEqual(backup.manifest.tables);
        const pg = await openEmptyTestDatabase();
        try {
          const r = await restoreBackup(pg.db, fromLite, { master: master() });
          expect(r.audit.ok && r.auditHeadMatches).toBe(true);
          expect(await everyRow(pg)).toEqual(await everyRow(source.database));
        } finally {
          await pg.close();
        }
      } finally {
        await lite.close();
      }
    },
    120_000,
  );
});
