import { describe, expect, it } from 'vitest';
import { InvalidRangeError } from '../errors';
import { compileNpmRange, isStrictSemver, parseNpmRange, satisfiesNpm } from './npm-range';

const sat = (range: string, versions: string[]) => versions.map((v) => satisfiesNpm(v, range));

describe('node-semver range desugaring', () => {
  it('expands hyphen, caret, tilde, x-ranges and stars as node-semver does', () => {
    const text = (range: string) =>
      parseNpmRange(range)
        .map((set) => set.map((c) => (c.version === null ? '*' : `${c.op}${c.version}`)).join(' '))
        .join(' || ');
    expect(text('1.2.3 - 2.3')).toBe('>=1.2.3 <2.4.0-0');
    expect(text('^0.0.3')).toBe('>=0.0.3 <0.0.4-0');
    expect(text('^1.2.3-beta.2')).toBe('>=1.2.3-beta.2 <2.0.0-0');
    expect(text('~1.2')).toBe('>=1.2.0 <1.3.0-0');
    expect(text('~> 3.8')).toBe('>=3.8.0 <3.9.0-0');
    expect(text('>1.2')).toBe('>=1.3.0');
    expect(text('<=1.2.x')).toBe('<1.3.0-0');
    expect(text('>=  1.0.0')).toBe('>=1.0.0');
    expect(text('*')).toBe('*');
    expect(text('')).toBe('*');
    expect(text('>x || 1.0.0')).toBe('1.0.0');
  });

  it('rejects ranges node-semver rejects', () => {
    for (const bad of ['1.x.2', 'not a range', '>=1.0.0 <', '~1.2.3.4', '> = 1.0.0']) {
      expect(() => parseNpmRange(bad), bad).toThrow(InvalidRangeError);
    }
  });
});

describe('satisfiesNpm', () => {
  it('evaluates comparator sets joined by ||', () => {
    expect(sat('>=1.0.0 <1.2.0 || >=2.0.0', ['0.9.9', '1.1.9', '1.2.0', '2.5.0'])).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('admits a pre-release only when a comparator of the same [major, minor, patch] names one', () => {
    expect(sat('>=1.2.3-beta.1 <2.0.0', ['1.2.3-beta.2', '1.2.3-alpha', '1.2.4-beta.1', '1.2.4'])).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(sat('*', ['1.0.0-rc.1', '1.0.0'])).toEqual([false, true]);
    expect(sat('<2.0.0', ['2.0.0-rc.1'])).toEqual([false]);
  });

  it('exposes the pre-release rule in the compiled form', () => {
    const compiled = compileNpmRange('>=1.2.3-beta.1 <2.0.0');
    expect(compiled.stableIntervals).toHaveLength(1);
    expect(compiled.intervals).toHaveLength(1);
    expect(compiled.intervals[0]?.lower?.version).toBe('1.2.3-beta.1');
    expect(compiled.intervals[0]?.upper?.version).toBe('1.2.3');
  });

  it('accepts non-strict versions by their npm ordering and rejects garbage', () => {
    expect(isStrictSemver('1.2')).toBe(false);
    expect(satisfiesNpm('1.2', '^1.0.0')).toBe(true);
    expect(() => satisfiesNpm('latest', '^1.0.0')).toThrow();
  });
});
