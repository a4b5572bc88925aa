import { type Cmp, compareDigits, compareUtf8, isDigitCode, type KeyWriter, keyWriter } from '../sort-key';
import { assertVersionText, defineEcosystem } from './define';

/**
 * Maven ordering, following osv-scalibr's token model of Maven 3 ComparableVersion (which produced the test
 * vectors): a version is split on "." and "-" and at digit/letter transitions; each token keeps the separator
 * before it, and trailing "null" tokens (0, "", ga, final, release) are trimmed at the end of every hyphen group.
 *
 * Maven 3's comparison is not transitive (for example 2.9.0.RC1 < 2.9.0 < 2.9.0-1 < 2.9.0.RC1, all three
 * relations produced by Maven itself), so no sort key can reproduce every pairwise answer. This module defines a
 * total order that agrees with it wherever it is consistent: a token is ranked against the end of the other
 * version by what Maven answers ("1-alpha" < "1" < "1.sp"), and a "null" token (".0", "-") that is followed by
 * more tokens ranks like the first non-null token after it. Where Maven 3 contradicts itself this order sides
 * with the end-of-version rule, which is also what Maven 3.9+ answers ("2.9.0.RC1" < "2.9.0-1").
 */
export interface MavenToken {
  readonly prefix: '' | '.' | '-';
  /** Lowercased value; numbers without leading zeros; cr -> rc; ga/final/release -> "". */
  readonly value: string;
  readonly numeric: boolean;
}

/** Parsed Maven version: its trimmed token list. */
export type MavenVersion = readonly MavenToken[];

const KEYWORDS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];

function keywordIndex(value: string): number {
  const i = KEYWORDS.indexOf(value);
  return i < 0 ? KEYWORDS.length : i;
}

function normalizeValue(raw: string, followedBySegment: boolean): { value: string; numeric: boolean } {
  let value = raw.toLowerCase();
  if (value === '') value = '0';
  if (isDigitCode(value.charCodeAt(0))) {
    let i = 0;
    while (i < value.length - 1 && value.charCodeAt(i) === 48) i++;
    return { value: value.slice(i), numeric: true };
  }
  if (value === 'cr') value = 'rc';
  if (value === 'ga' || value === 'final' || value === 'release') value = '';
  // "a1", "b1" and "m1" abbreviate alpha, beta and milestone only when a number follows.
  if (followedBySegment) {
    if (value === 'a') value = 'alpha';
    else if (value === 'b') value = 'beta';
    else if (value === 'm') value = 'milestone';
  }
  return { value, numeric: false };
}

function parseMaven(input: string): MavenVersion {
  assertVersionText('Maven', input);
  const tokens: MavenToken[] = [];
  let prefix: '' | '.' | '-' = '';
  let start = 0;
  for (let i = 0; i <= input.length; i++) {
    const c = i < input.length ? input.charCodeAt(i) : -1;
    if (c !== 46 && c !== 45 && c !== -1) continue;
    // One raw token input[start, i): split further where digits and non-digits meet.
    let segStart = start;
    let segPrefix = prefix;
    for (let j = start + 1; j <= i; j++) {
      if (j < i && isDigitCode(input.charCodeAt(j)) === isDigitCode(input.charCodeAt(j - 1))) continue;
      const { value, numeric } = normalizeValue(input.slice(segStart, j), j < i);
      tokens.push({ prefix: segPrefix, value, numeric });
      segPrefix = '-';
      segStart = j;
    }
    if (start === i) tokens.push({ prefix, value: '0', numeric: true });
    prefix = c === 46 ? '.' : '-';
    start = i + 1;
  }
  // Trim trailing null values, then repeat before every hyphen-prefixed token, from the end to the start.
  let i = tokens.length - 1;
  while (i > 0) {
    const t = tokens[i] as MavenToken;
    if (t.value === '0' || t.value === '') {
      tokens.splice(i, 1);
      i--;
      continue;
    }
    while (i >= 0 && (tokens[i] as MavenToken).prefix !== '-') i--;
    i--;
  }
  return tokens;
}

/** Relation of a token to the end of a shorter version: -1 below, 0 a "null" token, 1 above. */
function relationToEnd(t: MavenToken): -1 | 0 | 1 {
  if (t.numeric) return t.prefix === '.' && t.value === '0' ? 0 : 1;
  const k = keywordIndex(t.value);
  if (t.prefix === '.') {
    if (k < 6) return -1;
    if (k === 6) return 1;
    return t.value.charCodeAt(0) < 48 ? -1 : 1;
  }
  if (k < 5) return -1;
  return k === 5 ? 0 : 1;
}

// Rank of a token (after the first) in the total order; END is the end of the version.
const DOT_KNOWN_LOW = 0x10; // .alpha .. .ga
const DOT_UNKNOWN_LOW = 0x11; // .x where x < "0"
const DASH_KNOWN_LOW = 0x12; // -alpha .. -snapshot
const DASH_NULL_LOW = 0x13; // "-" followed by something below END
const DOT_ZERO_LOW = 0x14; // ".0" followed by something below END
const END = 0x15;
const DOT_SP = 0x16;
const DOT_UNKNOWN_HIGH = 0x17;
const DASH_NULL_HIGH = 0x18;
const DASH_SP = 0x19;
const DASH_UNKNOWN = 0x1a;
const DASH_NUMBER = 0x1b;
const DOT_NUMBER = 0x1c; // includes ".0" followed by something above END

function rankAt(tokens: MavenVersion, i: number): number {
  const t = tokens[i];
  if (t === undefined) return END;
  const rel = relationToEnd(t);
  if (rel === 0) {
    let next: -1 | 0 | 1 = 1;
    for (let j = i + 1; j < tokens.length; j++) {
      next = relationToEnd(tokens[j] as MavenToken);
      if (next !== 0) break;
    }
    if (t.prefix === '.') return next < 0 ? DOT_ZERO_LOW : DOT_NUMBER;
    return next < 0 ? DASH_NULL_LOW : DASH_NULL_HIGH;
  }
  if (t.numeric) return t.prefix === '.' ? DOT_NUMBER : DASH_NUMBER;
  const k = keywordIndex(t.value);
  if (t.prefix === '.') {
    if (k < 6) return DOT_KNOWN_LOW;
    if (k === 6) return DOT_SP;
    return rel < 0 ? DOT_UNKNOWN_LOW : DOT_UNKNOWN_HIGH;
  }
  if (k < 5) return DASH_KNOWN_LOW;
  return k === 6 ? DASH_SP : DASH_UNKNOWN;
}

/** Qualifier order: alpha < beta < milestone < rc < snapshot < "" < sp < unknown (lexical). */
function compareQualifiers(a: string, b: string): Cmp {
  const ka = keywordIndex(a);
  const kb = keywordIndex(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return ka === KEYWORDS.length ? compareUtf8(a, b) : 0;
}

function compareFirst(a: MavenToken, b: MavenToken): Cmp {
  if (a.numeric !== b.numeric) return a.numeric ? 1 : -1;
  return a.numeric ? compareDigits(a.value, b.value) : compareQualifiers(a.value, b.value);
}

function compareMaven(a: MavenVersion, b: MavenVersion): Cmp {
  const d = compareFirst(a[0] as MavenToken, b[0] as MavenToken);
  if (d !== 0) return d;
  const n = Math.max(a.length, b.length);
  for (let i = 1; i < n; i++) {
    const ra = rankAt(a, i);
    const rb = rankAt(b, i);
    if (ra !== rb) return ra < rb ? -1 : 1;
    const x = a[i] as MavenToken;
    const y = b[i] as MavenToken;
    const v = x.numeric ? compareDigits(x.value, y.value) : compareQualifiers(x.value, y.value);
    if (v !== 0) return v;
  }
  return 0;
}

function writeQualifier(w: KeyWriter, value: string): void {
  const k = keywordIndex(value);
  w.byte(k + 1);
  if (k === KEYWORDS.length) w.text(value);
}

function mavenKey(tokens: MavenVersion): string {
  const w = keyWriter.begin();
  const first = tokens[0] as MavenToken;
  if (first.numeric) {
    w.byte(2);
    w.digits(first.value, 0, first.value.length);
  } else {
    w.byte(1);
    writeQualifier(w, first.value);
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as MavenToken;
    w.byte(rankAt(tokens, i));
    if (t.numeric) w.digits(t.value, 0, t.value.length);
    else writeQualifier(w, t.value);
  }
  w.byte(END);
  return w.finish();
}

/** Maven (see the module comment for how Maven 3's non-transitive corners are resolved). */
export const maven = defineEcosystem<MavenVersion>('Maven', {
  parse: parseMaven,
  compare: compareMaven,
  key: mavenKey,
});
