import type { z } from 'zod';
import gbtJson from '../../../../../regulations/gbt-30279-2020.json' with { type: 'json' };
import rmsvJson from '../../../../../regulations/rmsv-2021.json' with { type: 'json' };
import { bundledHolidays } from '../../../regulations/holidays';
import { type HolidaysPack, HolidaysPackSchema } from '../../../regulations/holidays-schema';
import { packRegistry } from '../../../regulations/pack-io';
import { unsettledValues } from '../../../regulations/sourced';
import { type GbtPack, GbtPackSchema } from './gbt30279-schema';
import { type RmsvPack, RmsvPackSchema } from './rmsv-schema';

export { PackError } from '../../../regulations/pack-io';

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

const registry = packRegistry(PACK_SCHEMAS);

/** Validates `data` as pack `id`; throws PackError naming the bad field. `origin` labels the message (e.g. a path). */
export const parsePack = registry.parse;

/** Reads and validates a pack file; its `pack` field must name a known pack (and `expected`, when given). */
export const loadPackFile = registry.loadFile;

let bundled: RegulationPacks | undefined;

/** The packs shipped in regulations/, validated once. */
export function bundledPacks(): RegulationPacks {
  bundled ??= {
    rmsv: parsePack('rmsv-2021', rmsvJson, 'regulations/rmsv-2021.json'),
    holidays: bundledHolidays(),
    gbt: parsePack('gbt-30279-2020', gbtJson, 'regulations/gbt-30279-2020.json'),
  };
  return bundled;
}

/** Packs from `dir` (`<pack id>.json` each), falling back to the bundled pack for any file absent there. */
export async function loadPacks(dir: string): Promise<RegulationPacks> {
  const b = bundledPacks();
  return {
    rmsv: await registry.fromDir(dir, 'rmsv-2021', b.rmsv),
    holidays: await registry.fromDir(dir, 'china-holidays', b.holidays),
    gbt: await registry.fromDir(dir, 'gbt-30279-2020', b.gbt),
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
