import { describe, expect, it } from 'vitest';
import { cleanRanges, rangeText } from './versionRange';

describe('rangeText', () => {
  it('writes OSV events as an interval', () => {
    expect(rangeText({ introduced: '5.0.0', fixed: '5.2.4' })).toBe('≥ 5.0.0, < 5.2.4');
    expect(rangeText({ introduced: '5.0.0' })).toBe('≥ 5.0.0');
    expect(rangeText({ lastAffected: '4.9' })).toBe('≤ 4.9');
    expect(rangeText({})).toBe('*');
  });
});

describe('cleanRanges', () => {
  it('drops blank bounds and blank rows and trims the rest', () => {
    expect(
      cleanRanges([
        { introduced: ' 5.0.0 ', fixed: '' },
        undefined,
        { introduced: '  ' },
        { lastAffected: '4.9' },
      ]),
    ).toEqual([{ introduced: '5.0.0' }, { lastAffected: '4.9' }]);
  });
});
