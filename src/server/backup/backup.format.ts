import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { z } from 'zod';
import { BackupError } from './backup.errors';

/** The `format` of the first line; anything else is not a Bulwark backup. */
export const BACKUP_FORMAT = 'bulwark-backup';
/** Bumped when a reader of the previous version could misread a new file (ADR 0006). */
export const BACKUP_FORMAT_VERSION = 1;

const Column = z.object({ name: z.string(), type: z.string() });

/** Line 1: what wrote the file and which schema its rows fit. */
export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  app: z.string(),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  migrations: z.object({ count: z.number().int(), head: z.string().nullable(), hash: z.string() }),
});
/** Line 1 of a backup. */
export type BackupHeader = z.infer<typeof BackupHeader>;

/** Opens a table section; the table's rows follow, one JSON array per line in `columns` order. */
export const TableSection = z.object({ table: z.string(), columns: z.array(Column).min(1) });
/** A table section's opening line. */
export type TableSection = z.infer<typeof TableSection>;

/** The sequences line, after the last table. */
export const SequencesSection = z.object({
  sequences: z.array(z.object({ name: z.string(), value: z.string(), called: z.boolean() })),
});

/** The last line: counts and SHA-256 digests of everything before it, and the key policy. */
export const BackupManifest = z.object({
  manifest: z.object({
    tables: z.array(z.object({ name: z.string(), rows: z.number().int(), sha256: z.string() })),
    sequences: z.object({ count: z.number().int(), sha256: z.string() }),
    audit: z.object({
      rows: z.number().int(),
      headSeq: z.number().int().nullable(),
      headHash: z.string().nullable(),
    }),
    keys: z.object({
      dataKeys: z.number().int(),
      masterKeyIds: z.array(z.string()),
      masterKeyIncluded: z.literal(false),
    }),
    sha256: z.string(),
  }),
});
/** The manifest (last line) of a backup. */
export type BackupManifest = z.infer<typeof BackupManifest>['manifest'];

/** Bulwark's version from package.json, recorded in each backup. */
export function appVersion(): string {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Parses one structural line against its schema, or refuses the file as corrupt. */
export function parseLine<T extends z.ZodType>(schema: T, line: string, what: string): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupError('backup.corrupt', `The backup is corrupt: the ${what} line is not JSON.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new BackupError('backup.corrupt', `The backup is corrupt: unexpected ${what} line.`);
  return parsed.data;
}

/**
 * The lines of a gzip'd backup, in order, split on LF only. Lines never contain a raw LF (every writer escapes it in
 * JSON), so `line + "\n"` is exactly the bytes the writer hashed.
 */
export async function* backupLines(file: string): AsyncGenerator<string> {
  try {
    await fs.promises.access(file, fs.constants.R_OK);
  } catch (e) {
    throw new BackupError('backup.unreadable', `Cannot read ${file}: ${(e as Error).message}`);
  }
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  // zlib may report a bad checksum after the reader stopped early; the iterator below reports the errors that matter.
  gunzip.on('error', () => undefined);
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    rest += decoder.end();
  } catch (e) {
    throw new BackupError(
      'backup.corrupt',
      `The backup is truncated or corrupt (not a complete gzip stream: ${(e as Error).message}).`,
    );
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (rest) yield rest;
}
