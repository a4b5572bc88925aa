import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getEcosystem } from './ecosystems/registry';
import { InvalidRangeError, UnsupportedRangeError } from './errors';
import { intervalsContain } from './interval';
import {
  compileOsvAffected,
  compileOsvRange,
  evaluateOsvAffected,
  evaluateOsvRange,
  isAffected,
  type OsvRange,
} from './osv-range';

const semver = getEcosystem('semver');
const range = (events: OsvRange['events'], type = 'SEMVER'): OsvRange => ({ type, events });

function affected(r: OsvRange, version: string): boolean {
  const result = evaluateOsvRange(version, r, semver);
  if (!result.supported) throw new Error(result.reason);
  return result.affected;
}

function compiledHas(r: OsvRange, version: string): boolean {
  const result = compileOsvRange(r, semver);
  if (!result.supported) throw new Error(result.reason);
  return intervalsContain(result.intervals, semver.sortKey(version));
}

describe('OSV range evaluation (schema "Evaluation" section)', () => {
  it('treats introduced "0" as the start of time and fixed as exclusive', () => {
    const r = range([{ introduced: '0' }, { fixed: '1.0.2' }]);
    expect(['0.0.0-0', '0.0.1', '1.0.1', '1.0.2-rc.1'].map((v) => affected(r, v))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['1.0.2', '2.0.0'].map((v) => affected(r, v))).toEqual([false, false]);
  });

  it('handles several introduced/fixed pairs', () => {
    const r = range([
      { introduced: '1.0.0' },
      { fixed: '1.0.2' },
      { introduced: '3.0.0' },
      { fixed: '3.2.5' },
    ]);
    const versions = ['0.9.0', '1.0.0', '1.0.1', '1.0.2', '2.0.0', '3.0.0', '3.2.4', '3.2.5'];
    expect(versions.map((v) => affected(r, v))).toEqual([false, true, true, false, false, true, true, false]);
  });

  it('treats last_affected as inclusive and an unfixed introduced as open-ended', () => {
    const r = range([{ introduced: '0' }, { last_affected: '2.1.214' }], 'ECOSYSTEM');
    expect(['2.1.214', '2.1.215'].map((v) => affected(r, v))).toEqual([true, false]);
    expect(affected(range([{ introduced: '1.0.0' }]), '99.0.0')).toBe(true);
  });

  it('applies limit events: only versions below some limit are affected; "*" is infinity', () => {
    const r = range([{ introduced: '1.0.0' }, { limit: '1.5.0' }, { limit: '2.5.0' }]);
    expect(['1.4.0', '2.0.0', '2.5.0'].map((v) => affected(r, v))).toEqual([true, true, false]);
    expect(affected(range([{ introduced: '1.0.0' }, { limit: '*' }]), '9.0.0')).toBe(true);
  });

  it('sorts events by version before evaluating them (as the pseudocode does)', () => {
    const r = range([{ fixed: '2.0.0' }, { introduced: '1.0.0' }]);
    expect(['1.5.0', '2.0.0'].map((v) => affected(r, v))).toEqual([true, false]);
  });

  it('reports GIT and unknown range types as unsupported instead of dropping them', () => {
    const git: OsvRange = { type: 'GIT', repo: 'https://example.org/r.git', events: [{ introduced: 'abc' }] };
    expect(evaluateOsvRange('1.0.0', git, semver)).toEqual({
      supported: false,
      index: 0,
      type: 'GIT',
      reason: 'GIT ranges are not supported (they need the commit graph)',
    });
    const compiled = compileOsvAffected(
      { ranges: [range([{ introduced: '0' }]), git, { type: 'WEIRD', events: [] }] },
      semver,
    );
    expect(compiled.unsupported.map((u) => [u.index, u.type])).toEqual([
      [1, 'GIT'],
      [2, 'WEIRD'],
    ]);
    expect(compiled.intervals).toHaveLength(1);
    const evaluated = evaluateOsvAffected('1.0.0', { ranges: [git] }, semver);
    expect(evaluated.affected).toBe(false);
    expect(evaluated.unsupported).toHaveLength(1);
  });

  it('rejects malformed events', () => {
    expect(() => affected(range([{ fixed: '1.0.0' }]), '0.1.0')).toThrow(InvalidRangeError);
    expect(() => affected(range([{ introduced: '0', fixed: '1.0.0' }]), '0.1.0')).toThrow(
      /exactly one field/,
    );
    expect(() => affected(range([{ introduced: 'not a version' }]), '0.1.0')).toThrow(InvalidRangeError);
    expect(() => affected(range([]), '0.1.0')).toThrow(InvalidRangeError);
  });

  it('matches the explicit versions list and reports entries that do not parse', () => {
    const pypi = getEcosystem('PyPI');
    const entry = { versions: ['1.0', '2.0.post1'], ranges: [] };
    expect(evaluateOsvAffected('1.0.0', entry, pypi).affected).toBe(true);
    expect(evaluateOsvAffected('2.0', entry, pypi).affected).toBe(false);
    const compiled = compileOsvAffected({ versions: ['1.0', 'not valid'] }, 'npm');
    expect(compiled.invalidVersions).toEqual(['not valid']);
    expect(intervalsContain(compiled.intervals, getEcosystem('npm').sortKey('1.0.0'))).toBe(true);
  });
});

describe('compiled OSV ranges agree with direct evaluation', () => {
  const version = fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('', '-rc.1'))
    .map(([a, b, pre]) => `${a}.${b}.0${pre}`);
  const event = fc.oneof(
    version.map((v) => ({ introduced: v })),
    fc.constant({ introduced: '0' }),
    version.map((v) => ({ fixed: v })),
    version.map((v) => ({ last_affected: v })),
    version.map((v) => ({ limit: v })),
  );
  const events = fc.array(event, { minLength: 1, maxLength: 6 }).map((e) => [{ introduced: '1.0.0' }, ...e]);

  it('for random event lists and versions', () => {
    fc.assert(
      fc.property(events, fc.array(version, { minLength: 1, maxLength: 8 }), (evs, versions) => {
        const r = range(evs);
        for (const v of versions)
          expect(compiledHas(r, v), `${v} in ${JSON.stringify(evs)}`).toBe(affected(r, v));
      }),
      { numRuns: 250 },
    );
  });
});

describe('isAffected', () => {
  it('answers true/false and throws when the answer depends on an unsupported range', () => {
    const git: OsvRange = { type: 'GIT', repo: 'https://example.org/r.git', events: [{ introduced: 'abc' }] };
    const entry = { ranges: [range([{ introduced: '1.0.0' }, { fixed: '2.0.0' }]), git] };
    expect(isAffected('1.5.0', entry, 'npm')).toBe(true);
    expect(() => isAffected('2.5.0', entry, 'npm')).toThrow(UnsupportedRangeError);
    expect(isAffected('2.5.0', { ranges: [entry.ranges[0] as OsvRange] }, 'npm')).toBe(false);
  });
});
