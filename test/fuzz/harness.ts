import { buildApp } from '../../src/server/app';
import { ManualClock } from '../../src/server/core/clock';
import type { Database } from '../../src/server/db/client';
import { testConfig } from '../../src/server/testing/test-config';
import { type FuzzActor, refresh, signInAll } from './actors';
import { type Operation, operationsOf } from './openapi';
import { IdPool } from './pool';
import { Ref } from './schema-arb';
import type { Injector } from './types';

/** Limits of the fuzzed app: a small streamed-upload cap (8 MiB) so the over-limit paths are reachable. */
export const FUZZ_ENV = { BULWARK_UPLOAD_LIMIT_MB: '8' };

/** The app under fuzz with its operations, route access, signed-in actors, id pool and captured server errors. */
export interface Harness {
  inject: Injector;
  ops: Operation[];
  /** Declared access by `METHOD /fastify/:route`. */
  access: Map<string, unknown>;
  actors: FuzzActor[];
  pool: IdPool;
  /** Stacks of errors that reached the error handler, by request id (most recent 200). */
  serverErrors: Map<string, string>;
  /** Signs a stale actor in again and protects its new token. */
  refresh(a: FuzzActor): Promise<void>;
  close(): Promise<void>;
}

/** Builds the app like src/server/testing/test-app.ts (manual clock, test config) on `database`, then prepares it. */
export async function buildHarness(database: Database): Promise<Harness> {
  const config = testConfig(FUZZ_ENV);
  const app = await buildApp({
    config,
    database,
    clock: new ManualClock(new Date()),
    webDir: '/nonexistent',
  });
  const serverErrors = new Map<string, string>();
  app.addHook('onError', async (req, _reply, err) => {
    const status = (err as { statusCode?: number }).statusCode;
    if (status !== undefined && status < 500) return;
    serverErrors.set(req.id, err.stack ?? String(err));
    if (serverErrors.size > 200) serverErrors.delete(serverErrors.keys().next().value as string);
  });
  await app.ready();
  const inject: Injector = (o) => app.inject(o);
  const doc = (await inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops = operationsOf(doc);
  const access = new Map(app.routeIndex.map((r) => [`${r.method} ${r.url}`, r.access]));
  const actors = await signInAll(inject);
  const paramNames = new Set(ops.flatMap((o) => o.pathParams.map((p) => p.name)));
  const pool = new IdPool(paramNames);
  for (const a of actors) {
    pool.protectedIds.add(a.userId);
    pool.protectedIds.add(a.tokenId);
  }
  await seedPool(inject, ops, actors, pool);
  return {
    inject,
    ops,
    access,
    actors,
    pool,
    serverErrors,
    refresh: async (a) => {
      await refresh(inject, a);
      pool.protectedIds.add(a.tokenId);
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Lists every collection as every actor, then opens a few of each, so path parameters can name real rows. */
async function seedPool(inject: Injector, ops: Operation[], actors: FuzzActor[], pool: IdPool) {
  const gets = ops.filter((o) => o.method === 'GET' && !o.upload && !o.query.some((q) => q.required));
  for (const a of actors) {
    const headers = { authorization: `Bearer ${a.token}` };
    for (const op of gets.filter((o) => o.pathParams.length === 0)) {
      const res = await inject({ method: 'GET', url: op.path, headers });
      if (res.statusCode === 200 && String(res.headers['content-type']).includes('json'))
        pool.harvest(op, res.json());
    }
    for (const op of gets.filter(
      (o) => o.pathParams.length === 1 && o.pathParams[0]!.schema.format === 'uuid',
    )) {
      const collection = op.path.slice(0, op.path.indexOf('{') - 1);
      for (let n = 0; n < 3; n++) {
        const id = pool.resolve(new Ref(collection, n));
        const res = await inject({ method: 'GET', url: op.path.replace(/\{\w+\}/, id), headers });
        if (res.statusCode === 200 && String(res.headers['content-type']).includes('json'))
          pool.harvest(op, res.json());
      }
    }
  }
}
