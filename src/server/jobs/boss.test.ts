import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock';
import type { Database } from '../db/client';
import { identityJobs } from '../modules/identity';
import { openTestDatabase } from '../testing/test-db';
import { type Jobs, startJobs } from './boss';

let database: Database;
let jobs: Jobs;
const clock = new ManualClock(new Date());
const done: unknown[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const [purge] = identityJobs(database.db, clock);
  jobs = await startJobs(database, [{ name: purge!.name, run: async (d) => done.push(await purge!.run(d)) }]);
});
afterAll(async () => {
  await jobs.stop();
  await database.close();
});

describe('job queue', () => {
  it('runs a queued job on this engine and purges sessions past retention', async () => {
    await database.raw.query(
      `insert into sessions (user_id, token_hash, csrf_token, expires_at)
       select id, 'old-' || id, 'c', now() - interval '30 days' from users limit 2`,
    );
    await jobs.send('identity.purge-sessions');
    const deadline = Date.now() + 20_000;
    while (done.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(done).toEqual([{ purged: 2, challengesPurged: 0 }]);
    const left = await database.raw.query<{ n: number }>(
      `select count(*)::int as n from sessions where token_hash like 'old-%'`,
    );
    expect(left.rows[0]?.n).toBe(0);
  });
});
