/**
 * Supervision dashboards benchmark (issue 7): the dashboard APIs over HTTP on the national seed.
 *
 *   npm run bench:supervision [-- --small] [-- --data-dir <dir>] [-- --reuse] [-- --enterprises <n>]
 *
 * 1. Database: PostgreSQL when DATABASE_URL is set (`--reuse` benchmarks one that already holds the national
 *    data), else PGlite in a temp dir (or `--data-dir <dir>`, reused when already seeded); migrated; demo and
 *    national seed (50,000 enterprises, seed 2026; `--small` 2,000), which rebuilds the supervision read model;
 *    then ANALYZE. Plans: bench/supervision/explain.ts.
 * 2. The app (production defaults but silent logs and no per-account rate limit, since all connections share one
 *    session) listens on 127.0.0.1; the ministry and gd.admin (440000) sign in over HTTP.
 * 3. Each dashboard API at 1, 10 and 50 keep-alive connections for 5 s (`--small` 2 s) after a warm-up, driven
 *    by autocannon in a child process; p50/p95/p99 are exact nearest-rank percentiles of every 2xx latency, and
 *    "cpu ms" is the server process's CPU time per response.
 * 4. Baselines on the bench's own app instance (bench/supervision/baseline.ts): the overview's national figures
 *    and province breakdown computed per request with one aggregate query per figure per area (naive) and with
 *    the refresh's set-based statements (live); a fixed number of requests per concurrency; ratio of p95s.
 * 5. PASS/FAIL: on PostgreSQL the national overview's p95 at 50 connections must be ≤ 100 ms.
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { SupervisionOverview } from '../src/contracts/supervision';
import { BASELINE_URLS, type BaselineOverview, registerBaselines } from './supervision/baseline';
import { LoadGenerator, type LoadJob, type LoadStats, statsOf } from './supervision/load';
import { login, setUp } from './supervision/setup';

const argv = process.argv.slice(2);
const small = argv.includes('--small');
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const enterprises = Number(option('--enterprises') ?? (small ? 2_000 : 50_000));
const durationS = small ? 2 : 5;
const CONNECTIONS = [1, 10, 50] as const;
/** Requests per baseline run: every connection busy at least once, and enough samples for a p95. */
const BASELINE_AMOUNT: Record<(typeof CONNECTIONS)[number], number> = { 1: 10, 10: 20, 50: 50 };
const TARGET_MS = 100;
const DEEP_PAGES = 20;
/** Longest a baseline run may be expected to take before it is shortened or skipped. */
const BASELINE_BUDGET_S = small ? 300 : 900;

const log = (s: string) => process.stdout.write(`${s}\n`);
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const ms = (v: number) =>
  Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);

log(
  `Bulwark supervision bench (${small ? 'small' : 'full'}: ${enterprises} enterprises), node ${process.version}, ` +
    `${os.cpus().length} CPUs, load average ${loadavg()} (other processes share these CPUs)`,
);
const engineName = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const { app, database, config, temp, seedMs } = await setUp({
  enterprises,
  dataDir: option('--data-dir'),
  reuse: argv.includes('--reuse'),
});
const { db } = database;
registerBaselines(app, db);

const raw = async (text: string) => (await database.raw.query<Record<string, unknown>>(text)).rows;
const [version] = await raw('select version() as v');
log(
  `engine: ${engineName} (${String(version?.v).split(' on ')[0]})` +
    (database.engine === 'postgres'
      ? `, app pool ${config.pgPoolMax} connections`
      : ', one embedded connection'),
);
const [counts] = await raw(`select
  (select count(*) from orgs where kind = 'enterprise') as enterprises,
  (select count(*) from catalog_filings) as filings,
  (select count(*) from examinations) as examinations,
  (select count(*) from training_sessions) as training_sessions,
  (select count(*) from talents) as talents,
  (select count(*) from drills) as drills,
  (select count(*) from incidents) as incidents,
  (select count(*) from vulnerability_reports) as vulnerability_reports,
  (select count(*) from exposures) as exposures,
  (select count(*) from supervision_snapshots) as snapshot_rows,
  (select count(*) from supervision_history) as history_rows`);
log(
  `dataset: ${Object.entries(counts ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
const tRefresh = performance.now();
const refreshed = await app.services.supervision.refresh(new Date());
log(
  `one refresh of the read model (what the 5-minute job does): ${(performance.now() - tRefresh).toFixed(0)} ms, ${refreshed.areas} areas`,
);

await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const ministry = await login(base, 'ministry.admin@bulwark.demo');
const gd = await login(base, 'gd.admin@bulwark.demo');
const getJson = async <T>(url: string, headers: Record<string, string>): Promise<T> => {
  const res = await fetch(`${base}${url}`, { headers });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

// The baselines must compute the very figures the read model serves.
const overview = await getJson<SupervisionOverview>('/api/supervision/overview', ministry);
const same = (b: BaselineOverview) =>
  isDeepStrictEqual(b.figures, overview.figures) && isDeepStrictEqual(b.breakdown, overview.breakdown);
const naiveCheck = await getJson<BaselineOverview>(BASELINE_URLS.naive, ministry);
const liveCheck = await getJson<BaselineOverview>(BASELINE_URLS.live, ministry);
log(
  `baseline figures equal the read model's (national + 31 provinces): naive ${same(naiveCheck) ? 'yes' : 'NO'}, live ${same(liveCheck) ? 'yes' : 'NO'}`,
);
log(
  `national: ${overview.figures.enterprisesRegistered} enterprises registered, ${overview.figures.enterprisesCovered} covered`,
);

// A deep keyset page: follow nextCursor from the first page.
interface Page {
  rows: unknown[];
  nextCursor: string | null;
}
const listUrl = '/api/supervision/lists/enterprises?province=440000&topDecile=true&covered=false';
/** Follows nextCursor up to DEEP_PAGES pages; returns the last page's URL and its number. */
async function deepPage(list: string) {
  let url = list;
  let page = 1;
  for (;;) {
    const { nextCursor }: Page = await getJson<Page>(url, gd);
    if (!nextCursor || page > DEEP_PAGES) return { url, page };
    url = `${list}&cursor=${encodeURIComponent(nextCursor)}`;
    page++;
  }
}
// The filtered list is short on a small seed; the province's whole list (by revenue) is then deep enough.
let deep = await deepPage(listUrl);
let deepList = 'top 10 %, not covered';
if (deep.page <= DEEP_PAGES) {
  deep = await deepPage('/api/supervision/lists/enterprises?province=440000');
  deepList = 'all of 440000';
}
log(
  `deep page: page ${deep.page} (rows ${(deep.page - 1) * 50 + 1}–${deep.page * 50}) of the enterprises list, ${deepList}`,
);

const apis: { name: string; url: string; as: Record<string, string> }[] = [
  { name: 'overview (national)', url: '/api/supervision/overview', as: ministry },
  { name: 'overview (440000, gd.admin)', url: '/api/supervision/overview?province=440000', as: gd },
  { name: 'trends (national)', url: '/api/supervision/trends', as: ministry },
  { name: 'list enterprises, page 1', url: listUrl, as: gd },
  { name: `list enterprises, page ${deep.page}`, url: deep.url, as: gd },
  { name: 'list incidents tier II', url: '/api/supervision/lists/incidents?tier=II', as: ministry },
];

const gen = new LoadGenerator();
const header = `${'API'.padEnd(34)} ${'conns'.padStart(5)} ${'requests'.padStart(8)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'cpu ms'.padStart(7)} ${'failed'.padStart(6)}`;
/** One load run, with the server process's CPU time per response (the load generator is another process). */
async function measure(job: Omit<LoadJob, 'id'>) {
  const cpu = process.cpuUsage();
  const stats = statsOf(await gen.run(job));
  const used = process.cpuUsage(cpu);
  return { ...stats, cpuMs: (used.user + used.system) / 1000 / Math.max(1, stats.requests) };
}
const row = (name: string, c: number, s: LoadStats & { cpuMs: number }) =>
  log(
    `${name.padEnd(34)} ${String(c).padStart(5)} ${String(s.requests).padStart(8)} ${s.rps.toFixed(1).padStart(7)} ${ms(s.p50).padStart(7)} ${ms(s.p95).padStart(7)} ${ms(s.p99).padStart(7)} ${ms(s.max).padStart(7)} ${ms(s.cpuMs).padStart(7)} ${String(s.failed).padStart(6)}${s.failed ? `  (${s.failures})` : ''}`,
  );

log(`\nread model APIs, ${durationS} s per run after a 100-request warm-up at 10 connections:`);
log(header);
const results = new Map<string, LoadStats & { cpuMs: number }>();
for (const api of apis) {
  await gen.run({ url: base + api.url, headers: api.as, connections: 10, amount: 100, timeoutS: 60 });
  for (const c of CONNECTIONS) {
    const s = await measure({
      url: base + api.url,
      headers: api.as,
      connections: c,
      durationS,
      timeoutS: 60,
    });
    results.set(`${api.name}@${c}`, s);
    row(api.name, c, s);
  }
}

log(`load average ${loadavg()}`);

log(
  `\nbaselines (same figures computed per request), ${Object.values(BASELINE_AMOUNT).join('/')} requests at 1/10/50 connections ` +
    `after 2 warm-up requests; fewer (or the run skipped) when the estimate exceeds ${BASELINE_BUDGET_S} s:`,
);
log(header);
const baselines = [
  { name: 'naive: 768 queries per request', url: BASELINE_URLS.naive },
  { name: 'live: compute() per request', url: BASELINE_URLS.live },
];
// PGlite runs one query at a time; PostgreSQL spreads requests over the cores.
const parallel = database.engine === 'postgres' ? os.cpus().length : 1;
for (const b of baselines) {
  const warm = statsOf(
    await gen.run({ url: base + b.url, headers: ministry, connections: 1, amount: 2, timeoutS: 3600 }),
  );
  const oneMs = warm.p50;
  for (const c of CONNECTIONS) {
    const estimate = (amount: number) => (amount * oneMs) / 1000 / Math.min(c, parallel);
    const amount = [BASELINE_AMOUNT[c], Math.max(c, 3)].find((a) => estimate(a) <= BASELINE_BUDGET_S);
    if (amount === undefined) {
      log(`${b.name.padEnd(34)} ${String(c).padStart(5)}  skipped: ≈ ${estimate(c).toFixed(0)} s estimated`);
      continue;
    }
    const s = await measure({ url: base + b.url, headers: ministry, connections: c, amount, timeoutS: 3600 });
    results.set(`${b.name}@${c}`, s);
    row(b.name, c, s);
  }
}
log(`load average ${loadavg()}`);

log('\nratio of p95 latency, baseline ÷ read-model national overview:');
for (const c of CONNECTIONS) {
  const rm = results.get(`overview (national)@${c}`)?.p95 ?? Number.NaN;
  const parts = baselines.map((b) => {
    const p = results.get(`${b.name}@${c}`)?.p95 ?? Number.NaN;
    const what = b.name.split(':')[0];
    return Number.isNaN(p) ? `${what} skipped` : `${what} ${(p / rm).toFixed(0)}× (${ms(p)} ms)`;
  });
  log(`  ${String(c).padStart(2)} connections: read model ${ms(rm)} ms; ${parts.join('; ')}`);
}

const p95at50 = results.get('overview (national)@50')?.p95 ?? Number.NaN;
if (database.engine === 'postgres') {
  log(
    `${p95at50 <= TARGET_MS ? 'PASS' : 'FAIL'}: national overview p95 at 50 connections ${ms(p95at50)} ms (target ≤ ${TARGET_MS} ms on PostgreSQL)`,
  );
} else {
  log(`national overview p95 at 50 connections on PGlite: ${ms(p95at50)} ms (no target on PGlite)`);
}
if (seedMs !== null) log(`seed time (demo excluded): ${(seedMs / 1000).toFixed(1)} s`);

gen.close();
await app.close();
await database.close();
if (temp) rmSync(temp, { recursive: true, force: true });
