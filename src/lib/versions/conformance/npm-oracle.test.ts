import { readdirSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { npm } from '../ecosystems/semver';
import { matchesCompiled } from '../interval';
import { compileNpmRange } from '../native/npm-range';
import { readVector, VECTORS } from './vectors';

/**
 * Differential test of npm range evaluation against the `semver` package (node-semver, default options) on the
 * 1,221 range strings of the Node.js Security WG advisories (npm: vulnerable_versions / patched_versions;
 * core: vulnerable / patched).
 */

function collectRanges(): string[] {
  const out: string[] = [];
  for (const [dir, fields] of [
    ['npm', ['vulnerable_versions', 'patched_versions']],
    ['core', ['vulnerable', 'patched']],
  ] as const) {
    const base = new URL(`advisories/nodejs-security-wg/${dir}/`, VECTORS);
    for (const file of readdirSync(base).filter((f) => f.endsWith('.json'))) {
      const record = JSON.parse(readVector(`advisories/nodejs-security-wg/${dir}/${file}`)) as Record<
        string,
        unknown
      >;
      for (const field of fields) {
        const value = record[field];
        if (typeof value === 'string' && value !== '') out.push(value);
      }
    }
  }
  return out;
}

/** Versions around every version literal of a range: neighbours, x-range expansions and pre-releases. */
function probeVersions(range: string): string[] {
  const out = new Set<string>(['0.0.0', '0.0.1', '0.1.0', '1.0.0', '1.0.0-alpha', '99.99.99', '0.0.0-0']);
  for (const m of range.matchAll(/(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(-[0-9A-Za-z.-]+)?/g)) {
    const major = Number(m[1]);
    const minor = m[2] && /^\d+$/.test(m[2]) ? Number(m[2]) : 0;
    const patch = m[3] && /^\d+$/.test(m[3]) ? Number(m[3]) : 0;
    if (m[4]) out.add(`${major}.${minor}.${patch}${m[4]}`);
    for (const [M, mi, p] of [
      [major, minor, patch],
      [major, minor, patch + 1],
      [major, minor, Math.max(0, patch - 1)],
      [major, minor + 1, 0],
      [major, Math.max(0, minor - 1), 99],
      [major + 1, 0, 0],
      [Math.max(0, major - 1), 99, 0],
    ] as const) {
      out.add(`${M}.${mi}.${p}`);
      out.add(`${M}.${mi}.${p}-0`);
      out.add(`${M}.${mi}.${p}-beta.2`);
      out.add(`${M}.${mi}.${p}-rc.1`);
      out.add(`${M}.${mi}.${p}+build.7`);
    }
  }
  return [...out].filter((v) => semver.valid(v) !== null);
}

describe('npm ranges vs node-semver', () => {
  it('agrees with semver.satisfies on every Security WG range string', () => {
    const ranges = collectRanges();
    expect(ranges.length).toBe(1221);
    const keys = new Map<string, { key: string; pre: boolean; parsed: semver.SemVer }>();
    const keyOf = (v: string) => {
      let k = keys.get(v);
      if (!k) {
        k = { key: npm.sortKey(v), pre: npm.isPrerelease(v), parsed: new semver.SemVer(v) };
        keys.set(v, k);
      }
      return k;
    };
    let evaluations = 0;
    const disagreements: string[] = [];
    // Equal range strings give equal answers, so each distinct string is evaluated once.
    for (const range of new Set(ranges)) {
      const oracle = new semver.Range(range);
      const compiled = compileNpmRange(range);
      for (const version of probeVersions(range)) {
        evaluations++;
        const { key, pre, parsed } = keyOf(version);
        const ours = matchesCompiled(compiled, key, pre);
        if (ours !== oracle.test(parsed))
          disagreements.push(`${version} in ${JSON.stringify(range)}: ours=${ours}`);
      }
    }
    console.log(
      `npm-range: ${evaluations - disagreements.length}/${evaluations} evaluations agree with semver.satisfies ` +
        `(${ranges.length} range strings, ${new Set(ranges).size} distinct, ${keys.size} distinct versions)`,
    );
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});
