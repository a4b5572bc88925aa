import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { systemContext } from './core/actor';
import { fileOffsetClock, systemClock } from './core/clock';
import { DataDirLockedError } from './db/data-dir-lock';
import { migrate } from './db/migrate';
import { openConfiguredDatabase } from './db/open';
import { startJobs } from './jobs/boss';
import { assessmentJobs } from './modules/assessments';
import { dataCatalogJobs } from './modules/data-catalog';
import { identityJobs } from './modules/identity';
import { incidentJobs } from './modules/incidents';
import { notificationJobs } from './modules/notifications';
import { supervisionJobs } from './modules/supervision';
import { bundledPacks, loadPacks, vulnerabilityJobs } from './modules/vulnerabilities';
import { loadProgrammePacks } from './programme-rules/programme-pack';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './seed/demo';

/** Boot: config → database → migrate → seed → app → listen. */
async function main() {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  await migrate(database);
  const packs = config.regulationsDir ? await loadPacks(config.regulationsDir) : bundledPacks();
  const programme = config.regulationsDir ? await loadProgrammePacks(config.regulationsDir) : undefined;
  const clock = config.clockOffsetFile ? fileOffsetClock(config.clockOffsetFile) : systemClock;
  const app = await buildApp({ config, database, packs, programme, clock });
  // After BULWARK_MASTER_KEY changes, data keys wrapped by a previous master key are re-wrapped once.
  await app.services.keyring.rewrapAll(systemContext('startup'));
  const seeded = config.seedDemo ? await seedDemo(database.db, app.services) : false;
  const jobs = await startJobs(database, [
    ...identityJobs(database.db, clock),
    ...notificationJobs(app.services.notifications, clock),
    ...vulnerabilityJobs(app.services.deadlineWatch, clock),
    ...assessmentJobs(app.services.riskReminders, clock),
    ...incidentJobs(app.services.incidents, clock),
    ...dataCatalogJobs(app.services.dataCatalog.watch, clock),
    ...supervisionJobs(app.services.supervision, clock),
  ]);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // The exposure matcher is a cache of the database (architecture principle 7); build it before traffic needs it.
  const started = Date.now();
  await app.services.engine.ready();
  app.log.info({ ...app.services.engine.stats(), ms: Date.now() - started }, 'exposure index built');
  // Deadlines that passed while the server was down are reminded and escalated now, not at the next cron tick.
  await app.services.deadlineWatch(clock.now());
  await app.services.incidents.watch(clock.now());
  // Dashboards read the supervision snapshot; compute it before the first regulator asks.
  await app.services.supervision.ensureFresh(clock.now());
  const address = await app.listen({ port: config.port, host: config.host });
  const where =
    database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [`Bulwark is serving ${address.replace('0.0.0.0', 'localhost')} on ${where}.`];
  if (config.seedDemo) {
    lines.push(seeded ? 'Demo data seeded. Demo logins:' : 'Demo logins:');
    for (const l of demoLogins()) lines.push(`  ${l.email.padEnd(32)} ${l.kind}/${l.role}  ${l.org}`);
    lines.push(`  password for all: ${DEMO_PASSWORD}`);
  }
  lines.push('API docs: /api/docs   OpenAPI: /api/openapi.json');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    process.stderr.write(`bulwark: ${e.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `bulwark: failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
