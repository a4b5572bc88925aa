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

  it('scores one CVSS vector, exits 2 on an invalid one, and scores a whole file through stdin in one call', () => {
    const one = run(os.tmpdir(), ['cvss', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N']);
    expect(JSON.parse(one.stdout)).toMatchObject({
      version: '4.0',
      baseScore: 9.3,
      severity: 'CRITICAL',
      macroVector: '000200',
    });
    const bad = run(os.tmpdir(), ['cvss', 'CVSS:3.1/AV:N']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('invalid CVSS vector');
    // vectors_simple31.txt: `VECTOR - (base, temporal, environmental)`, scored by Red Hat's cvss library.
    const file = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../shared/vectors/cvss/redhat-cvss/vectors_simple31.txt'),
      'utf8',
    );
    const cases = file
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [vector, scores] = l.split(' - ');
        return { vector: vector!, base: Number(scores!.slice(1).split(',')[0]) };
      });
    const many = run(os.tmpdir(), ['cvss', '-'], cases.map((c) => c.vector).join('\n'));
    expect(many.status).toBe(0);
    const lines = many.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { baseScore: number });
    expect(lines.map((l) => l.baseScore)).toEqual(cases.map((c) => c.base));
    console.log(`bulwark cvss -: ${lines.length}/${cases.length} vectors scored as expected in one call`);
  });

  it('refuses a short password with exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-'));
    const r = run(dir, ['admin', 'create', '--email', 'a@b.cn', '--password-stdin'], 'short\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('at least 12');
  });
});
