/**
 * Property-based fuzzing of the whole API from its live OpenAPI document (issue 8), benchmark variant.
 *
 *   npm run test:fuzz [-- --requests 1000000] [--seed S] [--path P] [--timeout 5000] [--db-dump FILE]
 *                        [--in-memory] [--skip-suites] [--heap-limit MiB]
 *
 * Builds the app in-process on a fresh migrated, demo-seeded PGlite (or the dump FILE, written on first use), runs
 * the upload-attack and export-formula suites, then N generated requests through `app.inject`, and prints counts,
 * memory and every failure with the fast-check seed and path that replays it (`--seed S --path P`).
 * Exits 1 on any server error, hung request, malformed problem document or unbounded heap growth.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import { seedDemo } from '../../src/server/seed/demo';
import { buildServices } from '../../src/server/services';
import { testConfig } from '../../src/server/testing/test-config';
import { buildHarness } from './harness';
import { formatReport } from './report';
import { runFuzz } from './runner';
import { runSuites } from './suites';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const log = (s: string) => process.stdout.write(`${s}\n`);

const requests = Number(arg('requests') ?? 1_000_000);
const seed = Number(arg('seed') ?? (Date.now() ^ (process.pid << 8)) | 0);
const replayPath = arg('path');
const timeoutMs = Number(arg('timeout') ?? 5000);
const dump = arg('db-dump');
/** Heap-floor growth allowed over the run (live JS objects; PGlite's own WASM memory grows with the data written). */
const HEAP_GROWTH_LIMIT_MIB = Number(arg('heap-limit') ?? 256);

log(
  `Bulwark API fuzz: ${requests.toLocaleString('en-US')} requests, seed ${seed}, node ${process.version}, ${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const t0 = performance.now();
// On disk unless --in-memory: a million requests write rows (and sealed evidence files) that an in-memory PGlite
// would hold in the process's WASM memory, so RSS would measure the database rather than the server.
const dataDir = process.argv.includes('--in-memory')
  ? undefined
  : fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-fuzz-'));
let database: Awaited<ReturnType<typeof openPglite>>;
if (dump && fs.existsSync(dump)) {
  database = await openPglite({ dataDir, loadDataDir: new Blob([fs.readFileSync(dump)]) });
} else {
  database = await openPglite({ dataDir });
  await migrate(database);
  await seedDemo(database.db, buildServices(database.db, testConfig()));
  if (dump)
    fs.writeFileSync(dump, Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer()));
}
const h = await buildHarness(database);
log(
  `app ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${h.ops.length} operations, ${h.actors.length} actors, ${h.pool.size().ids} ids harvested`,
);

let suiteFailures = 0;
if (!replayPath && !process.argv.includes('--skip-suites')) {
  const suites = await runSuites(h, { timeoutMs, log });
  suiteFailures = suites.failures.length;
}

let last = performance.now();
const fuzzStart = performance.now();
const report = await runFuzz(h, {
  requests: replayPath ? 1 : requests,
  seed,
  timeoutMs,
  batch: 10_000,
  memEvery: 500,
  warmup: Math.min(20_000, Math.floor(requests / 10)),
  replay: replayPath ? { seed, path: replayPath } : undefined,
  progress: (done, r) => {
    if (performance.now() - last < 30_000) return;
    last = performance.now();
    const m = process.memoryUsage();
    log(
      `  ${done.toLocaleString('en-US')} requests, ${r.serverErrors} server errors, ${r.hung} hung, ${r.badProblems} malformed problems; ` +
        `${((done / (performance.now() - fuzzStart)) * 1000).toFixed(0)} req/s, RSS ${Math.round(m.rss / 1048576)} MiB, heap ${Math.round(m.heapUsed / 1048576)} MiB`,
    );
  },
});
log(formatReport(report, { operations: h.ops.map((o) => o.key) }));
await h.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
const heapOk = report.memory.heapFloorGrowthMiB < HEAP_GROWTH_LIMIT_MIB;
if (!heapOk)
  log(`Heap floor grew ${report.memory.heapFloorGrowthMiB} MiB (limit ${HEAP_GROWTH_LIMIT_MIB} MiB).`);
const failed = suiteFailures + report.serverErrors + report.hung + report.badProblems + report.otherFailures;
process.exit(failed === 0 && heapOk ? 0 : 1);
