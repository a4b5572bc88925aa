import { describe, expect, it } from 'vitest';
import { getEcosystem } from './ecosystems/registry';
import { InvalidRangeError, UnknownEcosystemError } from './errors';
import { intervalsContain } from './interval';
import { compileVers, formatVers, intervalsToVers, normalizeVers, parseVers, versContains } from './vers';

describe('parseVers', () => {
  it('is lenient by default: whitespace, case, stray pipes, "=" and unsorted constraints', () => {
    const v = parseVers(' VERS:NPM/ >=2.0.0 | =1.2.3 |<5.0.0| ');
    expect(v).toEqual({
      scheme: 'npm',
      star: false,
      constraints: [
        { comparator: '=', version: '1.2.3' },
        { comparator: '>=', version: '2.0.0' },
        { comparator: '<', version: '5.0.0' },
      ],
    });
    expect(formatVers(v)).toBe('vers:npm/1.2.3|>=2.0.0|<5.0.0');
  });

  it('enforces the canonical rules when asked', () => {
    const reason = (input: string) => {
      try {
        parseVers(input, { canonical: true });
        return 'ok';
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRangeError);
        return (error as InvalidRangeError).reason;
      }
    };
    expect(reason('vers:npm/1.2.3|>=2.0.0|<5.0.0')).toBe('ok');
    expect(reason('vers:npm/=1.2.3')).toMatch(/"=" comparator/);
    expect(reason('vers:npm/1.0.0|1.0.0')).toMatch(/unique/);
    expect(reason('vers:npm/>1.0.0|>2.0.0')).toMatch(/sequence/);
    expect(reason('vers:npm/1.0.0|<2.0.0')).toMatch(/sequence/);
    expect(reason('vers:npm/1.0%3e0')).toMatch(/not canonical/);
    expect(reason('vers:npm/1.0%41')).toMatch(/not canonical/);
    expect(reason('vers:npm/*|1.0.0')).toMatch(/only constraint/);
    expect(reason('vers:invalid/1.0.0')).toMatch(/always invalid/);
    expect(reason('vers:npm/')).toMatch(/no version constraints/);
    expect(reason('npm/1.0.0')).toMatch(/vers:/);
  });

  it('percent-decodes versions once and re-encodes the reserved characters', () => {
    const v = parseVers('vers:npm/1.0%252F0|>=2.0.0%7C1');
    expect(v.constraints.map((c) => c.version)).toEqual(['1.0%2F0', '2.0.0|1']);
    expect(formatVers(v)).toBe('vers:npm/1.0%252F0|>=2.0.0%7C1');
  });
});

describe('vers containment and compilation', () => {
  const npm = getEcosystem('npm');
  const has = (vers: string, version: string) => {
    const viaCompile = intervalsContain(compileVers(vers).intervals, npm.sortKey(version));
    expect(versContains(vers, version)).toBe(viaCompile);
    return viaCompile;
  };

  it('reads constraints as intervals in version order', () => {
    const vers = 'vers:npm/1.2.3|>=2.0.0|<3.0.0|!=2.5.0|>=4.0.0';
    const probes = ['1.2.3', '1.2.4', '2.0.0', '2.5.0', '2.9.9', '3.0.0', '4.0.0', '9.0.0'];
    expect(probes.map((v) => has(vers, v))).toEqual([true, false, true, false, true, false, true, true]);
  });

  it('gives "*" every version and a list of only "!=" every other version', () => {
    expect(has('vers:npm/*', '0.0.1')).toBe(true);
    expect(['1.0.0', '2.0.0', '3.0.0'].map((v) => has('vers:npm/!=1.0.0|!=2.0.0', v))).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('reads redundant sequences as their union (the vers simplification rules)', () => {
    expect(['0.5.0', '1.5.0', '2.5.0'].map((v) => has('vers:npm/>1.0.0|>2.0.0', v))).toEqual([
      false,
      true,
      true,
    ]);
    expect(['0.5.0', '1.5.0', '2.5.0'].map((v) => has('vers:npm/<1.0.0|<2.0.0', v))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("uses each scheme's own ordering and rejects unsupported schemes", () => {
    expect(versContains('vers:deb/>=1.0~rc1|<1.0', '1.0~rc2')).toBe(true);
    expect(versContains('vers:maven/>=1.0-alpha|<1.0', '1.0-SNAPSHOT')).toBe(true);
    expect(versContains('vers:datetime/>=2024-01-01T00:00:00Z', '2023-12-31T23:30:00-01:00')).toBe(true);
    expect(() => versContains('vers:conan/>=1.0', '1.0')).toThrow(UnknownEcosystemError);
    expect(normalizeVers('vers:conan/2.0|1.0')).toBe('vers:conan/2.0|1.0');
  });

  it('writes intervals back as vers, with "!=" for one-version gaps', () => {
    const vers = 'vers:npm/1.0.0|>=2.0.0|!=2.5.0|<3.0.0';
    expect(intervalsToVers('npm', compileVers(vers).intervals)).toBe(vers);
    expect(intervalsToVers('npm', compileVers('vers:npm/*').intervals)).toBe('vers:npm/*');
    expect(() => intervalsToVers('npm', [])).toThrow(InvalidRangeError);
  });
});
