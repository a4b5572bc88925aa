import { describe, expect, it } from 'vitest';
import { isUscc, usccCheckCharacter, usccProblem } from './uscc';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000802100433B'])('accepts the published example %s', (code) => {
    expect(isUscc(code)).toBe(true);
  });
  it('rejects a wrong check character, a forbidden letter and a wrong length', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check character must be 3');
    expect(usccProblem('91350100M000100I43')).toMatch(/not allowed/);
    expect(usccProblem('9135')).toBe('must be 18 characters');
  });
  it('computes the check character of the published examples, and none for impossible prefixes', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('91110000802100433')).toBe('B');
    expect(usccCheckCharacter('91350100M000100I4')).toBeNull();
    expect(usccCheckCharacter('9135')).toBeNull();
  });
});
