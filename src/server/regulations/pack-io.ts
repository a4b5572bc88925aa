import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/** A malformed pack: `field` is the dotted path of the first bad value; the message lists every problem. */
export class PackError extends Error {
  constructor(
    readonly origin: string,
    readonly field: string,
    readonly problems: readonly string[],
  ) {
    super(`regulation pack ${origin} is invalid: ${problems.join('; ')}`);
    this.name = 'PackError';
  }
}

const dotted = (p: readonly PropertyKey[]) => p.map(String).join('.') || '(root)';

const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

/**
 * Parsing and loading for one family of packs keyed by pack id (architecture principle 3). Each pack's file
 * name is its id plus `.json`, and its `pack` field names its id.
 */
export function packRegistry<M extends Record<string, z.ZodType>>(schemas: M) {
  type Id = keyof M & string;
  type Of<K extends Id> = z.infer<M[K]>;
  const isId = (v: unknown): v is Id => typeof v === 'string' && Object.hasOwn(schemas, v);

  /** Validates `data` as pack `id`; throws PackError naming the bad field. `origin` labels the message. */
  const parse = <K extends Id>(id: K, data: unknown, origin: string = id): Of<K> => {
    const r = schemas[id]!.safeParse(data);
    if (r.success) return r.data as Of<K>;
    const problems = r.error.issues.map((i) => `${dotted(i.path)}: ${i.message}`);
    throw new PackError(origin, dotted(r.error.issues[0]?.path ?? []), problems);
  };

  /** Reads and validates a pack file; its `pack` field must name a known pack (and `expected`, when given). */
  const loadFile = async <K extends Id>(file: string, expected?: K): Promise<Of<K>> => {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new PackError(file, '(root)', [`not readable JSON: ${(e as Error).message}`]);
    }
    const id = (data as { pack?: unknown } | null)?.pack;
    if (!isId(id) || (expected && id !== expected)) {
      throw new PackError(file, 'pack', [
        `pack: expected ${expected ?? Object.keys(schemas).join(' | ')}, got ${String(id)}`,
      ]);
    }
    return parse(id, data, file) as Of<K>;
  };

  /** Pack `id` from `<dir>/<id>.json` when that file exists, else `fallback` (usually the bundled pack). */
  const fromDir = async <K extends Id>(dir: string, id: K, fallback: Of<K>): Promise<Of<K>> => {
    const file = path.join(dir, `${id}.json`);
    return (await exists(file)) ? loadFile(file, id) : fallback;
  };

  return { schemas, isId, parse, loadFile, fromDir };
}
