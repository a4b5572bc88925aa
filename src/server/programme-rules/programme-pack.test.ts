import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackError } from '../regulations/pack-io';
import {
  bundledProgrammePacks,
  loadProgrammePackFile,
  loadProgrammePacks,
  PROGRAMME_PACK_SCHEMAS,
  type ProgrammePackId,
  parseProgrammePack,
  unsettledProgramme,
} from './programme-pack';

const IDS = Object.keys(PROGRAMME_PACK_SCHEMAS) as ProgrammePackId[];
const raw = async (id: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(new URL(`../../../regulations/${id}.json`, import.meta.url), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isEnvelope = (n: Record<string, Json>) =>
  'value' in n && 'clause' in n && 'source' in n && 'status' in n;

/** Paths of every datum that is not inside a `{ value, clause, source, status }` envelope. */
function bareValues(node: Json, at: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return [at.join('.')];
  if (Array.isArray(node)) return node.flatMap((v, i) => bareValues(v, [...at, String(i)]));
  if (isEnvelope(node)) return [];
  return Object.entries(node).flatMap(([k, v]) => bareValues(v, [...at, k]));
}

/** Every envelope in the pack, with its path. */
function envelopes(node: Json, at: string[] = []): { path: string; env: Record<string, Json> }[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((v, i) => envelopes(v, [...at, String(i)]));
  if (isEnvelope(node)) return [{ path: at.join('.'), env: node }];
  return Object.entries(node).flatMap(([k, v]) => envelopes(v, [...at, k]));
}

function packError(fn: () => unknown): PackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PackError) return e;
    throw e;
  }
  throw new Error('expected a PackError');
}

describe.each(IDS)('pack %s', (id) => {
  it('parses, and its pack field names its file', async () => {
    const data = await raw(id);
    expect(data.pack).toBe(id);
    expect(() => parseProgrammePack(id, data)).not.toThrow();
  });
  it('wraps every value in an envelope with clause, source and status', async () => {
    const data = (await raw(id)) as Json;
    expect(bareValues(data)).toEqual(['pack', 'version', 'title']);
    const all = envelopes(data);
    expect(all.length).toBeGreaterThan(3);
    for (const { path: p, env } of all) {
      expect(
        Object.keys(env).filter((k) => !['value', 'clause', 'source', 'status', 'note'].includes(k)),
        p,
      ).toEqual([]);
      expect(typeof env.clause === 'string' && env.clause.length > 0, `${p}.clause`).toBe(true);
      expect(typeof env.source === 'string' && env.source.length > 0, `${p}.source`).toBe(true);
      expect(['final', 'draft', 'unconfirmed'], `${p}.status`).toContain(env.status);
    }
  });
  it('explains every value that is not final in a note (regulations/README.md)', async () => {
    const missing = envelopes((await raw(id)) as Json)
      .filter(({ env }) => env.status !== 'final' && !(typeof env.note === 'string' && env.note.length > 0))
      .map((e) => e.path);
    expect(missing).toEqual([]);
  });
});

describe('statuses follow shared/docs/regulations.md', () => {
  const { incidentPlan, measures, plan, controls, questions } = bundledProgrammePacks();
  const c = incidentPlan.criteria;
  it.each([
    ['outage.industry', c.outage.industry, ['draft', 'final', 'final', 'draft']],
    ['outage.telecom', c.outage.telecom, ['draft', 'final', 'final', 'unconfirmed']],
    ['outage.radio', c.outage.radio, ['draft', 'final', 'final', 'unconfirmed']],
    ['directLossYuan', c.directLossYuan, ['draft', 'final', 'draft', 'draft']],
    ['personalInfoRecords', c.personalInfoRecords, ['draft', 'final', 'draft', 'draft']],
    [
      'sensitivePersonalInfoRecords',
      c.sensitivePersonalInfoRecords,
      ['draft', 'final', 'draft', 'unconfirmed'],
    ],
    ['dataType', c.dataType, ['unconfirmed', 'final', 'final', 'unconfirmed']],
  ] as const)('§2.1 %s: tiers I–IV', (_, tiers, statuses) => {
    expect([tiers.I.status, tiers.II.status, tiers.III.status, tiers.IV.status]).toEqual(statuses);
  });
  it('§2.1 final Level II values', () => {
    expect(c.directLossYuan.II.value).toEqual({ op: 'gte', min: 100_000_000 });
    expect(c.personalInfoRecords.II.value).toEqual({ op: 'gte', min: 10_000_000 });
    expect(c.sensitivePersonalInfoRecords.II.value).toEqual({ op: 'gte', min: 1_000_000 });
    expect(c.outage.telecom.II.value).toEqual({ op: 'gte', min: 12 });
    expect(c.outage.radio.III.value).toEqual({ op: 'gte', min: 8 });
  });
  it('§2.2 reporting clocks are draft; the processor target is a product choice', () => {
    const r = incidentPlan.reporting;
    expect(r.regulatorToMinistry).toMatchObject({
      value: { phoneMinutes: 10, writtenMinutes: 30 },
      status: 'draft',
    });
    expect([r.processorToRegulator.status, r.dutyRota.status, r.processorTargetMinutes.status]).toEqual([
      'draft',
      'draft',
      'unconfirmed',
    ]);
  });
  it('§3: second-draft articles are draft, art. 31 and 82号 are final, gaps are null and unconfirmed', () => {
    expect(measures.classification.coreDataCriteria.status).toBe('draft');
    expect(measures.catalogFiling.reviewWorkingDays).toMatchObject({ value: 20, status: 'draft' });
    expect(measures.catalogFiling.changeThresholdPercent).toMatchObject({ value: 30, status: 'draft' });
    expect(measures.catalogFiling.possibleFurtherFields.status).toBe('unconfirmed');
    expect(measures.riskAssessment.intervalMonths).toMatchObject({ value: 12, status: 'final' });
    expect(measures.riskAssessment.resultValidMonths).toMatchObject({ value: 12, status: 'final' });
    expect(measures.classification.importantDataCriteria).toMatchObject({
      value: null,
      status: 'unconfirmed',
    });
    expect(measures.catalogFiling.initialFilingDeadline).toMatchObject({
      value: null,
      status: 'unconfirmed',
    });
  });
  it('§4: targets are final; scenarios (Reuters) and the coverage definition are unconfirmed', () => {
    const t = plan.targets;
    expect([t.enterprisesProtected.value.value, t.enterprisesProtected.value.op]).toEqual([45_000, 'gt']);
    expect(t.trainingPersonTimes.value).toMatchObject({ value: 30_000, unit: 'person-times' });
    expect([t.talents.value.value, t.standards.value.value, t.typicalCases.value.value]).toEqual([
      5000, 100, 200,
    ]);
    expect(t.typicalCaseIndustries.value.value).toBe(10);
    expect(plan.targetDate).toMatchObject({ value: '2026-12-31', status: 'final' });
    expect(plan.riskScenarios.status).toBe('unconfirmed');
    expect(plan.enterpriseCovered.source).toBe('Bulwark definition');
    expect(plan.enterpriseCovered.status).toBe('unconfirmed');
  });
  it('the control library is Bulwark’s own: 40–60 controls, all unconfirmed', () => {
    expect(controls.controls.length).toBeGreaterThanOrEqual(40);
    expect(controls.controls.length).toBeLessThanOrEqual(60);
    for (const ctl of controls.controls) {
      expect(ctl.status).toBe('unconfirmed');
      expect(ctl.source).toMatch(/^Bulwark control library derived from /);
    }
  });
  it('the wizard: core questions are draft (art. 11), factor questions unconfirmed, definition final', () => {
    const status = Object.fromEntries(questions.questions.map((q) => [q.value.id, q.status]));
    expect(status['core-national-security']).toBe('draft');
    expect(status['important-definition']).toBe('final');
    expect(status.scale).toBe('unconfirmed');
  });
  it('unsettled lists what is not final', () => {
    const paths = unsettledProgramme(incidentPlan).map((u) => u.path);
    expect(paths).toContain('criteria.personalInfoRecords.I');
    expect(paths).not.toContain('criteria.personalInfoRecords.II');
    expect(unsettledProgramme(measures)).toContainEqual({
      path: 'catalogFiling.reviewWorkingDays',
      status: 'draft',
    });
  });
});

type Node = Record<string, unknown>;
/** The object at a dotted path in raw pack JSON (array indexes as segments). */
const at = (root: unknown, p: string): Node =>
  p.split('.').reduce<Node>((n, k) => n[k] as Node, root as Node);

describe('schema errors name the bad field', () => {
  it.each<[ProgrammePackId, string, (d: Node) => void, string]>([
    [
      'miit-incident-plan-2024',
      'a Level III PI bound above Level II',
      (d) => (at(d, 'criteria.personalInfoRecords.III.value').min = 50_000_000),
      'criteria.personalInfoRecords.III.value',
    ],
    [
      'miit-incident-plan-2024',
      'a Level II production impact below Level III',
      (d) => (at(d, 'criteria.outage.industry.II.value').atLeast = 'minor'),
      'criteria.outage.industry.III.value',
    ],
    [
      'miit-incident-plan-2024',
      'important data needing more harm at Level III than at Level II',
      (d) => (at(d, 'criteria.dataType.III.value').minHarm = 'especially-serious'),
      'criteria.dataType.III.value',
    ],
    [
      'miit-incident-plan-2024',
      'tiers out of order',
      (d) => (at(d, 'tiers').value = [...(at(d, 'tiers').value as unknown[])].reverse()),
      'tiers.value',
    ],
    [
      'miit-incident-plan-2024',
      'a phone report due after the written one',
      (d) => (at(d, 'reporting.regulatorToMinistry.value').phoneMinutes = 45),
      'reporting.regulatorToMinistry.value.writtenMinutes',
    ],
    [
      'miit-measures-2022',
      'a missing status',
      (d) => delete at(d, 'catalogFiling.reviewWorkingDays').status,
      'catalogFiling.reviewWorkingDays.status',
    ],
    [
      'miit-measures-2022',
      'a mixed-data rule other than highest',
      (d) => (at(d, 'classification.mixedData').value = 'lowest'),
      'classification.mixedData.value',
    ],
    [
      'controls-self-examination',
      'a duplicate control id',
      (d) => (at(d, 'controls.1.value').id = at(d, 'controls.0.value').id),
      'controls.1.value.id',
    ],
    [
      'controls-self-examination',
      'a zero weight',
      (d) => (at(d, 'controls.0.value').weight = 0),
      'controls.0.value.weight',
    ],
    [
      'data-classification-questions',
      'an unknown level',
      (d) => (at(d, 'questions.0.value.answers.1').minLevel = 'secret'),
      'questions.0.value.answers.1.minLevel',
    ],
    [
      'industrial-plan-2024-2026',
      'a period that ends before it starts',
      (d) => (at(d, 'enterpriseCovered.value').periodFrom = '2030-01-01'),
      'enterpriseCovered.value.periodTo',
    ],
  ])('%s: %s', async (id, _, mutate, field) => {
    const data = await raw(id);
    mutate(data);
    expect(packError(() => parseProgrammePack(id, data)).field).toBe(field);
  });
  it('refuses a control library that leaves a scenario uncovered', async () => {
    const data = await raw('controls-self-examination');
    data.controls = (data.controls as { value: { scenarios: string[] } }[]).filter(
      (c) => !c.value.scenarios.includes('remote-om'),
    );
    expect(packError(() => parseProgrammePack('controls-self-examination', data)).message).toMatch(
      /no control covers scenario remote-om/,
    );
  });
});

describe('loading newer programme packs', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bulwark-programme-packs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  it('takes files from the directory and falls back to the bundled packs', async () => {
    const data = await raw('miit-incident-plan-2024');
    data.version = '1.1.0';
    await writeFile(path.join(dir, 'miit-incident-plan-2024.json'), JSON.stringify(data));
    const packs = await loadProgrammePacks(dir);
    expect(packs.incidentPlan.version).toBe('1.1.0');
    expect(packs.measures).toBe(bundledProgrammePacks().measures);
  });
  it('refuses a file whose pack id does not match its name', async () => {
    const file = path.join(dir, 'miit-measures-2022.json');
    await writeFile(file, JSON.stringify(await raw('industrial-plan-2024-2026')));
    await expect(loadProgrammePacks(dir)).rejects.toMatchObject({ name: 'PackError', field: 'pack' });
    await rm(file);
  });
  it('refuses a vulnerability pack passed as a programme pack', async () => {
    const file = path.join(dir, 'rmsv.json');
    await writeFile(
      file,
      await readFile(new URL('../../../regulations/rmsv-2021.json', import.meta.url), 'utf8'),
    );
    await expect(loadProgrammePackFile(file)).rejects.toMatchObject({ field: 'pack' });
  });
});
