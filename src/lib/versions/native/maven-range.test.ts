import { describe, expect, it } from 'vitest';
import { InvalidRangeError } from '../errors';
import { compileBracketRange, satisfiesBracketRange } from './maven-range';
import { compileNativeRange, nativeToVers, satisfiesNative } from './native-range';

const inMaven = (range: string, versions: string[]) =>
  versions.map((v) => satisfiesBracketRange(v, range, 'Maven'));

describe('Maven / NuGet bracket ranges', () => {
  it('reads inclusive and exclusive bounds, open ends, exact versions and unions', () => {
    expect(inMaven('[1.0,2.0)', ['0.9', '1.0', '1.5', '2.0-SNAPSHOT', '2.0'])).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(inMaven('(,1.0]', ['0.1', '1.0', '1.0.1'])).toEqual([true, true, false]);
    expect(inMaven('[1.5]', ['1.5', '1.5.0', '1.6'])).toEqual([true, true, false]);
    expect(inMaven('(,1.0],[1.2,)', ['1.1', '1.0', '1.2', '9'])).toEqual([false, true, true, true]);
    expect(inMaven('1.0', ['1.0', '1.1'])).toEqual([true, false]);
    expect(satisfiesBracketRange('3.0.0', '1.0', 'NuGet')).toBe(true);
    expect(satisfiesBracketRange('1.5.0', '[1.0.0, 2.0.0)', 'NuGet')).toBe(true);
  });

  it('rejects malformed ranges', () => {
    for (const bad of ['[1.0,2.0', '(1.0]', '[2.0,1.0]', '[1.0,1.0)', '[1,2,3]', '', '1.0]']) {
      expect(() => compileBracketRange(bad, 'Maven'), bad).toThrow(InvalidRangeError);
    }
  });
});

describe('native range dispatch', () => {
  it('picks the syntax of the ecosystem', () => {
    expect(satisfiesNative('npm', '1.5.0', '^1.2.0')).toBe(true);
    expect(satisfiesNative('PyPI', '1.5', '~=1.2')).toBe(true);
    expect(satisfiesNative('Maven:https://repo.example', '1.5', '[1.0,2.0)')).toBe(true);
    expect(() => compileNativeRange('Debian', '>= 1.0')).toThrow(/no native range syntax/);
  });

  it('converts native ranges to vers', () => {
    expect(nativeToVers('pypi', '~=1.4, !=1.4.2')).toBe('vers:pypi/>=1.4|!=1.4.2|<2');
    expect(nativeToVers('maven', '(,1.0],[1.2,)')).toBe('vers:maven/<=1.0|>=1.2');
    expect(nativeToVers('npm', '^1.2.3 || 0.9.0')).toBe('vers:npm/0.9.0|>=1.2.3|<2.0.0-0');
  });
});
