import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BackupError } from '../../server/backup/backup.errors';
import { type Config, ConfigError, loadConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { DataDirLockedError } from '../../server/db/data-dir-lock';
import { fail } from './_db';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Precondition failures become one clear line and exit 2; anything else is a bug and keeps its stack. */
async function guarded(fn: () => Promise<void>, lockedAdvice: string): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof BackupError || e instanceof ConfigError) fail(e.message);
    if (e instanceof DataDirLockedError) fail(`${lockedAdvice} (${e.message})`);
    throw e;
  }
}

async function withOpen<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const { openConfiguredDatabase } = await import('../../server/db/open');
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function printTables(tables: readonly { name: string; rows: number; sha256: string }[]) {
  const width = Math.max(...tables.map((t) => t.name.length));
  for (const t of tables) out(`  ${t.name.padEnd(width)} ${String(t.rows).padStart(9)}  ${t.sha256}`);
}

/** `bulwark backup --out <file>` and `bulwark restore --in <file>` (ADR 0006). */
export function registerBackup(program: Command) {
  program
    .command('backup')
    .description(
      'write a consistent backup of every table to one file (sealed data stays sealed; no master key)',
    )
    .requiredOption(
      '--out <file>',
      'backup file to write (gzip, JSON Lines); an existing file is never overwritten',
    )
    .action(async (opts: { out: string }) => {
      await guarded(async () => {
        const { writeBackup } = await import('../../server/backup');
        const config = loadConfig();
        if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pg'))) {
          fail(`there is no embedded database in ${config.dataDir} (set DATA_DIR or DATABASE_URL)`);
        }
        const s = await withOpen(config, (database) => writeBackup(database, path.resolve(opts.out)));
        out(
          `backup ${s.file}: ${s.bytes} bytes from ${s.header.engine}, migration ${s.header.migrations.head}`,
        );
        printTables(s.manifest.tables);
        const a = s.manifest.audit;
        out(`  sequences: ${s.manifest.sequences.count}`);
        out(`  audit chain: ${a.rows} rows, head seq ${a.headSeq ?? '-'} ${a.headHash ?? ''}`);
        out(`  sha256 ${s.manifest.sha256}`);
        const ids = s.manifest.keys.masterKeyIds.join(', ') || 'none';
        out(
          `  ${s.manifest.keys.dataKeys} data key(s), wrapped by master key ${ids}. The master key is NOT in the ` +
            'backup: keep BULWARK_MASTER_KEY (or DATA_DIR/master.key) safe, apart from the backup.',
        );
      }, 'stop the server first: an embedded (PGlite) database is backed up while no other process uses it');
    });

  program
    .command('restore')
    .description(
      'restore a backup into an empty database (DATA_DIR or DATABASE_URL), then verify the audit chain',
    )
    .requiredOption('--in <file>', 'backup file written by `bulwark backup`')
    .action(async (opts: { in: string }) => {
      await guarded(async () => {
        const { checkMasterKey, masterKeysForRestore, restoreBackup, verifyBackup } = await import(
          '../../server/backup'
        );
        const { migrate } = await import('../../server/db/migrate');
        const config = loadConfig();
        const backup = await verifyBackup(path.resolve(opts.in));
        out(
          `backup ${backup.file} verified: written ${backup.header.createdAt} from ${backup.header.engine}`,
        );
        const master = masterKeysForRestore(config);
        checkMasterKey(backup, master);
        const s = await withOpen(config, async (database) => {
          await migrate(database);
          return restoreBackup(database.db, backup, { master });
        });
        out(`restored into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}:`);
        printTables(s.tables);
        out(`  sequences: ${s.sequences}`);
        out(
          `  audit chain: ${s.audit.ok ? 'verified' : 'BROKEN'}, ${s.audit.rows} rows, head seq ${s.audit.headSeq ?? '-'} ${s.audit.headHash ?? ''}`,
        );
        if (!s.audit.ok && s.audit.firstBroken) {
          fail(`audit chain broken at seq ${s.audit.firstBroken.seq} (${s.audit.firstBroken.reason})`, 1);
        }
        if (!s.auditHeadMatches) fail('the restored audit chain does not end where the backup recorded', 1);
      }, 'stop the server first: restore needs the embedded (PGlite) database to itself');
    });
}
