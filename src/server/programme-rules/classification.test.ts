import { describe, expect, it } from 'vitest';
import { deriveLevel, highestLevel, resolveLevel, type WizardAnswers } from './classification';
import type { DataLevel } from './common-schema';
import { bundledProgrammePacks } from './programme-pack';

const { questions } = bundledProgrammePacks();
const allNo: WizardAnswers = Object.fromEntries(
  questions.questions.map((q) => [q.value.id, q.value.answers[0]!.key]),
);

describe('highestLevel (mixed data → highest)', () => {
  it.each<[DataLevel[], DataLevel]>([
    [[], 'general'],
    [['general'], 'general'],
    [['general', 'important'], 'important'],
    [['important', 'general', 'core', 'important'], 'core'],
    [['core', 'general'], 'core'],
  ])('%j → %s', (levels, expected) => {
    expect(highestLevel(levels)).toBe(expected);
  });
});

describe('deriveLevel', () => {
  it.each<[string, WizardAnswers, DataLevel, string[]]>([
    ['every first answer', allNo, 'general', []],
    ['one important factor', { ...allNo, precision: 'high' }, 'important', ['precision']],
    [
      'two important factors',
      { ...allNo, scale: 'industry-or-region', 'important-definition': 'yes' },
      'important',
      ['important-definition', 'scale'],
    ],
    [
      'a core criterion beats important factors',
      { ...allNo, field: 'key-field', 'core-designated': 'yes' },
      'core',
      ['core-designated'],
    ],
    ['partial answers still derive', { 'core-sector-impact': 'yes' }, 'core', ['core-sector-impact']],
  ])('%s → %s', (_, answers, level, by) => {
    const d = deriveLevel(questions, answers);
    expect(d.level).toBe(level);
    expect(d.reasons.map((r) => r.questionId)).toEqual(by);
  });
  it('cites the clause and status of each reason', () => {
    const d = deriveLevel(questions, { 'core-national-security': 'yes', precision: 'high' });
    expect(d.reasons).toEqual([
      {
        questionId: 'core-national-security',
        answerKey: 'yes',
        level: 'core',
        clause: 'Measures art. 11(1) (Feb 2022 second draft)',
        status: 'draft',
      },
    ]);
  });
  it('lists unanswered questions and reports completeness', () => {
    expect(deriveLevel(questions, allNo)).toMatchObject({ complete: true, unanswered: [] });
    const partial = deriveLevel(questions, { field: 'ordinary' });
    expect(partial.complete).toBe(false);
    expect(partial.unanswered).toHaveLength(questions.questions.length - 1);
    expect(partial.unanswered).not.toContain('field');
  });
  it('rejects unknown questions and answers', () => {
    expect(() => deriveLevel(questions, { nope: 'yes' })).toThrow(/unknown question nope/);
    expect(() => deriveLevel(questions, { field: 'maybe' })).toThrow(
      /unknown answer maybe to question field/,
    );
  });
});

describe('resolveLevel (manual override needs a reason)', () => {
  const min = questions.override.value.reasonMinLength;
  it.each<[DataLevel, DataLevel, 'up' | 'down' | 'same']>([
    ['general', 'important', 'up'],
    ['core', 'important', 'down'],
    ['important', 'important', 'same'],
  ])('derived %s, set %s → %s', (derived, level, direction) => {
    const r = resolveLevel(questions, derived, { level, reason: '主管部门书面通知确定的级别' });
    expect(r).toEqual({
      ok: true,
      level,
      derivedLevel: derived,
      overridden: true,
      direction,
      reason: '主管部门书面通知确定的级别',
    });
  });
  it('keeps the derived level without an override', () => {
    expect(resolveLevel(questions, 'important')).toEqual({
      ok: true,
      level: 'important',
      derivedLevel: 'important',
      overridden: false,
      direction: 'same',
    });
  });
  it.each([
    '',
    '   ',
    'x'.repeat(min - 1),
    `  ${'短'.repeat(min - 1)}  `,
  ])('refuses the reason %j', (reason) => {
    expect(resolveLevel(questions, 'core', { level: 'general', reason })).toEqual({
      ok: false,
      code: 'override-reason-required',
      minLength: min,
    });
  });
  it('counts characters, not UTF-16 units, and accepts exactly the minimum', () => {
    // U+20000 is one character but two UTF-16 units.
    expect(resolveLevel(questions, 'core', { level: 'general', reason: '𠀀'.repeat(min - 1) }).ok).toBe(
      false,
    );
    expect(resolveLevel(questions, 'core', { level: 'general', reason: '𠀀'.repeat(min) }).ok).toBe(true);
  });
});
