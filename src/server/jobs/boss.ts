import PgBoss from 'pg-boss';
import type { Database } from '../db/client';

/** A recurring or on-demand background job. */
export interface JobDefinition {
  name: string;
  /** Five-field cron in UTC, for jobs that recur. */
  cron?: string;
  run(data: unknown): Promise<unknown>;
}

/** The job queue: pg-boss on the app's own database (PGlite through an in-process adapter). */
export interface Jobs {
  boss: PgBoss;
  /** Enqueues a job now. */
  send(name: string, data?: object): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss 10 with the given jobs on the app's own connection: on PGlite the one session (one process per
 * data dir, stack.md §5), on PostgreSQL the app's pool, so the queue always lives in the app's database.
 */
export async function startJobs(database: Database, jobs: JobDefinition[]): Promise<Jobs> {
  const pglite = database.pglite;
  const executeSql = pglite
    ? async (text: string, values?: unknown[]) => {
        if (values?.length) return pglite.query(text, values);
        // Install and migration scripts are multi-statement and take no parameters.
        const results = await pglite.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      }
    : (text: string, values?: unknown[]) => database.raw.query(text, values);
  const boss = new PgBoss({ schema: 'pgboss', supervise: true, schedule: true, db: { executeSql } });
  boss.on('error', () => {
    // pg-boss retries its own maintenance; failures of a job are recorded on the job itself.
  });
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: 1 }, async ([j]) => job.run(j?.data));
    if (job.cron) await boss.schedule(job.name, job.cron);
  }
  return {
    boss,
    send: (name, data) => boss.send(name, data ?? {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }),
  };
}
