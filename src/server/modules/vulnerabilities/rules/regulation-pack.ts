import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import holidaysJson from '../../../../../regulations/china-holidays.json' with { type: 'json' };
import gbtJson from '../../../../../regulations/gbt-30279-2020.json' with { type: 'json' };
import rmsvJson from '../../../../../regulations/rmsv-2021.json' with { type: 'json' };
import { type GbtPack, GbtPackSchema } from './gbt30279-schema';
import { type HolidaysPack, HolidaysPackSchema } from './holidays-schema';
import { type RmsvPack, RmsvPackSchema } from './rmsv-schema';
import { unsettledValues } from './sourced';

/** Schemas by pack id (architecture principle 3: regulations are versioned data). */
export const PACK_SCHEMAS = {
  'rmsv-2021': RmsvPackSchema,
  'china-holidays': HolidaysPackSchema,
  'gbt-30279-2020': GbtPackSchema,
} as const;
/** A known pack id; it is also the pack's file name under regulations/. */
export type PackId = keyof typeof PACK_SCHEMAS;
/** The validated type of a pack. */
export type PackOf<K extends PackId> = z.infer<(typeof PACK_SCHEMAS)[K]>;

/** The packs the vulnerability rules read. */
export interface RegulationPacks {
  rmsv: RmsvPack;
  holidays: HolidaysPack;
  gbt: GbtPack;
}

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

/** Validates `data` as pack `id`; throws PackError naming the bad field. `origin` labels the message (e.g. a path). */
export function parsePack<K extends PackId>(id: K, data: unknown, origin: string = id): PackOf<K> {
  const r = PACK_SCHEMAS[id].safeParse(data);
  if (r.success) return r.data as PackOf<K>;
  const problems = r.error.issues.map((i) => `${dotted(i.path)}: ${i.message}`);
  throw new PackError(origin, dotted(r.error.issues[0]?.path ?? []), problems);
}

const isPackId = (v: unknown): v is PackId => typeof v === 'string' && Object.hasOwn(PACK_SCHEMAS, v);

/** Reads and validates a pack file; its `pack` field must name a known pack (and `expected`, when given). */
export async function loadPackFile<K extends PackId>(file: string, expected?: K): Promise<PackOf<K>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new PackError(file, '(root)', [`not readable JSON: ${(e as Error).message}`]);
  }
  const id = (data as { pack?: unknown } | null)?.pack;
  if (!isPackId(id) || (expected && id !== expected)) {
    throw new PackError(file, 'pack', [
      `pack: expected ${expected ?? Object.keys(PACK_SCHEMAS).join(' | ')}, got ${String(id)}`,
    ]);
  }
  return parsePack(id, data, file) as PackOf<K>;
}

let bundled: RegulationPacks | undefined;

/** The packs shipped in regulations/, validated once. */
export function bundledPacks(): RegulationPacks {
  bundled ??= {
    rmsv: parsePack('rmsv-2021', rmsvJson, 'regulations/rmsv-2021.json'),
    holidays: parsePack('china-holidays', holidaysJson, 'regulations/china-holidays.json'),
    gbt: parsePack('gbt-30279-2020', gbtJson, 'regulations/gbt-30279-2020.json'),
  };
  return bundled;
}

const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

/** Packs from `dir` (`<pack id>.json` each), falling back to the bundled pack for any file absent there. */
export async function loadPacks(dir: string): Promise<RegulationPacks> {
  const pick = async <K extends PackId>(id: K, fallback: PackOf<K>) => {
    const file = path.join(dir, `${id}.json`);
    return (await exists(file)) ? loadPackFile(file, id) : fallback;
  };
  const b = bundledPacks();
  return {
    rmsv: await pick('rmsv-2021', b.rmsv),
    holidays: await pick('china-holidays', b.holidays),
    gbt: await pick('gbt-30279-2020', b.gbt),
  };
}

/** RMSV art. 7(2): report within N days of awareness, counted as calendar or China working days. */
export const nationalReportRule = (p: RmsvPack) => ({
  days: p.provider.nationalReportDays.value,
  dayKind: p.provider.nationalReportDayKind.value,
});

/** RMSV art. 5: the minimum intake-log retention in months. */
export const intakeLogRetentionMonths = (p: RmsvPack) => p.intake.logRetentionMonths.value;

/** 146号: the collection-platform filing fields (comment-draft list; status in the pack). */
export const filingFields = (p: RmsvPack) => p.collectionPlatform.filingFields.value;

/** Paths of every value in a pack that is draft or unconfirmed, so callers can say what a result rests on. */
export const unsettled = (p: RmsvPack | HolidaysPack | GbtPack) => unsettledValues(p);
