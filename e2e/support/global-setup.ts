import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { repoRoot } from './paths';
import { type RunningServer, startServer, TEMPLATE_ENV } from './server';

interface Shared {
  template: Promise<RunningServer>;
  users: number;
}
/** One template per run: vitest calls this setup once per project, in the same process. */
const KEY = Symbol.for('bulwark.e2e.template');
const shared = globalThis as unknown as Record<symbol, Shared | undefined>;

async function prepare(): Promise<RunningServer> {
  let started = Date.now();
  execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  console.log(`e2e: dist/web ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  const tpl = await startServer({ fresh: true });
  await tpl.stop({ keepData: true });
  console.log(`e2e: seeded template in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return tpl;
}

/**
 * Builds the web app when its sources changed (the server only serves `dist/web`), then migrates and seeds one
 * template database that every journey's fresh server copies, instead of each seeding its own.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const s = shared[KEY] ?? { template: prepare(), users: 0 };
  shared[KEY] = s;
  s.users++;
  const tpl = await s.template;
  process.env[TEMPLATE_ENV] = JSON.stringify({ dataDir: tpl.dataDir, dbName: tpl.database?.name });
  return async () => {
    if (--s.users > 0) return;
    shared[KEY] = undefined;
    rmSync(tpl.dataDir, { recursive: true, force: true });
    await tpl.database?.drop();
  };
}
