import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { repoRoot } from './paths';
import { startServer, TEMPLATE_ENV } from './server';

/**
 * Builds the web app when its sources changed (the server only serves `dist/web`), then migrates and seeds one
 * template database that every journey's fresh server copies, instead of each seeding its own.
 */
export default async function setup(): Promise<() => Promise<void>> {
  let started = Date.now();
  execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  console.log(`e2e: dist/web ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  const tpl = await startServer({ fresh: true });
  await tpl.stop({ keepData: true });
  process.env[TEMPLATE_ENV] = JSON.stringify({ dataDir: tpl.dataDir, dbName: tpl.database?.name });
  console.log(`e2e: seeded template in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    rmSync(tpl.dataDir, { recursive: true, force: true });
    await tpl.database?.drop();
  };
}
