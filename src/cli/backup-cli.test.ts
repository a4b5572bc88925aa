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

  // The round trip, key checks and corruption refusals run in-process in src/server/backup/backup.test.ts; the binary
  // is checked here only where the CLI itself decides (each fresh embedded database costs ~15 s to migrate).
  it('refuses to back up a data dir with no database, or one a running server holds, before opening it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-backup-cli-'));
    const empty = run(dir, ['backup', '--out', path.join(dir, 'x.bulwark-backup')]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('there is no embedded database');
    // A data dir with a database in it, held by a live process (this test's): the lock refuses before PGlite opens.
    fs.mkdirSync(path.join(dir, 'pg'));
    fs.writeFileSync(path.join(dir, 'bulwark.lock'), `${process.pid}\n`);
    const locked = run(dir, ['backup', '--out', path.join(dir, 'x.bulwark-backup')]);
    expect(locked.status).toBe(2);
    expect(locked.stderr).toContain('stop the server first');
    expect(fs.existsSync(path.join(dir, 'x.bulwark-backup'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
