import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from './paths';

/** A real Bulwark server child process on a free port with its own data dir. */
export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** On PostgreSQL, the server's own database (reused by a restart with `reuse`). */
  database?: { name: string; url: string; drop: () => Promise<void> };
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output: () => string;
  /** Stops the process; `keepData` leaves its data for a restart with `reuse`. */
  stop: (opts?: { keepData?: boolean }) => Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** Where the seeded template of this run lives (set by the global setup; see `templateFrom`). */
export const TEMPLATE_ENV = 'BULWARK_E2E_TEMPLATE';
interface Template {
  dataDir: string;
  dbName?: string;
}
const template = (): Template | undefined => {
  const raw = process.env[TEMPLATE_ENV];
  return raw ? (JSON.parse(raw) as Template) : undefined;
};

/** Creates a database next to the one `url` names, empty or copied from `from`; `drop` removes it. */
async function createDatabase(url: string, from?: string) {
  const name = `bulwark_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}${from ? ` template ${from}` : ''}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Starts `node --import tsx src/server/main.ts` and resolves once GET /ready answers 200. */
export async function startServer(
  opts: {
    readyTimeoutMs?: number;
    env?: Record<string, string>;
    reuse?: RunningServer;
    /** Migrate and seed from scratch rather than copy the run's template. */
    fresh?: boolean;
  } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = opts.reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'bulwark-e2e-'));
  // A fresh server starts from the run's migrated, demo-seeded template instead of seeding again (~8 s each).
  const tpl = opts.reuse || opts.fresh ? undefined : template();
  if (tpl && !process.env.DATABASE_URL) cpSync(tpl.dataDir, dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    BULWARK_LOG_LEVEL: 'warn',
  };
  // On PostgreSQL each server gets a database of its own, dropped at stop, like each PGlite data dir.
  const db = opts.reuse
    ? opts.reuse.database
    : process.env.DATABASE_URL
      ? await createDatabase(process.env.DATABASE_URL, tpl?.dbName)
      : undefined;
  Object.assign(env, opts.env);
  if (db) {
    env.DATABASE_URL = db.url;
    env.BULWARK_MASTER_KEY = 'base64:ZTJlLW1hc3Rlci1rZXktZm9yLWJ1bHdhcmstdGVzdHM=';
  }

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (stopOpts: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    if (stopOpts.keepData) return;
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${child.exitCode} before it was ready:\n${out}`);
    }
    try {
      const res = await fetch(`${baseUrl}/ready`);
      if (res.status === 200) return { baseUrl, dataDir, database: db, output: () => out, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server not ready within the timeout:\n${out}`);
}
