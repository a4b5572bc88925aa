/**
 * Query plans behind the supervision dashboards, on a database the bench has seeded (PostgreSQL only):
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/supervision/explain.ts
 *
 * Runs the module's own repository and list code with a logging Drizzle handle, then EXPLAIN (ANALYZE, BUFFERS)
 * of each statement it issued with the same parameters: the overview's reads, the enterprises list's first page
 * and its 21st page by keyset (440000), and the national incidents list (tier II).
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../src/server/db/client';
import * as schema from '../../src/server/db/schema';
import type { ListFilter } from '../../src/server/modules/supervision/supervision.lists';
import { supervisionLists } from '../../src/server/modules/supervision/supervision.lists';
import { supervisionRepository } from '../../src/server/modules/supervision/supervision.repository';
import { coverageWindows } from '../../src/server/programme-rules/coverage';
import { bundledProgrammePacks } from '../../src/server/programme-rules/programme-pack';
import { addLocalDays, shanghaiDate } from '../../src/server/regulations/working-days';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const pool = new pg.Pool({ connectionString: url, max: 1 });
let captured: { query: string; params: unknown[] }[] = [];
const db = drizzle({
  client: pool,
  schema,
  logger: { logQuery: (query, params) => captured.push({ query, params }) },
}) as unknown as Db;
const log = (s: string) => process.stdout.write(`${s}\n`);

/** Runs `fn`, then prints the plan of every statement it issued. */
async function explain(label: string, fn: () => Promise<unknown>) {
  captured = [];
  await fn();
  for (const { query, params } of captured) {
    const { rows } = await pool.query(`explain (analyze, buffers) ${query}`, params as unknown[]);
    log(`\n=== ${label}\n${query}\n-- params ${JSON.stringify(params)}`);
    for (const r of rows) log(String(r['QUERY PLAN']));
  }
}

const plan = bundledProgrammePacks().plan;
const now = new Date();
const today = shanghaiDate(now);
const filter = (f: Partial<ListFilter>): ListFilter => ({
  now,
  today,
  spec: { allOf: plan.enterpriseCovered.value.allOf, windows: coverageWindows(plan, now) },
  ...f,
});

await explain('overview: snapshot', () => supervisionRepository.snapshot(db, 'CN'));
await explain('overview: history', () =>
  supervisionRepository.history(db, 'CN', addLocalDays(today, -plan.projection.value.windowDays)),
);
await explain('overview: children', () => supervisionRepository.children(db, 'CN'));
const firstPage = filter({ province: '440000', topDecile: true, covered: false });
await explain('enterprises list, 440000, top 10 %, not covered: page 1', () =>
  supervisionLists.enterprises.page(db, firstPage, null, 51),
);
let after: string[] | null = null;
for (let page = 1; page <= 20; page++) {
  const rows = await supervisionLists.enterprises.page(db, filter({ province: '440000' }), after, 51);
  after = rows.slice(0, 50).at(-1)?.key ?? null;
}
await explain('enterprises list, 440000: page 21 by keyset', () =>
  supervisionLists.enterprises.page(db, filter({ province: '440000' }), after, 51),
);
await explain('incidents list, national, tier II: page 1', () =>
  supervisionLists.incidents.page(db, filter({ tier: 'II' }), null, 51),
);
await pool.end();
