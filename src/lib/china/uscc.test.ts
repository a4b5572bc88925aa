import { describe, expect, it } from 'vitest';
import { isUscc, usccCheckCharacter, usccProblem } from './uscc';

/** GB 32100-2015 §4: the 31 characters a code may use (no I, O, S, V, Z). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Valid codes in the published format: the standard's own examples and codes printed on public business licences
 * (enterprise 91…, institution 12…), each of whose check character the function below recomputes.
 */
const VALID = [
  '91350100M000100Y43', // GB 32100-2015 example
  '91110000802100433B', // 北京百度网讯科技有限公司
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100716105852F', // 阿里巴巴(中国)有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '12100000400000624D', // a central public institution (registration authority 1, category 2)
];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s and recomputes its check character', (code) => {
    expect(isUscc(code)).toBe(true);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
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

  it('rejects every single-character substitution of every valid code (18 positions × 30 other characters)', () => {
    const accepted: string[] = [];
    let tried = 0;
    for (const code of VALID) {
      for (let i = 0; i < code.length; i++) {
        for (const c of ALPHABET) {
          if (c === code[i]) continue;
          const corrupted = code.slice(0, i) + c + code.slice(i + 1);
          tried++;
          if (isUscc(corrupted)) accepted.push(corrupted);
        }
      }
    }
    expect(tried).toBe(VALID.length * 18 * 30);
    expect(accepted).toEqual([]);
  });

  it('rejects a character outside the alphabet at any position', () => {
    for (const code of VALID) {
      for (let i = 0; i < code.length; i++) {
        for (const c of 'IOSVZa-') expect(isUscc(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
      }
    }
  });
});
