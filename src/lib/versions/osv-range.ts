import { getEcosystem } from './ecosystems/registry';
import { InvalidRangeError, InvalidVersionError, UnsupportedRangeError } from './errors';
import {
  type CompiledRange,
  type KeyBound,
  type KeyInterval,
  normalizeIntervals,
  plainRange,
  pointInterval,
  unionIntervals,
} from './interval';
import type { Ecosystem } from './types';

/*
 * OSV `affected[]` evaluation (OSV schema, "Evaluation" section). SEMVER and ECOSYSTEM ranges are both ordered
 * with the package's ecosystem (SEMVER ranges are used by semver-ordered ecosystems), so compiled keys are
 * comparable with the keys of that ecosystem's versions.
 */

/** One OSV range event; exactly one field is set. */
export interface OsvEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
  readonly limit?: string;
}

/** An OSV `affected[].ranges[]` entry. */
export interface OsvRange {
  readonly type: string;
  readonly repo?: string;
  readonly events: readonly OsvEvent[];
}

/** The version-related part of an OSV `affected[]` entry. */
export interface OsvAffected {
  readonly ranges?: readonly OsvRange[];
  readonly versions?: readonly string[];
}

/** A range the library cannot evaluate, with the reason (never silently dropped). */
export interface UnsupportedRange {
  readonly index: number;
  readonly type: string;
  readonly reason: string;
}

/** Result for one range: evaluated, or reported as unsupported. */
export type OsvRangeResult<T> =
  | ({ readonly supported: true } & T)
  | ({ readonly supported: false } & UnsupportedRange);

/** Compiled `affected[]` entry: intervals of affected keys plus everything that could not be used. */
export interface CompiledOsvAffected extends CompiledRange {
  readonly unsupported: readonly UnsupportedRange[];
  /** Entries of `versions` that are not valid versions of the ecosystem. */
  readonly invalidVersions: readonly string[];
}

type Kind = 'introduced' | 'fixed' | 'last_affected' | 'limit';

/** An event with its position: -Infinity for introduced "0", +Infinity for a limit containing "*". */
interface Point {
  readonly kind: Kind;
  readonly version: string;
  readonly key: string | null;
  readonly infinite: -1 | 0 | 1;
}

const KINDS: readonly Kind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

function asEcosystem(ecosystem: Ecosystem | string): Ecosystem {
  return typeof ecosystem === 'string' ? getEcosystem(ecosystem) : ecosystem;
}

function unsupported(index: number, range: OsvRange): UnsupportedRange | null {
  const type = typeof range?.type === 'string' ? range.type : String(range?.type);
  if (type === 'GIT')
    return { index, type, reason: 'GIT ranges are not supported (they need the commit graph)' };
  if (type !== 'SEMVER' && type !== 'ECOSYSTEM') return { index, type, reason: `unknown range type ${type}` };
  return null;
}

/** Validates events and resolves their keys, sorted by version (stable; "0" first, "*" limits last). */
function points(range: OsvRange, eco: Ecosystem): Point[] {
  const raw = JSON.stringify(range);
  if (!Array.isArray(range.events) || range.events.length === 0) {
    throw new InvalidRangeError('osv', raw, 'events must be a non-empty array');
  }
  const out: Point[] = [];
  for (const event of range.events) {
    const present = KINDS.filter((k) => event?.[k] !== undefined);
    if (present.length !== 1)
      throw new InvalidRangeError('osv', raw, 'each event must have exactly one field');
    const kind = present[0] as Kind;
    const version = event[kind];
    if (typeof version !== 'string') throw new InvalidRangeError('osv', raw, `${kind} must be a string`);
    if (kind === 'introduced' && version === '0') {
      out.push({ kind, version, key: null, infinite: -1 });
    } else if (kind === 'limit' && version.includes('*')) {
      out.push({ kind, version, key: null, infinite: 1 });
    } else {
      try {
        out.push({ kind, version, key: eco.sortKey(version), infinite: 0 });
      } catch (error) {
        if (error instanceof InvalidVersionError) throw new InvalidRangeError('osv', raw, error.message);
        throw error;
      }
    }
  }
  if (!out.some((p) => p.kind === 'introduced')) {
    throw new InvalidRangeError('osv', raw, 'a range needs an introduced event');
  }
  return out
    .map((p, i) => ({ p, i }))
    .sort((x, y) => {
      if (x.p.infinite !== y.p.infinite) return x.p.infinite - y.p.infinite;
      if (x.p.infinite === 0 && x.p.key !== y.p.key)
        return (x.p.key as string) < (y.p.key as string) ? -1 : 1;
      return x.i - y.i;
    })
    .map((x) => x.p);
}

/**
 * The OSV evaluation algorithm (schema "Evaluation" section) for a version position. `rel(p)` tells where the
 * version lies relative to point `p`: -1 below, 0 at, 1 above.
 */
function evaluate(sorted: readonly Point[], rel: (p: Point) => -1 | 0 | 1): boolean {
  const limits = sorted.filter((p) => p.kind === 'limit');
  if (limits.length > 0 && !limits.some((p) => rel(p) < 0)) return false;
  let vulnerable = false;
  for (const p of sorted) {
    const r = rel(p);
    if (p.kind === 'introduced' && r >= 0) vulnerable = true;
    else if (p.kind === 'fixed' && r >= 0) vulnerable = false;
    else if (p.kind === 'last_affected' && r > 0) vulnerable = false;
  }
  return vulnerable;
}

function relTo(key: string, p: Point): -1 | 0 | 1 {
  if (p.infinite !== 0) return p.infinite < 0 ? 1 : -1;
  const k = p.key as string;
  return key < k ? -1 : key > k ? 1 : 0;
}

/** Compiles one SEMVER or ECOSYSTEM range into intervals of affected keys; GIT and unknown types are reported. */
export function compileOsvRange(
  range: OsvRange,
  ecosystem: Ecosystem | string,
  index = 0,
): OsvRangeResult<{ intervals: KeyInterval[] }> {
  const problem = unsupported(index, range);
  if (problem) return { supported: false, ...problem };
  const eco = asEcosystem(ecosystem);
  const sorted = points(range, eco);
  // Distinct finite event keys split the key space into open gaps and single points; the result is constant
  // on each piece, so evaluating one representative per piece is exact.
  const marks: { key: string; version: string }[] = [];
  for (const p of sorted) {
    if (p.key !== null && marks[marks.length - 1]?.key !== p.key)
      marks.push({ key: p.key, version: p.version });
  }
  const intervals: KeyInterval[] = [];
  const gapAffected = (i: number) =>
    evaluate(sorted, (p) => {
      if (p.infinite !== 0) return p.infinite < 0 ? 1 : -1;
      // The gap before mark i lies above marks < i and below marks >= i.
      const pos = marks.findIndex((m) => m.key === p.key);
      return pos < i ? 1 : -1;
    });
  for (let i = 0; i <= marks.length; i++) {
    if (gapAffected(i)) {
      const lo = marks[i - 1];
      const hi = marks[i];
      const lower: KeyBound | null = lo ? { key: lo.key, inclusive: false, version: lo.version } : null;
      const upper: KeyBound | null = hi ? { key: hi.key, inclusive: false, version: hi.version } : null;
      intervals.push({ lower, upper });
    }
    const mark = marks[i];
    if (mark && evaluate(sorted, (p) => relTo(mark.key, p)))
      intervals.push(pointInterval(mark.key, mark.version));
  }
  return { supported: true, intervals: normalizeIntervals(intervals) };
}

/** Evaluates one SEMVER or ECOSYSTEM range for a version with the OSV algorithm; GIT and unknown types are reported. */
export function evaluateOsvRange(
  version: string,
  range: OsvRange,
  ecosystem: Ecosystem | string,
  index = 0,
): OsvRangeResult<{ affected: boolean }> {
  const problem = unsupported(index, range);
  if (problem) return { supported: false, ...problem };
  const eco = asEcosystem(ecosystem);
  const sorted = points(range, eco);
  const v = eco.parse(version);
  const affected = evaluate(sorted, (p) => {
    if (p.infinite !== 0) return p.infinite < 0 ? 1 : -1;
    return eco.compareParsed(v, eco.parse(p.version));
  });
  return { supported: true, affected };
}

/**
 * Compiles an `affected[]` entry (its ranges and its explicit `versions` list) into affected key intervals,
 * listing GIT/unknown ranges under `unsupported` and unparsable `versions` entries under `invalidVersions`.
 */
export function compileOsvAffected(
  affected: OsvAffected,
  ecosystem: Ecosystem | string,
): CompiledOsvAffected {
  const eco = asEcosystem(ecosystem);
  let intervals: KeyInterval[] = [];
  const unsupportedRanges: UnsupportedRange[] = [];
  (affected.ranges ?? []).forEach((range, index) => {
    const result = compileOsvRange(range, eco, index);
    if (result.supported) intervals = unionIntervals(intervals, result.intervals);
    else unsupportedRanges.push({ index: result.index, type: result.type, reason: result.reason });
  });
  const invalidVersions: string[] = [];
  const points: KeyInterval[] = [];
  for (const v of affected.versions ?? []) {
    try {
      points.push(pointInterval(eco.sortKey(v), v));
    } catch (error) {
      if (!(error instanceof InvalidVersionError)) throw error;
      invalidVersions.push(v);
    }
  }
  const compiled = plainRange(unionIntervals(intervals, points));
  return { ...compiled, unsupported: unsupportedRanges, invalidVersions };
}

/**
 * OSV IsVulnerable for one `affected[]` entry: true when the version equals a listed version or falls in a
 * SEMVER/ECOSYSTEM range. Ranges that cannot be evaluated are returned under `unsupported`.
 */
export function evaluateOsvAffected(
  version: string,
  affected: OsvAffected,
  ecosystem: Ecosystem | string,
): { affected: boolean; unsupported: UnsupportedRange[] } {
  const eco = asEcosystem(ecosystem);
  const unsupportedRanges: UnsupportedRange[] = [];
  let hit = false;
  const v = eco.parse(version);
  for (const listed of affected.versions ?? []) {
    if (eco.isValid(listed) && eco.compareParsed(v, eco.parse(listed)) === 0) hit = true;
  }
  (affected.ranges ?? []).forEach((range, index) => {
    const result = evaluateOsvRange(version, range, eco, index);
    if (!result.supported)
      unsupportedRanges.push({ index: result.index, type: result.type, reason: result.reason });
    else if (result.affected) hit = true;
  });
  return { affected: hit, unsupported: unsupportedRanges };
}

/**
 * Boolean form of {@link evaluateOsvAffected}: true when a listed version or a SEMVER/ECOSYSTEM range matches;
 * throws UnsupportedRangeError when nothing matched but a range could not be evaluated (the answer is unknown).
 */
export function isAffected(version: string, affected: OsvAffected, ecosystem: Ecosystem | string): boolean {
  const result = evaluateOsvAffected(version, affected, ecosystem);
  const first = result.unsupported[0];
  if (!result.affected && first) throw new UnsupportedRangeError(first.type, first.reason);
  return result.affected;
}
