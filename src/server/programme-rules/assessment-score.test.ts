import { describe, expect, it } from 'vitest';
import { diffExaminations, type ExaminationAnswers, scoreExamination } from './assessment-score';
import type { ControlAnswer, ControlsPack } from './controls-schema';
import { bundledProgrammePacks } from './programme-pack';

const { controls: library } = bundledProgrammePacks();

/** A three-control library: A (ransomware, weight 3), B (ransomware + remote O&M, 1), C (general, 2). */
const tiny: ControlsPack = {
  ...library,
  version: 'test-1',
  controls: [
    ['A', ['ransomware'], 3],
    ['B', ['ransomware', 'remote-om'], 1],
    ['C', ['general'], 2],
  ].map(([id, scenarios, weight]) => ({
    ...library.controls[0]!,
    value: { ...library.controls[0]!.value, id, scenarios, weight },
  })) as ControlsPack['controls'],
};
const all = (a: ControlAnswer): ExaminationAnswers =>
  Object.fromEntries(library.controls.map((c) => [c.value.id, a]));

describe('scoreExamination', () => {
  it.each<[string, ExaminationAnswers, number | null, number | null, number | null]>([
    // name, answers, overall, ransomware, general
    ['all yes', { A: 'yes', B: 'yes', C: 'yes' }, 100, 100, 100],
    ['all no', { A: 'no', B: 'no', C: 'no' }, 0, 0, 0],
    ['partial earns half', { A: 'partial', B: 'partial', C: 'partial' }, 50, 50, 50],
    ['weights count', { A: 'yes', B: 'no', C: 'no' }, 50, 75, 0],
    [
      'not applicable leaves the denominator',
      { A: 'not-applicable', B: 'yes', C: 'no' },
      (1 / 3) * 100,
      100,
      0,
    ],
    [
      'all not applicable scores null',
      { A: 'not-applicable', B: 'not-applicable', C: 'not-applicable' },
      null,
      null,
      null,
    ],
    ['unanswered counts as no', { A: 'yes' }, 50, 75, 0],
  ])('%s', (_, answers, overall, ransomware, general) => {
    const s = scoreExamination(tiny, answers);
    const close = (v: number | null, e: number | null) =>
      e === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(e, 9);
    close(s.overall.score, overall);
    close(s.byScenario.ransomware.score, ransomware);
    close(s.byScenario.general.score, general);
  });
  it('counts a multi-scenario control in each scenario and once overall', () => {
    const s = scoreExamination(tiny, { A: 'no', B: 'yes', C: 'no' });
    expect(s.byScenario['remote-om']).toMatchObject({ score: 100, controls: 1, possible: 1 });
    expect(s.byScenario.ransomware).toMatchObject({ controls: 2, possible: 4, earned: 1 });
    expect(s.overall).toMatchObject({ controls: 3, possible: 6, earned: 1 });
    expect(s.byScenario['vulnerability-backdoor']).toMatchObject({ score: null, controls: 0 });
  });
  it('reports unanswered and unknown ids and the library version', () => {
    const s = scoreExamination(tiny, { A: 'yes', ZZ: 'no' });
    expect(s).toMatchObject({
      libraryVersion: 'test-1',
      unanswered: ['B', 'C'],
      unknown: ['ZZ'],
      complete: false,
    });
    expect(s.overall.unanswered).toBe(2);
  });
  it('can exclude unanswered controls instead, per the pack', () => {
    const excl = structuredClone(tiny);
    excl.scoring.value.unansweredAs = 'excluded';
    expect(scoreExamination(excl, { A: 'yes' }).overall.score).toBe(100);
  });
  it('rejects an answer outside yes/partial/no/not-applicable', () => {
    expect(() => scoreExamination(tiny, { A: 'maybe' as ControlAnswer })).toThrow(
      /invalid answer maybe to A/,
    );
  });
  it('scores the bundled library: every scenario has applicable controls', () => {
    const s = scoreExamination(library, all('yes'));
    expect(s.complete).toBe(true);
    expect(s.overall.score).toBe(100);
    for (const sc of Object.values(s.byScenario)) expect(sc.controls).toBeGreaterThan(0);
    expect(scoreExamination(library, all('partial')).overall.score).toBe(50);
  });
});

describe('diffExaminations', () => {
  it('sorts answer changes into improved, regressed and changed, with score deltas', () => {
    const d = diffExaminations(
      tiny,
      { A: 'no', B: 'yes', C: 'partial' },
      { A: 'yes', B: 'partial', C: 'not-applicable' },
    );
    expect(d.improved).toEqual([{ id: 'A', from: 'no', to: 'yes' }]);
    expect(d.regressed).toEqual([{ id: 'B', from: 'yes', to: 'partial' }]);
    expect(d.changed).toEqual([{ id: 'C', from: 'partial', to: 'not-applicable' }]);
    // Before: (0 + 1 + 1) / 6; after: (3 + 0.5) / 4.
    expect(d.overallDelta).toBeCloseTo((3.5 / 4) * 100 - (2 / 6) * 100, 9);
    expect(d.byScenario.ransomware).toBeCloseTo(87.5 - 25, 9);
    expect(d.byScenario.general).toBeNull();
  });
  it.each<[ExaminationAnswers, ExaminationAnswers, string]>([
    [{}, { A: 'no' }, 'changed'],
    [{ A: 'yes' }, {}, 'changed'],
    [{ A: 'no' }, { A: 'partial' }, 'improved'],
    [{ A: 'partial' }, { A: 'no' }, 'regressed'],
  ])('%j → %j is %s', (before, after, bucket) => {
    const d = diffExaminations(tiny, before, after);
    const buckets = { improved: d.improved, regressed: d.regressed, changed: d.changed };
    expect(
      Object.entries(buckets)
        .filter(([, v]) => v.length > 0)
        .map(([k]) => k),
    ).toEqual([bucket]);
  });
  it('lists retired controls and leaves identical examinations unchanged', () => {
    const d = diffExaminations(tiny, { A: 'yes', OLD: 'no' }, { A: 'yes' });
    expect(d.retired).toEqual(['OLD']);
    expect([d.improved, d.regressed, d.changed]).toEqual([[], [], []]);
    expect(d.overallDelta).toBe(0);
  });
});
