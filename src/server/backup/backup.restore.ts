import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SealError, unwrapDataKey } from '../../lib/crypto';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { createAuditService } from '../modules/audit';
import { type MasterKeys, resolveMasterKeys } from '../modules/keyring';
import { BackupError } from './backup.errors';
import { backupLines } from './backup.format';
import { backupRepository as repo, type TableInfo } from './backup.repository';
import { MIGRATION_SEEDED_TABLES, schemaTables } from './backup.tables';
import type { VerifiedBackup } from './backup.verify';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 4 * 1024 * 1024;

/** What a restore wrote and what the audit chain says afterwards. */
export interface RestoreSummary {
  tables: { name: string; rows: number; sha256: string }[];
  sequences: number;
  audit: Awaited<ReturnType<ReturnType<typeof createAuditService>['verify']>>;
  /** The restored chain ends on the head the backup recorded. */
  auditHeadMatches: boolean;
}

/**
 * The master keys a restore may use, without creating one: an embedded target with neither BULWARK_MASTER_KEY nor
 * DATA_DIR/master.key has none (resolveMasterKeys would generate a new key, which cannot open the backup's data keys).
 */
export function masterKeysForRestore(config: Config): MasterKeys | undefined {
  const embedded = !config.databaseUrl;
  if (embedded && !config.masterKey && !fs.existsSync(path.join(config.dataDir, 'master.key')))
    return undefined;
  return resolveMasterKeys({
    masterKey: config.masterKey,
    previous: config.masterKeysPrevious,
    dataDir: config.dataDir,
    embedded,
  });
}

/** Refuses unless every backed-up data key unwraps under the configured master keys (the key is never backed up). */
export function checkMasterKey(backup: VerifiedBackup, master: MasterKeys | undefined): void {
  const needed = [...new Set(backup.dataKeys.map((k) => k.masterKeyId))].sort().join(', ');
  const advice =
    'Set BULWARK_MASTER_KEY (or BULWARK_MASTER_KEYS_PREVIOUS) to the master key of the instance that wrote the ' +
    'backup; for an embedded instance that is its DATA_DIR/master.key, which may also be copied into DATA_DIR. ' +
    'A backup never contains the master key.';
  if (!backup.dataKeys.length) return;
  if (!master) {
    throw new BackupError(
      'restore.master_key',
      `The backup holds ${backup.dataKeys.length} data key(s) wrapped by master key ${needed}, and no master key is configured. ${advice}`,
    );
  }
  for (const k of backup.dataKeys) {
    try {
      unwrapDataKey(master.all, k.wrapped);
    } catch (e) {
      if (!(e instanceof SealError)) throw e;
      throw new BackupError(
        'restore.master_key',
        `The configured master key (${master.current.id}) cannot unwrap data key ${k.id}, wrapped by master key ${k.masterKeyId}. ${advice}`,
      );
    }
  }
}

/** Refuses a target whose schema differs from the backup's, or that already holds rows. */
async function checkTarget(tx: Db, backup: VerifiedBackup): Promise<Map<string, TableInfo>> {
  const head = await repo.migrationHead(tx);
  const want = backup.header.migrations;
  if (head.count !== want.count || head.hash !== want.hash) {
    throw new BackupError(
      'restore.migrations',
      `The backup was written at migration ${want.head} (${want.count} migrations); this database has ${head.count}. ` +
        'Restore with the Bulwark version that wrote the backup, then upgrade.',
    );
  }
  const expected = schemaTables();
  const inFile = backup.tables.map((t) => t.table).sort();
  if (expected.join() !== inFile.join()) {
    throw new BackupError('restore.migrations', 'The backup holds other tables than this Bulwark declares.');
  }
  const infos = await repo.tableInfos(tx);
  for (const section of backup.tables) {
    const info = infos.get(section.table);
    const same =
      info !== undefined &&
      info.columns.length === section.columns.length &&
      section.columns.every((c) => info.columns.some((d) => d.name === c.name && d.type === c.type));
    if (!same) {
      throw new BackupError(
        'restore.migrations',
        `Table ${section.table} has other columns than in the backup.`,
      );
    }
  }
  const occupied = await repo.nonEmpty(
    tx,
    expected.filter((t) => !MIGRATION_SEEDED_TABLES.includes(t)),
  );
  if (occupied.length) {
    throw new BackupError(
      'restore.not_empty',
      `Restore needs an empty, migrated database; these tables hold rows: ${occupied.join(', ')}. ` +
        'Point DATA_DIR or DATABASE_URL at a new database.',
    );
  }
  return infos;
}

/** Streams the verified file again and inserts each table's rows in batches, re-checking every digest. */
async function insertAll(tx: Db, backup: VerifiedBackup, infos: Map<string, TableInfo>) {
  let section:
    | { info: TableInfo; index: number; hash: ReturnType<typeof createHash>; rows: number }
    | undefined;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (section && batch.length)
      await repo.insertLines(tx, section.info, backup.tables[section.index]!.columns, batch);
    batch = [];
    chars = 0;
  };
  const close = async () => {
    await flush();
    if (!section) return;
    const m = backup.manifest.tables[section.index]!;
    if (section.hash.digest('hex') !== m.sha256 || section.rows !== m.rows) {
      throw new BackupError('backup.corrupt', `The backup changed while it was restored (table ${m.name}).`);
    }
    section = undefined;
  };
  let index = -1;
  for await (const line of backupLines(backup.file)) {
    const bytes = `${line}\n`;
    if (line.startsWith('[')) {
      section!.hash.update(bytes);
      section!.rows++;
      batch.push(line);
      chars += line.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    } else if (line.startsWith('{"table"')) {
      await close();
      index++;
      section = {
        info: infos.get(backup.tables[index]!.table)!,
        index,
        hash: createHash('sha256').update(bytes),
        rows: 0,
      };
    } else {
      await close();
    }
  }
  await close();
}

/**
 * Restores a verified backup into an empty, migrated database in one transaction: the migration head and columns
 * must match, rows go in parent-first order with identity values kept, and sequences are set past the restored rows.
 * The audit chain is verified after commit (a chain broken at the source stays broken, and says so).
 */
export async function restoreBackup(
  db: Db,
  backup: VerifiedBackup,
  opts: { master: MasterKeys | undefined },
): Promise<RestoreSummary> {
  checkMasterKey(backup, opts.master);
  await db.transaction(async (tx) => {
    const infos = await checkTarget(tx, backup);
    for (const t of MIGRATION_SEEDED_TABLES) await repo.clear(tx, t);
    await insertAll(tx, backup, infos);
    const present = new Set((await repo.sequences(tx)).map((s) => s.name));
    const missing = backup.sequences.filter((s) => !present.has(s.name)).map((s) => s.name);
    if (missing.length || present.size !== backup.sequences.length) {
      throw new BackupError('restore.migrations', 'The backup holds other sequences than this database.');
    }
    for (const s of backup.sequences) await repo.setSequence(tx, s);
  });
  // `alg` only shapes new appends; verification reads each row's own algorithm.
  const audit = await createAuditService({ db, alg: 'sm3' }).verify();
  return {
    tables: backup.manifest.tables,
    sequences: backup.sequences.length,
    audit,
    auditHeadMatches:
      audit.headSeq === backup.manifest.audit.headSeq && audit.headHash === backup.manifest.audit.headHash,
  };
}
