import { describe, expect, it } from 'vitest';
import { type CoverageFact, enterpriseCoverage, shanghaiYear } from './coverage';
import { bundledProgrammePacks } from './programme-pack';

const { plan } = bundledProgrammePacks();
const cst = (local: string) => new Date(`${local}+08:00`);
const now = cst('2025-06-30T12:00:00');
const filing = (at: string): CoverageFact => ({ kind: 'catalog-filing-approved', at: cst(at) });
const selfExam = (at: string): CoverageFact => ({ kind: 'self-examination-completed', at: cst(at) });
const F = 'catalog-filing-approved';
const S = 'self-examination-completed';

describe('enterpriseCoverage (Bulwark definition, unconfirmed)', () => {
  it.each<[string, CoverageFact[], string[]]>([
    ['no evidence', [], []],
    ['only an approved filing', [filing('2023-06-01T10:00:00')], [F]],
    ['only a self-examination this year', [selfExam('2025-03-01T10:00:00')], [S]],
    [
      'an approved filing before the plan and a self-examination this year',
      [filing('2023-06-01T10:00:00'), selfExam('2025-01-01T00:00:00')],
      [F, S],
    ],
    [
      'a self-examination last year does not count this year',
      [filing('2024-06-01T10:00:00'), selfExam('2024-12-31T23:59:59')],
      [F],
    ],
    ['evidence dated after now', [filing('2025-07-01T10:00:00'), selfExam('2025-07-01T10:00:00')], []],
  ])('%s → %j', (_, facts, by) => {
    const r = enterpriseCoverage(plan, facts, now);
    expect(r.by).toEqual(by);
    expect(r.missing).toEqual([F, S].filter((k) => !by.includes(k)));
    expect(r.covered).toBe(by.length === 2);
  });
  it('reads the year in Shanghai time', () => {
    expect(shanghaiYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
    expect(shanghaiYear(new Date('2024-12-31T15:59:59Z'))).toBe(2024);
  });
  it('stops counting self-examinations after the target date', () => {
    const later = cst('2027-03-01T00:00:00');
    const f = filing('2025-01-01T00:00:00');
    expect(enterpriseCoverage(plan, [f, selfExam('2027-01-05T00:00:00')], later).covered).toBe(false);
    const end = cst('2026-12-31T23:00:00');
    expect(enterpriseCoverage(plan, [f, selfExam('2026-12-31T22:00:00')], end).covered).toBe(true);
  });
  it('follows the pack definition', () => {
    const p = structuredClone(plan);
    p.enterpriseCovered.value.allOf = [F];
    expect(enterpriseCoverage(p, [filing('2025-01-01T10:00:00')], now).covered).toBe(true);
    p.enterpriseCovered.value.currentYear = [];
    p.enterpriseCovered.value.allOf = [S];
    expect(enterpriseCoverage(p, [selfExam('2024-03-01T10:00:00')], now).covered).toBe(true);
  });
});
