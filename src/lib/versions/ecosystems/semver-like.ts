import { InvalidVersionError } from '../errors';
import { type Cmp, compareDigits, compareUtf8, isDigits, type KeyWriter, keyWriter } from '../sort-key';
import type { EcosystemName } from '../types';
import { assertVersionText, defineEcosystem } from './define';

/**
 * A "semver-like" version as osv-scalibr's semantic package reads it: an optional leading "v", any number of
 * dot-separated numeric components, then everything from the first other character on is the "build" string
 * (which holds the pre-release and the "+" metadata). Components beyond `maxComponents` are appended to the
 * build string as ".N", so "1.1.3.4.5" is 1.1.3 with build ".4.5".
 */
export interface SemverLike {
  /** Numeric components as digit strings. */
  readonly components: readonly string[];
  /** Pre-release identifiers (empty when there is no pre-release). */
  readonly prerelease: readonly string[];
  /** The text after the first "+" of the build string ("" when absent). */
  readonly metadata: string;
}

function stripZeros(d: string): string {
  let i = 0;
  while (i < d.length - 1 && d.charCodeAt(i) === 48) i++;
  return d.slice(i);
}

/** Splits a version into components and build string (osv-scalibr parseSemverLike). */
function splitSemverLike(input: string): { components: string[]; build: string } {
  const line = input.startsWith('v') ? input.slice(1) : input;
  const components: string[] = [];
  let start = -1;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) components.push(line.slice(start, i));
    start = -1;
    if (c !== 46) break;
  }
  if (i >= line.length) {
    if (start >= 0) components.push(line.slice(start));
    return { components, build: '' };
  }
  return { components, build: line.slice(i) };
}

/** Parses a semver-like version with at most `maxComponents` numeric components (-1: unlimited). */
export function parseSemverLike(
  ecosystem: EcosystemName,
  input: string,
  maxComponents: number,
  lowerBuild: boolean,
): SemverLike {
  assertVersionText(ecosystem, input);
  const split = splitSemverLike(input);
  let { components, build } = split;
  if (components.length === 0 || !/^v?\d/.test(input)) {
    throw new InvalidVersionError(ecosystem, input, 'must start with a number');
  }
  if (maxComponents >= 0 && components.length > maxComponents) {
    for (const extra of components.slice(maxComponents)) build += `.${stripZeros(extra)}`;
    components = components.slice(0, maxComponents);
  }
  if (lowerBuild) build = build.toLowerCase();
  const plus = build.indexOf('+');
  let pre = plus < 0 ? build : build.slice(0, plus);
  const metadata = plus < 0 ? '' : build.slice(plus + 1);
  // node-semver (and osv-scalibr) do not include the separating hyphen in the pre-release.
  if (pre.startsWith('-')) pre = pre.slice(1);
  return { components, prerelease: pre === '' ? [] : pre.split('.'), metadata };
}

/** Compares numeric component lists, padding the shorter one with zeros. */
export function compareComponents(a: readonly string[], b: readonly string[]): Cmp {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (d !== 0) return d;
  }
  return 0;
}

/** Compares pre-release identifier lists by SemVer 2.0 rule 11 (no pre-release sorts last). */
export function comparePrerelease(a: readonly string[], b: readonly string[]): Cmp {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const xn = isDigits(x);
    const yn = isDigits(y);
    let d: Cmp;
    if (xn && yn) d = compareDigits(x, y);
    else if (xn) d = -1;
    else if (yn) d = 1;
    else d = compareUtf8(x, y);
    if (d !== 0) return d;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Writes `count` components (zero padded) into the key. */
export function writeComponents(w: KeyWriter, components: readonly string[], count: number): void {
  for (let i = 0; i < count; i++) {
    const c = components[i];
    if (c === undefined) w.digits('0', 0, 1);
    else w.digits(c, 0, c.length);
  }
}

/** Writes a pre-release: 0x02 for none (sorts last); else 0x01, identifiers (0x02 numeric, 0x03 text), 0x01. */
export function writePrerelease(w: KeyWriter, pre: readonly string[]): void {
  if (pre.length === 0) {
    w.byte(2);
    return;
  }
  w.byte(1);
  for (const id of pre) {
    if (isDigits(id)) {
      w.byte(2);
      w.digits(id, 0, id.length);
    } else {
      w.byte(3);
      w.text(id);
    }
  }
  w.byte(1);
}

/** Defines a semver-family ecosystem (fixed component count, pre-release rule 11, optional metadata order). */
export function defineSemverFamily(
  name: EcosystemName,
  options: { components: number; lowerBuild: boolean; metadataOrders: boolean },
) {
  const { components: count, lowerBuild, metadataOrders } = options;
  return defineEcosystem<SemverLike>(name, {
    parse: (v) => parseSemverLike(name, v, count, lowerBuild),
    compare(a, b) {
      const d =
        compareComponents(a.components, b.components) || comparePrerelease(a.prerelease, b.prerelease);
      if (d !== 0 || !metadataOrders) return d;
      return compareUtf8(a.metadata, b.metadata);
    },
    key(p) {
      const w = keyWriter.begin();
      writeComponents(w, p.components, count);
      writePrerelease(w, p.prerelease);
      if (metadataOrders) w.text(p.metadata);
      return w.finish();
    },
    isPrerelease: (p) => p.prerelease.length > 0,
  });
}
