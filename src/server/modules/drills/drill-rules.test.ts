import { describe, expect, it } from 'vitest';
import {
  advancedMinute,
  currentMinute,
  dueInjects,
  expectationResults,
  measure,
  nextInjectMinute,
  satisfiedMinute,
} from './drill-rules';
import { BUILT_IN_SCENARIOS, parseScenario } from './scenario-library';

const ransomware = BUILT_IN_SCENARIOS.get('builtin-ransomware')!;
const start = new Date('2026-03-02T02:00:00Z');

describe('drill clock', () => {
  it('is 0 before the start, the facilitator offset in facilitator mode, wall-clock minutes in real time', () => {
    const base = { startedAt: start, offsetMinutes: 25, completedMinute: null };
    const later = new Date(start.getTime() + 17.9 * 60_000);
    expect(currentMinute({ ...base, mode: 'facilitator', status: 'scheduled', startedAt: null }, later)).toBe(
      0,
    );
    expect(currentMinute({ ...base, mode: 'facilitator', status: 'running' }, later)).toBe(25);
    expect(currentMinute({ ...base, mode: 'real-time', status: 'running' }, later)).toBe(17);
    expect(
      currentMinute({ ...base, mode: 'real-time', status: 'completed', completedMinute: 80 }, later),
    ).toBe(80);
  });

  it('delivers injects due by the minute, and advances to the next inject or by N minutes', () => {
    expect(dueInjects(ransomware.injects, 10, true).map((i) => i.key)).toEqual([
      'initial-access',
      'encryption-detected',
    ]);
    expect(dueInjects(ransomware.injects, 10, false)).toEqual([]);
    expect(nextInjectMinute(ransomware.injects, 10)).toBe(20);
    expect(advancedMinute(ransomware.injects, 10, { to: 'next' })).toBe(20);
    expect(advancedMinute(ransomware.injects, 10, { minutes: 7 })).toBe(17);
    expect(advancedMinute(ransomware.injects, 70, { to: 'next' })).toBeNull();
  });
});

describe('measures and score', () => {
  const actions = [
    { id: 'a1', injectKey: 'initial-access', minute: 6, claim: 'detected' as const },
    { id: 'a2', injectKey: 'encryption-detected', minute: 55, claim: 'contained' as const },
  ];

  it('dates a met expectation by the named action, else the first claiming action, else now', () => {
    expect(satisfiedMinute(actions, 'initial-access', 'detected', undefined, 30)).toEqual({
      minute: 6,
      actionId: 'a1',
    });
    expect(satisfiedMinute(actions, 'recovery', 'restored', undefined, 90)).toEqual({
      minute: 90,
      actionId: null,
    });
    expect(satisfiedMinute(actions, 'encryption-detected', 'contained', 'a2', 60)).toEqual({
      minute: 55,
      actionId: 'a2',
    });
  });

  it('measures time to detect/contain/report/restore from the first inject and scores met in budget 1, late ½', () => {
    const results = expectationResults(ransomware, {
      'initial-access:detected': { status: 'met', minute: 6, actionId: 'a1' },
      // Budget 30 from minute 10: met at 55 is late.
      'encryption-detected:contained': { status: 'met', minute: 55, actionId: 'a2' },
      'data-leak-threat:reported-in-time': { status: 'missed', minute: null, actionId: null },
    });
    expect(results.map((r) => [r.key, r.status, r.inBudget])).toEqual([
      ['detected', 'met', true],
      ['contained', 'met', false],
      ['reported-in-time', 'missed', false],
      ['restored', 'pending', null],
    ]);
    expect(measure(ransomware, results)).toEqual({
      timeToDetect: 6,
      timeToContain: 55,
      timeToReport: null,
      timeToRestore: null,
      met: 2,
      total: 4,
      score: 38,
    });
  });

  it('scores 100 when every expectation is met in budget, and 0 with nothing to score', () => {
    const all = Object.fromEntries(
      ransomware.injects.flatMap((i) =>
        i.expectations.map((e) => [
          `${i.key}:${e.key}`,
          { status: 'met' as const, minute: i.minute + 1, actionId: null },
        ]),
      ),
    );
    const m = measure(ransomware, expectationResults(ransomware, all));
    expect(m).toMatchObject({ score: 100, met: 4, total: 4, timeToDetect: 1, timeToRestore: 71 });
    const bare = { ...ransomware, injects: ransomware.injects.map((i) => ({ ...i, expectations: [] })) };
    expect(measure(bare, expectationResults(bare, {})).score).toBe(0);
  });
});

describe('scenario library', () => {
  it('ships a ransomware scenario with one inject raising a tier II-shaped incident, and an insider one', () => {
    expect(ransomware.injects.map((i) => i.key)).toEqual([
      'initial-access',
      'encryption-detected',
      'ransom-note',
      'backup-check',
      'data-leak-threat',
      'regulator-report',
      'recovery',
    ]);
    const raising = ransomware.injects.filter((i) => i.raisesIncident);
    expect(raising).toHaveLength(1);
    expect(raising[0]!.raisesIncident!.facts).toMatchObject({
      type: 'ransomware',
      dataLevels: ['important'],
      harm: 'serious',
    });
    expect(BUILT_IN_SCENARIOS.get('builtin-insider-misuse')!.threat).toBe('insider-misuse');
  });

  it('rejects a bad scenario naming the file and the field', () => {
    const bad = { ...ransomware, injects: [ransomware.injects[1], ransomware.injects[0]] };
    expect(() => parseScenario('x.json', bad)).toThrow(/x\.json.*injects\.1\.minute/);
    const twice = {
      ...ransomware,
      injects: [ransomware.injects[4], { ...ransomware.injects[4], key: 'again' }],
    };
    expect(() => parseScenario('y.json', twice)).toThrow(/injects\.1\.raisesIncident/);
  });
});
