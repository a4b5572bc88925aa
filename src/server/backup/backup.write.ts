import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../db/client';
import { dataKeys } from '../modules/keyring/keyring.table';
import { BackupError } from './backup.errors';
import {
  appVersion,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupManifest,
} from './backup.format';
import { backupRepository as repo } from './backup.repository';
import { codeMigrationHead, dependencyOrder, schemaTables } from './backup.tables';

const CURSOR = 'bulwark_backup_rows';
const FETCH = 2000;
const DATA_KEYS = getTableConfig(dataKeys).name;

/** What a finished backup holds. */
export interface BackupSummary {
  file: string;
  bytes: number;
  header: BackupHeader;
  manifest: BackupManifest;
}

/** Writes lines into a gzip stream with back-pressure, hashing the whole stream and the current section. */
class LineSink {
  readonly gzip = zlib.createGzip({ level: 6 });
  private readonly all = createHash('sha256');
  private section: Hash | undefined;

  async write(line: string, hashed = true): Promise<void> {
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    if (hashed) this.all.update(bytes);
    this.section?.update(bytes);
    if (!this.gzip.write(bytes)) await once(this.gzip, 'drain');
  }

  startSection(): void {
    this.section = createHash('sha256');
  }

  endSection(): string {
    const digest = this.section!.digest('hex');
    this.section = undefined;
    return digest;
  }

  digest(): string {
    return this.all.digest('hex');
  }
}

/** Refuses a database whose schema is not exactly the one this code's migrations and Drizzle schema describe. */
async function checkSchema(tx: Db): Promise<BackupHeader['migrations']> {
  const code = codeMigrationHead();
  const db = await repo.migrationHead(tx);
  if (db.count !== code.count || db.hash !== code.hash) {
    throw new BackupError(
      'backup.schema',
      `The database has ${db.count} migrations applied but this Bulwark has ${code.count} (head ${code.head}). ` +
        'Back it up with the Bulwark version that last migrated it, or run `bulwark migrate` first.',
    );
  }
  const declared = new Set(schemaTables());
  const unknown = (await repo.publicTables(tx)).filter((t) => !declared.has(t));
  if (unknown.length) {
    throw new BackupError(
      'backup.schema',
      `Tables outside the Drizzle schema would be left out of the backup: ${unknown.join(', ')}.`,
    );
  }
  return { count: code.count, head: code.head, hash: code.hash };
}

/**
 * Dumps every application table, the sequences and the audit head from one REPEATABLE READ snapshot into a gzip'd
 * JSON Lines file (ADR 0006). Sealed columns stay ciphertext and data keys stay wrapped; the master key is never
 * read. The file appears under its name only when complete.
 */
export async function writeBackup(database: Database, out: string): Promise<BackupSummary> {
  if (fs.existsSync(out))
    throw new BackupError('backup.exists', `${out} exists; Bulwark does not overwrite a backup.`);
  const partial = `${out}.partial`;
  const sink = new LineSink();
  // A `.partial` left by an interrupted run is ours to overwrite.
  const written = pipeline(sink.gzip, fs.createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => undefined);
  try {
    const result = await database.db.transaction(
      async (tx) => {
        await repo.pinOutputSettings(tx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          app: appVersion(),
          createdAt: new Date().toISOString(),
          engine: database.engine,
          migrations: await checkSchema(tx),
        };
        await sink.write(JSON.stringify(header));
        const tables: BackupManifest['tables'] = [];
        const masterKeyIds = new Set<string>();
        const infos = await repo.tableInfos(tx);
        for (const name of dependencyOrder(schemaTables(), await repo.foreignKeys(tx))) {
          const info = infos.get(name);
          if (!info) throw new BackupError('backup.schema', `Table ${name} is missing from the database.`);
          sink.startSection();
          await sink.write(JSON.stringify({ table: name, columns: info.columns }));
          const masterKeyAt =
            name === DATA_KEYS ? info.columns.findIndex((c) => c.name === 'master_key_id') : -1;
          let rows = 0;
          await repo.openRowCursor(tx, CURSOR, info);
          for (;;) {
            const lines = await repo.fetchLines(tx, CURSOR, FETCH);
            for (const line of lines) {
              await sink.write(line);
              if (masterKeyAt >= 0) masterKeyIds.add((JSON.parse(line) as string[])[masterKeyAt]!);
            }
            rows += lines.length;
            if (lines.length < FETCH) break;
          }
          await repo.closeCursor(tx, CURSOR);
          tables.push({ name, rows, sha256: sink.endSection() });
        }
        sink.startSection();
        const sequences = await repo.sequences(tx);
        await sink.write(JSON.stringify({ sequences }));
        const sequencesDigest = sink.endSection();
        const audit = await repo.auditHead(tx);
        const manifest: BackupManifest = {
          tables,
          sequences: { count: sequences.length, sha256: sequencesDigest },
          audit: { rows: audit.rows, headSeq: audit.seq, headHash: audit.hash },
          keys: {
            dataKeys: tables.find((t) => t.name === DATA_KEYS)?.rows ?? 0,
            masterKeyIds: [...masterKeyIds].sort(),
            masterKeyIncluded: false,
          },
          sha256: sink.digest(),
        };
        await sink.write(JSON.stringify({ manifest }), false);
        return { header, manifest };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    sink.gzip.end();
    await written;
    const handle = await fs.promises.open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await fs.promises.rename(partial, out);
    return { file: out, bytes: (await fs.promises.stat(out)).size, ...result };
  } catch (e) {
    sink.gzip.destroy();
    await written.catch(() => undefined);
    await fs.promises.rm(partial, { force: true });
    throw e;
  }
}
