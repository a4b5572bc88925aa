import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/bulwark.js');

/** Runs the real `bulwark` binary on its own PGlite data dir. */
const run = (dir: string, args: string[], input?: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, BULWARK_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', timeout: 120_000 });
};

describe('bulwark CLI', () => {
  it('lists every command, nested ones included', () => {
    const r = run(os.tmpdir(), ['--help']);
    expect(r.status).toBe(0);
    for (const c of [
      'bulwark serve',
      'bulwark migrate',
      'bulwark admin create',
      'bulwark audit verify',
      'bulwark seed <dataset>',
    ]) {
      expect(r.stdout).toContain(c);
    }
  });

  it('creates the first ministry admin once, verifies the chain, and finds tampering', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-'));
    const created = run(
      dir,
      ['admin', 'create', '--email', 'boss@miit.example', '--password-stdin'],
      'a-very-long-password\n',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('admin boss@miit.example');
    const again = run(dir, ['admin', 'create', '--email', 'other@miit.example']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    const ok = run(dir, ['audit', 'verify']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, rows: 1 });

    const pg = await PGlite.create({ dataDir: path.join(dir, 'pg') });
    await pg.exec(
      `alter table audit_log disable trigger user; update audit_log set action = 'forged' where seq = 1;`,
    );
    await pg.close();
    const broken = run(dir, ['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('broken at seq 1 (hash-mismatch)');
  }, 180_000);

  it('refuses a short password with exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-'));
    const r = run(dir, ['admin', 'create', '--email', 'a@b.cn', '--password-stdin'], 'short\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('at least 12');
  });
});
