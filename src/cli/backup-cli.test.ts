import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/bulwark.js');

/** Runs the real `bulwark` binary on its own PGlite data dir, with no master key in the environment. */
const run = (dir: string, args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, BULWARK_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.BULWARK_MASTER_KEY;
  delete env.BULWARK_MASTER_KEYS_PREVIOUS;
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 240_000 });
};

describe('bulwark backup and restore', () => {
  it('are listed in --help', () => {
    const r = run(os.tmpdir(), ['--help']);
    expect(r.stdout).toContain('bulwark backup');
    expect(r.stdout).toContain('bulwark restore');
  });

  it('round-trips an embedded instance; restore needs the source key file and a running server blocks backup', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-backup-cli-'));
    const [a, b, out] = [path.join(root, 'a'), path.join(root, 'b'), path.join(root, 'a.bulwark-backup')];
    // A data key (wrapped by a's generated master.key) and one audit row.
    expect(run(a, ['keys', 'rotate']).status).toBe(0);

    fs.writeFileSync(path.join(a, 'bulwark.lock'), `${process.pid}\n`);
    const locked = run(a, ['backup', '--out', out]);
    expect(locked.status).toBe(2);
    expect(locked.stderr).toContain('stop the server first');
    fs.rmSync(path.join(a, 'bulwark.lock'));

    const backup = run(a, ['backup', '--out', out]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/data_keys\s+1\s+[0-9a-f]{64}/);
    expect(backup.stdout).toContain('The master key is NOT in the backup');

    const keyless = run(b, ['restore', '--in', out]);
    expect(keyless.status).toBe(2);
    expect(keyless.stderr).toContain('no master key is configured');
    expect(fs.existsSync(path.join(b, 'pg'))).toBe(false);

    fs.mkdirSync(b);
    fs.copyFileSync(path.join(a, 'master.key'), path.join(b, 'master.key'));
    const restored = run(b, ['restore', '--in', out]);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/audit chain: verified, 1 rows/);
    fs.rmSync(root, { recursive: true, force: true });
  }, 600_000);
});
