import { describe, expect, it } from 'vitest';
import { type CoverageFact, enterpriseCoverage } from './coverage';
import { bundledProgrammePacks } from './programme-pack';

const { plan } = bundledProgrammePacks();
const cst = (local: string) => new Date(`${local}+08:00`);
const now = cst('2025-06-30T12:00:00');
const filing = (at: string): CoverageFact => ({ kind: 'catalog-filing-approved', at: cst(at) });
const selfExam = (at: string): CoverageFact => ({ kind: 'self-examination-completed', at: cst(at) });

describe('enterpriseCoverage (Bulwark definition, unconfirmed)', () => {
  it.each<[string, CoverageFact[], string[]]>([
    ['no evidence', [], []],
    ['an approved filing before the plan', [filing('2023-06-01T10:00:00')], ['catalog-filing-approved']],
    [
      'a self-examination inside the period',
      [selfExam('2024-03-01T10:00:00')],
      ['self-examination-completed'],
    ],
    [
      'a self-examination on the first day',
      [selfExam('2024-02-23T00:00:00')],
      ['self-examination-completed'],
    ],
    ['a self-examination the day before the plan', [selfExam('2024-02-22T23:59:59')], []],
    ['evidence dated after now', [filing('2025-07-01T10:00:00'), selfExam('2025-07-01T10:00:00')], []],
    [
      'both kinds',
      [selfExam('2025-01-01T10:00:00'), filing('2024-05-01T10:00:00')],
      ['catalog-filing-approved', 'self-examination-completed'],
    ],
  ])('%s → %j', (_, facts, by) => {
    expect(enterpriseCoverage(plan, facts, now)).toEqual({ covered: by.length > 0, by });
  });
  it('stops counting self-examinations after the target date', () => {
    const later = cst('2027-03-01T00:00:00');
    expect(enterpriseCoverage(plan, [selfExam('2026-12-31T23:59:59')], later).covered).toBe(true);
    expect(enterpriseCoverage(plan, [selfExam('2027-01-01T00:00:00')], later).covered).toBe(false);
  });
  it('follows the pack definition', () => {
    const p = structuredClone(plan);
    p.enterpriseCovered.value.anyOf = ['catalog-filing-approved'];
    expect(enterpriseCoverage(p, [selfExam('2025-01-01T10:00:00')], now).covered).toBe(false);
  });
});
