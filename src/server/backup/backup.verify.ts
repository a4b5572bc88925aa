import { createHash, type Hash } from 'node:crypto';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { dataKeys } from '../modules/keyring/keyring.table';
import { BackupError } from './backup.errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupHeader,
  BackupManifest,
  backupLines,
  parseLine,
  SequencesSection,
  TableSection,
} from './backup.format';
import type { SequenceState } from './backup.repository';

const DATA_KEYS = getTableConfig(dataKeys).name;

/** A wrapped data key as the backup holds it (needed to check the master key before restoring). */
export interface BackedUpDataKey {
  id: string;
  wrapped: Buffer;
  masterKeyId: string;
}

/** A backup whose every digest matched its manifest. */
export interface VerifiedBackup {
  file: string;
  header: BackupHeader;
  manifest: BackupManifest;
  /** Table sections in file order (parents before children). */
  tables: TableSection[];
  sequences: SequenceState[];
  dataKeys: BackedUpDataKey[];
}

const corrupt = (why: string) => new BackupError('backup.corrupt', `The backup is corrupt: ${why}.`);

/** Reads line 1 leniently first, so a foreign or newer file gets a precise message rather than "corrupt". */
function readHeader(line: string): BackupHeader {
  let raw: { format?: unknown; formatVersion?: unknown } | undefined;
  try {
    raw = JSON.parse(line) as typeof raw;
  } catch {
    raw = undefined;
  }
  if (raw?.format !== BACKUP_FORMAT)
    throw new BackupError('backup.format', 'This file is not a Bulwark backup.');
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'backup.format',
      `The backup has format version ${raw.formatVersion}; this Bulwark reads version ${BACKUP_FORMAT_VERSION}.`,
    );
  }
  return parseLine(BackupHeader, line, 'header');
}

function dataKeyOf(section: TableSection, line: string): BackedUpDataKey {
  const at = (name: string) => section.columns.findIndex((c) => c.name === name);
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw corrupt('a data key row is not JSON');
  }
  const [id, wrapped, master] = [at('id'), at('wrapped'), at('master_key_id')].map((i) =>
    Array.isArray(row) ? row[i] : undefined,
  );
  if (typeof id !== 'string' || typeof wrapped !== 'string' || typeof master !== 'string') {
    throw corrupt('a data key row is incomplete');
  }
  return { id, wrapped: Buffer.from(wrapped, 'base64'), masterKeyId: master };
}

/**
 * Reads a whole backup without touching any database and checks it against its manifest: the gzip stream, the
 * structure, each table's row count and SHA-256, the sequences and the digest of everything before the manifest.
 * A flipped byte, a truncated file or an edited row is refused here, before restore writes anything.
 */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  const all = createHash('sha256');
  let header: BackupHeader | undefined;
  let manifest: BackupManifest | undefined;
  let sequences: SequenceState[] | undefined;
  const tables: TableSection[] = [];
  const seen: BackupManifest['tables'] = [];
  const keys: BackedUpDataKey[] = [];
  let current: { section: TableSection; rows: number; hash: Hash } | undefined;
  let sequencesDigest: string | undefined;
  const closeTable = () => {
    if (current)
      seen.push({ name: current.section.table, rows: current.rows, sha256: current.hash.digest('hex') });
    current = undefined;
  };

  for await (const line of backupLines(file)) {
    if (manifest) throw corrupt('there is data after the manifest');
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    if (!header) {
      header = readHeader(line);
      all.update(bytes);
      continue;
    }
    if (line.startsWith('[')) {
      if (!current || sequences) throw corrupt('a row appears outside a table section');
      current.rows++;
      current.hash.update(bytes);
      if (current.section.table === DATA_KEYS) keys.push(dataKeyOf(current.section, line));
      all.update(bytes);
      continue;
    }
    if (line.startsWith('{"table"')) {
      if (sequences) throw corrupt('a table section follows the sequences');
      closeTable();
      const section = parseLine(TableSection, line, 'table');
      if (tables.some((t) => t.table === section.table))
        throw corrupt(`table ${section.table} appears twice`);
      tables.push(section);
      current = { section, rows: 0, hash: createHash('sha256').update(bytes) };
    } else if (line.startsWith('{"sequences"')) {
      if (sequences) throw corrupt('the sequences appear twice');
      closeTable();
      sequences = parseLine(SequencesSection, line, 'sequences').sequences;
      sequencesDigest = createHash('sha256').update(bytes).digest('hex');
    } else if (line.startsWith('{"manifest"')) {
      closeTable();
      manifest = parseLine(BackupManifest, line, 'manifest').manifest;
      continue;
    } else {
      throw corrupt('an unexpected line');
    }
    all.update(bytes);
  }

  if (!header) throw corrupt('it is empty');
  if (!manifest || !sequences) throw corrupt('it is truncated (the manifest, its last line, is missing)');
  if (seen.length !== manifest.tables.length)
    throw corrupt('the manifest lists other tables than the file holds');
  for (const [i, t] of seen.entries()) {
    const m = manifest.tables[i]!;
    if (m.name !== t.name || m.rows !== t.rows || m.sha256 !== t.sha256) {
      throw corrupt(`table ${t.name} does not match the manifest (rows or SHA-256 differ)`);
    }
  }
  if (sequencesDigest !== manifest.sequences.sha256 || sequences.length !== manifest.sequences.count) {
    throw corrupt('the sequences do not match the manifest');
  }
  if (all.digest('hex') !== manifest.sha256) throw corrupt('its content does not match the manifest digest');
  if (keys.length !== manifest.keys.dataKeys) throw corrupt('the data keys do not match the manifest');
  return { file, header, manifest, tables, sequences, dataKeys: keys };
}
