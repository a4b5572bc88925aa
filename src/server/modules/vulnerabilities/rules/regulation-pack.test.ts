import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundledPacks,
  filingFields,
  intakeLogRetentionMonths,
  loadPackFile,
  loadPacks,
  nationalReportRule,
  PackError,
  parsePack,
  unsettled,
} from './regulation-pack';

const repoFile = (name: string) => new URL(`../../../../../regulations/${name}`, import.meta.url);
const raw = async (name: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(repoFile(name), 'utf8'));

/** Runs `fn` and returns the PackError it throws. */
function packError(fn: () => unknown): PackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PackError) return e;
    throw e;
  }
  throw new Error('expected a PackError');
}

describe('bundled packs', () => {
  const packs = bundledPacks();

  it('validate and expose the RMSV values', () => {
    expect(nationalReportRule(packs.rmsv)).toEqual({ days: 2, dayKind: 'calendar' });
    expect(intakeLogRetentionMonths(packs.rmsv)).toBe(6);
    expect(filingFields(packs.rmsv).map((f) => f.key)).toContain('icpNumber');
    expect(packs.rmsv.provider.nationalReportDays.status).toBe('final');
  });
  it('list what is not final', () => {
    const paths = unsettled(packs.rmsv).map((u) => u.path);
    expect(paths).toContain('provider.nationalReportDayKind');
    expect(paths).toContain('disclosure.majorEventFreeze');
    expect(paths).not.toContain('provider.nationalReportDays');
    expect(unsettled(packs.rmsv)).toContainEqual({
      path: 'collectionPlatform.filingFields',
      status: 'draft',
    });
    expect(unsettled(packs.holidays).map((u) => u.path)).toEqual(['fallback', 'years.6']);
  });
  it('cover 2021 to 2026 and leave 2027 unpublished', () => {
    const years = packs.holidays.years.map((y) => [y.year, y.value !== null]);
    expect(years).toEqual([2021, 2022, 2023, 2024, 2025, 2026].map((y) => [y, true]).concat([[2027, false]]));
  });
});

describe('parsePack errors name the bad field', () => {
  it('a wrong type deep in the RMSV pack', async () => {
    const data = await raw('rmsv-2021.json');
    (data.provider as Record<string, { value: unknown }>).nationalReportDays!.value = 'two';
    const e = packError(() => parsePack('rmsv-2021', data, 'test.json'));
    expect(e.field).toBe('provider.nationalReportDays.value');
    expect(e.message).toMatch(
      /^regulation pack test\.json is invalid: provider\.nationalReportDays\.value: /,
    );
  });
  it('a missing status', async () => {
    const data = await raw('rmsv-2021.json');
    delete (data.intake as Record<string, Record<string, unknown>>).logRetentionMonths!.status;
    expect(packError(() => parsePack('rmsv-2021', data)).field).toBe('intake.logRetentionMonths.status');
  });
  it('an adjusted working day that is not a weekend', async () => {
    const data = await raw('china-holidays.json');
    const y2025 = (data.years as { value: { workdays: string[] }[] }[])[4]!;
    y2025.value[1]!.workdays[0] = '2025-01-27';
    const e = packError(() => parsePack('china-holidays', data));
    expect(e.field).toBe('years.4.value.1.workdays.0');
    expect(e.problems[0]).toContain('2025-01-27 is not a weekend day');
  });
  it('a grade table cell outside the four grades', async () => {
    const data = await raw('gbt-30279-2020.json');
    (data.technicalGrade as Record<string, Record<string, { value: string }>>).high!.high!.value = '严重';
    expect(packError(() => parsePack('gbt-30279-2020', data)).field).toBe('technicalGrade.high.high.value');
  });
  it('level thresholds that do not fall toward the least severe', async () => {
    const data = await raw('gbt-30279-2020.json');
    const levels = (data.exploitability as Record<string, Record<string, { value: number }>>).levels!;
    levels.medium!.value = 7;
    expect(packError(() => parsePack('gbt-30279-2020', data)).field).toBe('exploitability.levels.high');
    levels.medium!.value = 4;
    levels.low!.value = 1;
    expect(packError(() => parsePack('gbt-30279-2020', data)).field).toBe('exploitability.levels.low');
  });
  it('a missing grade table cell', async () => {
    const data = await raw('gbt-30279-2020.json');
    delete (data.comprehensiveGrade as Record<string, Record<string, unknown>>).中危!.low;
    expect(packError(() => parsePack('gbt-30279-2020', data)).field).toBe('comprehensiveGrade.中危.low');
  });
});

describe('loading a newer pack from disk', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bulwark-packs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the file in the directory and falls back to the bundled pack for the rest', async () => {
    const data = await raw('rmsv-2021.json');
    data.version = '1.1.0';
    (data.provider as Record<string, { value: unknown }>).nationalReportDayKind!.value = 'working';
    await writeFile(path.join(dir, 'rmsv-2021.json'), JSON.stringify(data));
    const packs = await loadPacks(dir);
    expect(packs.rmsv.version).toBe('1.1.0');
    expect(nationalReportRule(packs.rmsv).dayKind).toBe('working');
    expect(packs.holidays).toBe(bundledPacks().holidays);
  });
  it('refuses a file whose pack id does not match its name', async () => {
    const file = path.join(dir, 'china-holidays.json');
    await writeFile(file, JSON.stringify(await raw('gbt-30279-2020.json')));
    await expect(loadPacks(dir)).rejects.toMatchObject({ name: 'PackError', field: 'pack' });
    await rm(file);
  });
  it('refuses unreadable JSON with the file name in the message', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ not json');
    await expect(loadPackFile(file)).rejects.toThrow(/broken\.json is invalid: not readable JSON/);
  });
  it('refuses an unknown pack id', async () => {
    const file = path.join(dir, 'other.json');
    await writeFile(file, JSON.stringify({ pack: 'unknown-2030' }));
    await expect(loadPackFile(file)).rejects.toMatchObject({ field: 'pack' });
  });
});
