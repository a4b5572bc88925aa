import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type Database, openPglite, openPostgres } from '../db/client';
import { migrate } from '../db/migrate';
import { seedDemo } from '../seed/demo';
import { buildServices } from '../services';
import { testConfig } from './test-config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite mode: path of a dump of the migrated, demo-seeded template. */
    pgliteTemplate: string;
    /** PostgreSQL mode: name of the migrated, demo-seeded template database. */
    pgTemplate: string;
    /** PGlite mode: path of a dump of a migrated database with no rows (restore targets). */
    pgliteEmptyTemplate: string;
  }
}

async function prepare(database: Database) {
  await migrate(database);
  await seedDemo(database.db, buildServices(database.db, testConfig()));
}

/**
 * Builds one migrated, demo-seeded template per run; each test file clones it
 * (a fresh PGlite costs ~5 s and ~800 MB, a clone ~0.5 s: stack.md gotcha 6).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `bulwark_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openPostgres(u.toString(), 2);
    await prepare(database);
    await database.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', '');
    project.provide('pgliteEmptyTemplate', '');
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'bulwark_t%'`,
      );
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    };
  }
  const database = await openPglite({});
  await migrate(database);
  const empty = await database.pglite!.dumpDataDir('none');
  await seedDemo(database.db, buildServices(database.db, testConfig()));
  const blob = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tpl-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  const emptyFile = path.join(dir, 'empty.tar');
  fs.writeFileSync(emptyFile, Buffer.from(await empty.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgliteEmptyTemplate', emptyFile);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
