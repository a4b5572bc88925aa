import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidRangeError } from '../errors';
import { compilePep440, parsePep440Specifiers, satisfiesPep440 } from './pep440-specifier';

/** Expected answers are `packaging` 26.2's `SpecifierSet(spec).contains(version)`. */
const CASES: readonly (readonly [string, string, boolean])[] = [
  ['~=2.2', '2.2', true],
  ['~=2.2', '2.3', true],
  ['~=2.2', '2.2.post1', true],
  ['~=2.2', '3.0', false],
  ['~=2.2', '2.1', false],
  ['~=1.4.5a4', '1.4.5a4', true],
  ['~=1.4.5a4', '1.4.9', true],
  ['~=1.4.5a4', '1.5', false],
  ['~=1.4.5a4', '1.4.5a3', false],
  ['==1.1.*', '1.1', true],
  ['==1.1.*', '1.1.post1', true],
  ['==1.1.*', '1.1.5', true],
  ['==1.1.*', '1.2', false],
  ['==1.1.*', '1.10', false],
  ['==1.1.*', '1.1a1', true],
  ['==1.0', '1.0', true],
  ['==1.0', '1.0.0', true],
  ['==1.0', '1.0+local.7', true],
  ['==1.0', '1.0.1', false],
  ['==1.0+local', '1.0+local', true],
  ['==1.0+local', '1.0', false],
  ['!=1.0', '1.0', false],
  ['!=1.0', '1.0+abc', false],
  ['!=1.0', '1.1', true],
  ['!=1.0', '0.9', true],
  ['<=1.0', '1.0', true],
  ['<=1.0', '1.0+local', true],
  ['<=1.0', '1.0.post1', false],
  ['<=1.0', '0.5', true],
  ['>=1.0', '1.0', true],
  ['>=1.0', '2.0', true],
  ['>=1.0', '2.0b1', true],
  ['>=1.0', '0.9', false],
  ['<1.0', '0.9', true],
  ['<1.0', '1.0a1', false],
  ['<1.0', '1.0.dev1', false],
  ['<1.0', '1.0', false],
  ['<1.0a2', '1.0a1', true],
  ['<1.0a2', '0.9.dev0', true],
  ['<1.0a2', '1.0a2', false],
  ['<1.0.post2', '1.0', true],
  ['<1.0.post2', '1.0.post1', true],
  ['<1.0.post2', '1.0+local', true],
  ['<1.0.post2', '1.0.post2', false],
  ['<1.0.post2', '1.0.post2.dev1', false],
  ['<1.0.post2', '1.0a1', true],
  ['>1.7', '1.7.1', true],
  ['>1.7', '1.7.post1', false],
  ['>1.7', '1.7+local', false],
  ['>1.7', '1.7', false],
  ['>1.7', '1.8', true],
  ['>1.7.post2', '1.7.post3', true],
  ['>1.7.post2', '1.7.post2', false],
  ['>1.7.post2', '1.7.post2+local', false],
  ['>1.7.post2', '1.8', true],
  ['>1.7a1', '1.7a2', true],
  ['>1.7a1', '1.7', true],
  ['>1.7a1', '1.7.post1', true],
  ['>1.7a1', '1.7a1.post1', false],
  ['>1.7a1', '1.7a1+local', false],
  ['>1.7a1', '1.8', true],
  ['>=1.0,<2.0,!=1.5.*', '1.4', true],
  ['>=1.0,<2.0,!=1.5.*', '1.5.2', false],
  ['>=1.0,<2.0,!=1.5.*', '1.6', true],
  ['>=1.0,<2.0,!=1.5.*', '2.0', false],
  ['', '1.0', true],
  ['', '1.0rc1', true],
];

describe('PEP 440 specifiers', () => {
  it('match packaging for each operator', () => {
    for (const [spec, version, expected] of CASES) {
      expect(satisfiesPep440(version, spec), `${version} in "${spec}"`).toBe(expected);
    }
  });

  it('exclude pre-releases when asked to', () => {
    const strict = compilePep440('>=1.0', { prereleases: false });
    expect(satisfiesPep440('2.0b1', strict)).toBe(false);
    expect(satisfiesPep440('2.0', strict)).toBe(true);
  });

  it('agree with packaging on the recorded specifier x version grid', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('./pep440-packaging.fixture.json', import.meta.url), 'utf8'),
    ) as {
      generator: string;
      versions: string[];
      specifiers: Record<string, string>;
    };
    // packaging compares "===" clauses as strings; keys cannot tell "1.0" from "1.0.0", so version equality is used.
    const known = { '1.0.0 in "===1.0"': '"===" is approximated by version equality' } as Record<
      string,
      string
    >;
    const disagreements: string[] = [];
    let total = 0;
    for (const [spec, bits] of Object.entries(fixture.specifiers)) {
      const compiled = compilePep440(spec);
      fixture.versions.forEach((v, i) => {
        total++;
        const label = `${v} in "${spec}"`;
        if (satisfiesPep440(v, compiled) !== (bits[i] === '1') && !known[label]) disagreements.push(label);
      });
    }
    const excluded = Object.keys(known).length;
    console.log(
      `pep440: ${total - disagreements.length - excluded}/${total} cases agree with ${fixture.generator}`,
    );
    for (const [label, reason] of Object.entries(known)) console.log(`  excluded: ${label} -- ${reason}`);
    expect(disagreements).toEqual([]);
  });

  it('never match legacy (non-PEP 440) versions', () => {
    expect(satisfiesPep440('0.1-bulbasaur', '<1.0')).toBe(false);
    expect(satisfiesPep440('0.1-bulbasaur', '!=1.0')).toBe(false);
  });

  it('parse clauses and reject invalid ones', () => {
    expect(parsePep440Specifiers(' >= 1.0 , ==2.*')).toEqual([
      { operator: '>=', version: '1.0', wildcard: false },
      { operator: '==', version: '2', wildcard: true },
    ]);
    for (const bad of ['~=1', '<1.0+local', '>=1.0.*', '=>1.0', '1.0']) {
      expect(() => parsePep440Specifiers(bad), bad).toThrow(InvalidRangeError);
    }
  });
});
