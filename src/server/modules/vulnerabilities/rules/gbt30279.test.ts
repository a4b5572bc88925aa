import { describe, expect, it } from 'vitest';
import { compareGrades, type GradeIndicators, gradeVulnerability } from './gbt30279';
import { type GbtPack, INDICATORS } from './gbt30279-schema';
import { bundledPacks, unsettled } from './regulation-pack';

const pack = bundledPacks().gbt;

const worst: GradeIndicators = {
  exploitability: { accessPath: 'network', trigger: 'low', privileges: 'none', interaction: 'not-required' },
  impact: { confidentiality: 'severe', integrity: 'severe', availability: 'severe' },
  environment: { exploitationCost: 'low', fixDifficulty: 'high', impactScope: 'high' },
};

describe('gradeVulnerability (shipped draft tables)', () => {
  it('grades an unauthenticated network RCE 超危', () => {
    expect(gradeVulnerability(worst, pack)).toEqual({
      exploitability: 'high',
      impact: 'high',
      technicalGrade: '超危',
      environment: 'high',
      comprehensiveGrade: '超危',
      unconfirmed: true,
    });
  });
  it('grades a local, low-privilege confidentiality leak 中危, adjusted by environment', () => {
    const ind: GradeIndicators = {
      exploitability: { accessPath: 'local', trigger: 'low', privileges: 'low', interaction: 'not-required' },
      impact: { confidentiality: 'severe', integrity: 'none', availability: 'none' },
    };
    const r = gradeVulnerability(ind, pack);
    expect([r.exploitability, r.impact, r.technicalGrade, r.comprehensiveGrade]).toEqual([
      'medium',
      'medium',
      '中危',
      null,
    ]);
    const mid = { exploitationCost: 'mid', fixDifficulty: 'mid', impactScope: 'mid' } as const;
    expect(gradeVulnerability({ ...ind, environment: mid }, pack).comprehensiveGrade).toBe('中危');
    const low = { exploitationCost: 'high', fixDifficulty: 'low', impactScope: 'none' } as const;
    expect(gradeVulnerability({ ...ind, environment: low }, pack).comprehensiveGrade).toBe('低危');
  });
  it('grades no impact 低危 however exploitable', () => {
    const none = { confidentiality: 'none', integrity: 'none', availability: 'none' } as const;
    expect(gradeVulnerability({ ...worst, impact: none, environment: undefined }, pack).technicalGrade).toBe(
      '低危',
    );
  });
  it('grades a physical, high-privilege, full-impact flaw 中危', () => {
    const ex = {
      accessPath: 'physical',
      trigger: 'high',
      privileges: 'high',
      interaction: 'required',
    } as const;
    expect(gradeVulnerability({ ...worst, exploitability: ex }, pack).technicalGrade).toBe('中危');
  });
});

describe('the draft tables are monotone', () => {
  // Each INDICATORS list runs most to least severe; one step toward the front must never lower the grade.
  const {
    accessPath,
    trigger,
    privileges,
    interaction,
    impact,
    exploitationCost,
    fixDifficulty,
    impactScope,
  } = INDICATORS;
  const all: GradeIndicators[] = [];
  for (const a of accessPath)
    for (const t of trigger)
      for (const p of privileges)
        for (const i of interaction)
          for (const c of impact)
            for (const n of impact)
              for (const v of impact)
                for (const e of exploitationCost)
                  for (const f of fixDifficulty)
                    for (const s of impactScope)
                      all.push({
                        exploitability: { accessPath: a, trigger: t, privileges: p, interaction: i },
                        impact: { confidentiality: c, integrity: n, availability: v },
                        environment: { exploitationCost: e, fixDifficulty: f, impactScope: s },
                      });
  const stepUp = (ind: GradeIndicators): GradeIndicators[] => {
    const out: GradeIndicators[] = [];
    for (const [group, key, order] of [
      ['exploitability', 'accessPath', accessPath],
      ['exploitability', 'trigger', trigger],
      ['exploitability', 'privileges', privileges],
      ['exploitability', 'interaction', interaction],
      ['impact', 'confidentiality', impact],
      ['impact', 'integrity', impact],
      ['impact', 'availability', impact],
      ['environment', 'exploitationCost', exploitationCost],
      ['environment', 'fixDifficulty', fixDifficulty],
      ['environment', 'impactScope', impactScope],
    ] as const) {
      const g = ind[group] as Record<string, string>;
      const idx = (order as readonly string[]).indexOf(g[key]!);
      if (idx > 0) out.push({ ...ind, [group]: { ...g, [key]: order[idx - 1] } });
    }
    return out;
  };

  /** Combinations where one step toward more severe lowers a grade; stops after `limit` finds. */
  const violations = (p: GbtPack, limit = Number.POSITIVE_INFINITY) => {
    const found: string[] = [];
    let checked = 0;
    for (const ind of all) {
      const base = gradeVulnerability(ind, p);
      for (const up of stepUp(ind)) {
        const r = gradeVulnerability(up, p);
        const techDown = compareGrades(r.technicalGrade, base.technicalGrade) < 0;
        if (techDown || compareGrades(r.comprehensiveGrade!, base.comprehensiveGrade!) < 0) {
          found.push(JSON.stringify(up));
          if (found.length >= limit) return { found, checked };
        }
        checked++;
      }
    }
    return { found, checked };
  };

  it('holds over all 46,656 indicator combinations', () => {
    expect(all).toHaveLength(4 * 2 * 3 * 2 * 3 ** 3 * 3 * 3 * 4);
    const r = violations(pack);
    expect(r.found).toEqual([]);
    expect(r.checked).toBeGreaterThan(all.length);
  });
  it('catches a non-monotone table', () => {
    const broken = structuredClone(pack);
    broken.technicalGrade.high.medium.value = '低危';
    expect(violations(broken, 1).found).toHaveLength(1);
  });
});

describe('the pack drives the result', () => {
  it('reads cells from the pack, never from code', () => {
    const p = structuredClone(pack);
    p.technicalGrade.high.high.value = '高危';
    p.comprehensiveGrade.高危.high.value = '中危';
    const r = gradeVulnerability(worst, p);
    expect([r.technicalGrade, r.comprehensiveGrade]).toEqual(['高危', '中危']);
  });
  it('reads indicator points and thresholds from the pack', () => {
    const p = structuredClone(pack);
    p.exploitability.points.interaction['not-required'].value = 0;
    p.exploitability.levels.high.value = 7;
    expect(gradeVulnerability(worst, p).exploitability).toBe('medium');
  });
  it('reports unconfirmed until every table used is final', () => {
    const finalised = JSON.parse(JSON.stringify(pack).replaceAll('"unconfirmed"', '"final"')) as GbtPack;
    expect(gradeVulnerability(worst, finalised).unconfirmed).toBe(false);
  });
  it('marks every annex value unconfirmed in the shipped pack', () => {
    const paths = unsettled(pack).map((u) => u.path);
    expect(paths).toHaveLength(58);
    expect(paths.every((p) => !p.startsWith('grades'))).toBe(true);
    expect(paths).toContain('technicalGrade.low.none');
    expect(paths).toContain('comprehensiveGrade.超危.low');
  });
});

describe('compareGrades', () => {
  it('orders 超危 > 高危 > 中危 > 低危', () => {
    expect(compareGrades('超危', '高危')).toBeGreaterThan(0);
    expect(compareGrades('低危', '中危')).toBeLessThan(0);
    expect(compareGrades('中危', '中危')).toBe(0);
  });
});
