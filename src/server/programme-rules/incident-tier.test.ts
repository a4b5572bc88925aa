import { describe, expect, it } from 'vitest';
import type { Tier } from './incident-plan-schema';
import { classifyIncident, type IncidentFacts, reclassification, reportingPlan } from './incident-tier';
import { bundledProgrammePacks } from './programme-pack';

const { incidentPlan: pack } = bundledProgrammePacks();
const base: IncidentFacts = { type: 'leak', sector: 'industry', dataLevels: [] };
const facts = (f: Partial<IncidentFacts>): IncidentFacts => ({ ...base, ...f });

describe('classifyIncident: one criterion at a time', () => {
  it.each<[string, Partial<IncidentFacts>, Tier | null, string | null]>([
    ['nothing known', {}, null, null],
    ['zero PI records', { piRecords: 0 }, null, null],
    ['1 PI record', { piRecords: 1 }, 'IV', 'draft'],
    ['1,000,000 PI records (draft III is strictly more)', { piRecords: 1_000_000 }, 'IV', 'draft'],
    ['1,000,001 PI records', { piRecords: 1_000_001 }, 'III', 'draft'],
    ['10,000,000 PI records (final II, inclusive)', { piRecords: 10_000_000 }, 'II', 'final'],
    ['100,000,000 PI records (draft I is strictly more)', { piRecords: 100_000_000 }, 'II', 'final'],
    ['100,000,001 PI records', { piRecords: 100_000_001 }, 'I', 'draft'],
    ['5 sensitive PI records', { sensitivePiRecords: 5 }, 'IV', 'unconfirmed'],
    ['100,001 sensitive PI records', { sensitivePiRecords: 100_001 }, 'III', 'draft'],
    ['1,000,000 sensitive PI records', { sensitivePiRecords: 1_000_000 }, 'II', 'final'],
    ['10,000,001 sensitive PI records', { sensitivePiRecords: 10_000_001 }, 'I', 'draft'],
    ['¥49,999,999 loss', { directLossYuan: 49_999_999 }, 'IV', 'draft'],
    ['¥50,000,000 loss', { directLossYuan: 50_000_000 }, 'III', 'draft'],
    ['¥100,000,000 loss', { directLossYuan: 100_000_000 }, 'II', 'final'],
    ['¥1,000,000,000 loss', { directLossYuan: 1_000_000_000 }, 'I', 'draft'],
    ['telecom 7.9 h', { sector: 'telecom', outageHours: 7.9 }, null, null],
    ['telecom 8 h', { sector: 'telecom', outageHours: 8 }, 'III', 'final'],
    ['telecom 12 h', { sector: 'telecom', outageHours: 12 }, 'II', 'final'],
    ['telecom 24 h (draft I is strictly more)', { sector: 'telecom', outageHours: 24 }, 'II', 'final'],
    ['telecom 24.5 h', { sector: 'telecom', outageHours: 24.5 }, 'I', 'draft'],
    ['radio 12 h', { sector: 'radio', outageHours: 12 }, 'II', 'final'],
    ['industry ignores hours', { outageHours: 48 }, null, null],
    ['industry minor damage', { productionImpact: 'minor' }, 'IV', 'draft'],
    ['industry partial loss', { productionImpact: 'partial-loss' }, 'III', 'final'],
    ['industry large-scale shutdown', { productionImpact: 'large-scale-shutdown' }, 'II', 'final'],
    ['industry widespread shutdown', { productionImpact: 'widespread-shutdown' }, 'I', 'draft'],
    ['industry no impact', { productionImpact: 'none' }, null, null],
    ['general data, general harm', { dataLevels: ['general'] }, 'IV', 'unconfirmed'],
    [
      'general data, relatively serious',
      { dataLevels: ['general'], harm: 'relatively-serious' },
      'III',
      'final',
    ],
    [
      'general data, serious (II needs important)',
      { dataLevels: ['general'], harm: 'serious' },
      'III',
      'final',
    ],
    ['important data, serious', { dataLevels: ['important'], harm: 'serious' }, 'II', 'final'],
    ['core data, any harm', { dataLevels: ['core'] }, 'I', 'unconfirmed'],
  ])('%s → %s (%s)', (_, f, tier, status) => {
    const r = classifyIncident(pack, facts(f));
    expect(r.tier).toBe(tier);
    expect(r.restsOn).toBe(status);
    expect(r.fired.length).toBe(tier === null ? 0 : 1);
  });
});

describe('classifyIncident: several criteria', () => {
  it('takes the most severe tier and names every criterion that fired', () => {
    const r = classifyIncident(
      pack,
      facts({
        piRecords: 2_000_000,
        directLossYuan: 150_000_000,
        dataLevels: ['important'],
        harm: 'serious',
      }),
    );
    expect(r.tier).toBe('II');
    expect(r.colour).toBe('orange');
    expect(r.fired.map((f) => [f.criterion, f.tier])).toEqual([
      ['directLoss', 'II'],
      ['personalInfo', 'III'],
      ['dataType', 'II'],
    ]);
    expect(r.decisive.map((f) => f.criterion)).toEqual(['directLoss', 'dataType']);
    expect(r.restsOn).toBe('final');
  });
  it('reports the threshold, clause, source and status of each fired criterion', () => {
    const [f] = classifyIncident(pack, facts({ sector: 'telecom', outageHours: 13 })).fired;
    expect(f).toMatchObject({
      criterion: 'outage',
      tier: 'II',
      actual: 13,
      threshold: '≥ 12',
      status: 'final',
    });
    expect(f?.clause).toMatch(/Level II/);
    expect(f?.source).toMatch(/uvsec\.com/);
  });
  it('rests on the least settled decisive threshold', () => {
    const r = classifyIncident(pack, facts({ piRecords: 200_000_000, dataLevels: ['core'] }));
    expect(r.tier).toBe('I');
    expect(r.decisive.map((f) => f.status)).toEqual(['draft', 'unconfirmed']);
    expect(r.restsOn).toBe('unconfirmed');
  });
  it('lists unknown thresholds only at tiers more severe than the result', () => {
    const none = classifyIncident(pack, facts({ sector: 'radio', outageHours: 2 }));
    expect(none.tier).toBeNull();
    expect(none.unknown).toEqual([expect.objectContaining({ criterion: 'outage', tier: 'IV' })]);
    const iv = classifyIncident(pack, facts({ sector: 'radio', outageHours: 2, piRecords: 10 }));
    expect(iv.tier).toBe('IV');
    expect(iv.unknown).toEqual([]);
  });
  it('uses the pack, not constants', () => {
    const stricter = structuredClone(pack);
    stricter.criteria.personalInfoRecords.II.value = { op: 'gte', min: 5_000_000 };
    expect(classifyIncident(stricter, facts({ piRecords: 5_000_000 })).tier).toBe('II');
    expect(classifyIncident(pack, facts({ piRecords: 5_000_000 })).tier).toBe('III');
  });
  it.each<[Partial<IncidentFacts>, RegExp]>([
    [{ type: 'meteor' }, /unknown incident type meteor/],
    [{ piRecords: -1 }, /piRecords must be a non-negative number/],
    [{ outageHours: Number.NaN }, /outageHours/],
  ])('rejects %j', (f, message) => {
    expect(() => classifyIncident(pack, facts(f))).toThrow(message);
  });
});

describe('reclassification', () => {
  it.each<[Partial<IncidentFacts>, Partial<IncidentFacts>, string, string[], string[], string[]]>([
    [{ piRecords: 10 }, { piRecords: 20_000_000 }, 'escalated', [], [], ['personalInfo:IV→II']],
    [{ piRecords: 20_000_000 }, { piRecords: 10 }, 'downgraded', [], [], ['personalInfo:II→IV']],
    [{ piRecords: 10 }, { piRecords: 10, directLossYuan: 1 }, 'unchanged', ['directLoss'], [], []],
    [
      { directLossYuan: 60_000_000 },
      { piRecords: 2_000_000 },
      'unchanged',
      ['personalInfo'],
      ['directLoss'],
      [],
    ],
    [{}, { dataLevels: ['core'] }, 'escalated', ['dataType'], [], []],
  ])('%j → %j: %s', (before, after, direction, added, removed, changed) => {
    const d = reclassification(classifyIncident(pack, facts(before)), classifyIncident(pack, facts(after)));
    expect(d.direction).toBe(direction);
    expect(d.added.map((f) => f.criterion)).toEqual(added);
    expect(d.removed.map((f) => f.criterion)).toEqual(removed);
    expect(d.changed.map((c) => `${c.criterion}:${c.from}→${c.to}`)).toEqual(changed);
  });
  it('reports the tiers it moved between', () => {
    const d = reclassification(
      classifyIncident(pack, facts({})),
      classifyIncident(pack, facts({ piRecords: 1 })),
    );
    expect([d.from, d.to]).toEqual([null, 'IV']);
  });
});

describe('reportingPlan', () => {
  const processorAwareAt = new Date('2025-06-01T02:00:00Z');
  const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

  it.each<[Tier, string[], boolean]>([
    ['I', ['processor-report', 'regulator-phone', 'regulator-written'], true],
    ['II', ['processor-report', 'regulator-phone', 'regulator-written'], true],
    ['III', ['processor-report'], false],
    ['IV', ['processor-report'], false],
  ])('tier %s → %j, duty rota %s', (tier, duties, rota) => {
    const p = reportingPlan(pack, tier, { processorAwareAt });
    expect(p.duties.map((d) => d.duty)).toEqual(duties);
    expect(p.dutyRota !== null).toBe(rota);
    expect(p.unknown.map((u) => u.key)).toEqual(
      rota ? ['reportFields'] : ['otherTierDeadlines', 'reportFields'],
    );
  });
  it('runs the regulator clocks 10 and 30 minutes from when the regulator learns of it (draft)', () => {
    const regulatorAwareAt = new Date('2025-06-01T02:40:00Z');
    const p = reportingPlan(pack, 'I', { processorAwareAt, regulatorAwareAt });
    expect(p.duties.map((d) => [d.duty, d.dueAt, d.legal, d.status])).toEqual([
      ['processor-report', minutesAfter(processorAwareAt, 60), false, 'draft'],
      ['regulator-phone', minutesAfter(regulatorAwareAt, 10), true, 'draft'],
      ['regulator-written', minutesAfter(regulatorAwareAt, 30), true, 'draft'],
    ]);
    expect(p.dutyRota).toMatchObject({ hoursPerDay: 24, status: 'draft' });
  });
  it("starts the regulator's clock at the processor's awareness when the regulator's is unknown", () => {
    const p = reportingPlan(pack, 'II', { processorAwareAt });
    expect(p.duties.find((d) => d.duty === 'regulator-phone')?.dueAt).toEqual(
      minutesAfter(processorAwareAt, 10),
    );
  });
});
