import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** One parsed JSON document from an advisory source, or why an input could not be read. */
export type SourceItem =
  | { readonly source: string; readonly doc: unknown }
  | { readonly source: string; readonly problem: string };

/** Limits on what an advisory source may contain. */
export interface SourceOptions {
  /** Largest zip entry or JSON Lines line read, uncompressed (default 64 MiB); bigger ones are reported, not read. */
  readonly maxEntryBytes?: number;
}

const DEFAULT_MAX_ENTRY_BYTES = 64 * 1024 * 1024;

const JSONL = /\.(jsonl|ndjson)$/i;
const JSON_FILE = /\.json$/i;

function parse(source: string, text: string): SourceItem {
  try {
    return { source, doc: JSON.parse(text) };
  } catch (error) {
    return { source, problem: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * JSON Lines (one document per line; blank lines skipped), read line by line. A line longer than `limit` bytes is
 * reported and ends the input: readline would buffer it whole, and a newline-free entry of a zip bomb then
 * overflowed V8's string limit in a stream callback, which took the process down.
 */
async function* jsonLines(source: string, input: Readable, limit: number): AsyncGenerator<SourceItem> {
  let line = 1;
  let parts: Buffer[] = [];
  let size = 0;
  const lineItem = function* (): Generator<SourceItem> {
    const text = Buffer.concat(parts).toString('utf8');
    if (text.trim() !== '') yield parse(`${source}:${line}`, text);
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); ; nl = chunk.indexOf(10, start)) {
      const end = nl === -1 ? chunk.length : nl;
      size += end - start;
      if (size > limit) {
        input.destroy();
        yield {
          source: `${source}:${line}`,
          problem: `line longer than ${limit} bytes; the rest was not read`,
        };
        return;
      }
      parts.push(chunk.subarray(start, end));
      if (nl === -1) break;
      yield* lineItem();
      parts = [];
      size = 0;
      line++;
      start = nl + 1;
    }
  }
  yield* lineItem();
}

async function readAll(stream: Readable, limit: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      done();
      resolve(entry);
    };
    const onEnd = () => {
      done();
      resolve(null);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The `.json` and `.jsonl` entries of a zip archive (e.g. osv.dev's per-ecosystem `all.zip`), in archive order. A
 * corrupt archive or entry (truncated, sizes that lie, bad compression) is a problem, not an exception.
 */
async function* zipEntries(file: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  const limit = options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: true });
  } catch (error) {
    yield { source: file, problem: `unreadable zip: ${reason(error)}` };
    return;
  }
  try {
    for (;;) {
      let entry: yauzl.Entry | null;
      try {
        entry = await nextEntry(zip);
      } catch (error) {
        yield { source: file, problem: `unreadable zip: ${reason(error)}` };
        return;
      }
      if (entry === null) return;
      const source = `${file}!${entry.fileName}`;
      const lines = JSONL.test(entry.fileName);
      if (!lines && !JSON_FILE.test(entry.fileName)) continue;
      if (!lines && entry.uncompressedSize > limit) {
        yield { source, problem: `zip entry larger than ${limit} bytes` };
        continue;
      }
      try {
        const stream = await zip.openReadStreamPromise(entry);
        if (lines) {
          yield* jsonLines(source, stream, limit);
          continue;
        }
        const bytes = await readAll(stream, limit);
        yield bytes === null
          ? { source, problem: `zip entry larger than ${limit} bytes` }
          : parse(source, bytes.toString('utf8'));
      } catch (error) {
        yield { source, problem: `unreadable zip entry: ${reason(error)}` };
      }
    }
  } finally {
    zip.close();
  }
}

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

async function* directory(dir: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  const names = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of names) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* directory(full, options);
    else if (JSON_FILE.test(entry.name) || JSONL.test(entry.name) || /\.zip$/i.test(entry.name))
      yield* readSource(full, options);
  }
}

/**
 * Parsed documents of an advisory source: a folder (walked recursively, `.json`, `.jsonl`/`.ndjson` and
 * `.zip` files in name order), a zip archive, a JSON Lines file (streamed line by line) or a JSON file.
 * Unreadable inputs are yielded as problems so a bad record never stops a large import.
 */
export async function* readSource(source: string, options: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const info = await stat(source);
  if (info.isDirectory()) yield* directory(source, options);
  else if (await isZip(source)) yield* zipEntries(source, options);
  else if (JSONL.test(source))
    yield* jsonLines(source, createReadStream(source), options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES);
  else yield parse(source, await readFile(source, 'utf8'));
}
