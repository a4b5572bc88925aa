import { getEcosystem } from './ecosystems/registry';
import { InvalidRangeError, InvalidVersionError, UnknownEcosystemError } from './errors';
import {
  ALL,
  type CompiledRange,
  intervalsContain,
  type KeyBound,
  type KeyInterval,
  normalizeIntervals,
  plainRange,
  pointInterval,
  subtractIntervals,
} from './interval';
import type { Ecosystem, EcosystemName } from './types';

/** A vers comparator; "=" is the implicit equality comparator (written without an operator). */
export type VersComparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One vers constraint with its percent-decoded version. */
export interface VersConstraint {
  readonly comparator: VersComparator;
  readonly version: string;
}

/** A parsed vers: its versioning scheme and either "*" (every version) or constraints. */
export interface Vers {
  readonly scheme: string;
  readonly star: boolean;
  readonly constraints: readonly VersConstraint[];
}

/** Registered vers types (purl types) mapped to the ecosystem ordering they use. */
const SCHEMES: Record<string, EcosystemName> = {
  npm: 'npm',
  pypi: 'PyPI',
  maven: 'Maven',
  golang: 'Go',
  cargo: 'crates.io',
  gem: 'RubyGems',
  nuget: 'NuGet',
  composer: 'Packagist',
  deb: 'Debian',
  apk: 'Alpine',
  alpine: 'Alpine',
  rpm: 'Red Hat',
  hex: 'Hex',
  pub: 'Pub',
  cran: 'CRAN',
  hackage: 'Hackage',
  semver: 'semver',
  lexicographic: 'lexicographic',
  datetime: 'datetime',
};

/** The ecosystem ordering used for a vers scheme, or null when the scheme is not supported. */
export function versSchemeEcosystem(scheme: string): Ecosystem | null {
  const name = SCHEMES[scheme.toLowerCase()];
  return name ? getEcosystem(name) : null;
}

function schemeOrThrow(scheme: string): Ecosystem {
  const eco = versSchemeEcosystem(scheme);
  if (!eco) throw new UnknownEcosystemError(`vers:${scheme}`);
  return eco;
}

// Characters a version must percent-encode (vers clause 5.3.3.2), plus space.
const MUST_ENCODE = new Set(['>', '<', '=', '!', '*', '|', '%', ' ']);

function encodeVersion(version: string): string {
  let out = '';
  for (const ch of version) {
    const c = ch.charCodeAt(0);
    if (MUST_ENCODE.has(ch) || c < 0x21 || c > 0x7e) {
      for (const byte of new TextEncoder().encode(ch))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += ch;
    }
  }
  return out;
}

function fail(input: string, reason: string): never {
  throw new InvalidRangeError('vers', input, reason);
}

function decodeVersion(input: string, raw: string, scheme: string, canonical: boolean): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) fail(input, 'non-canonical VERS: invalid percent-encoding in version');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    fail(input, 'non-canonical VERS: invalid percent-encoding in version');
  }
  if (canonical) {
    if (/%[0-9A-F]?[a-f]/.test(raw))
      fail(input, 'non-canonical VERS: percent-encoding in version is not canonical');
    if (scheme === 'datetime' && raw.includes('%3A')) {
      fail(input, 'non-canonical VERS: datetime time colons must be unencoded');
    }
    if (encodeVersion(decoded) !== raw)
      fail(input, 'non-canonical VERS: percent-encoding in version is not canonical');
    if (scheme === 'datetime' && /[tz]/.test(decoded)) {
      fail(input, 'non-canonical VERS: datetime must use uppercase T and Z');
    }
  }
  return decoded;
}

function splitComparator(segment: string): [VersComparator, string] {
  for (const op of ['>=', '<=', '!=', '<', '>'] as const)
    if (segment.startsWith(op)) return [op, segment.slice(op.length)];
  return ['=', segment];
}

/** Checks the vers validation rules (clause 5.4) on constraints already in version order. */
function checkSequence(input: string, constraints: readonly VersConstraint[]): void {
  const rest = constraints.filter((c) => c.comparator !== '!=');
  rest.forEach((c, i) => {
    const next = rest[i + 1];
    if (c.comparator === '=' && next && !['=', '>', '>='].includes(next.comparator)) {
      fail(input, 'non-canonical VERS: invalid constraint sequence');
    }
  });
  const bounds = rest.filter((c) => c.comparator !== '=');
  bounds.forEach((c, i) => {
    const next = bounds[i + 1];
    if (!next) return;
    const lower = c.comparator === '>' || c.comparator === '>=';
    const nextLower = next.comparator === '>' || next.comparator === '>=';
    if (lower === nextLower) fail(input, 'non-canonical VERS: invalid constraint sequence');
  });
}

/**
 * Parses a vers string. With `canonical: true` the input must already be canonical and valid (vers how-to-parse
 * and clause 5.4: no whitespace, no stray pipes, no "=" operator, canonical percent-encoding, constraints
 * sorted by version with unique versions and a valid comparator sequence); error messages start with
 * "non-canonical VERS:". Otherwise whitespace is ignored, the scheme is lowercased, stray pipes and a leading
 * "=" are tolerated, and constraints are sorted by version (stable). Ordering checks need a supported scheme.
 */
export function parseVers(input: string, options: { canonical?: boolean } = {}): Vers {
  const canonical = options.canonical === true;
  if (typeof input !== 'string') fail(String(input), 'not a string');
  let text = input;
  if (/[\t\n\v\f\r ]/.test(text)) {
    if (canonical) fail(input, 'non-canonical VERS: whitespace is not permitted');
    text = text.replace(/[\t\n\v\f\r ]+/g, '');
  }
  const colon = text.indexOf(':');
  const uriScheme = colon < 0 ? '' : text.slice(0, colon);
  if ((canonical ? uriScheme : uriScheme.toLowerCase()) !== 'vers') fail(input, 'must start with "vers:"');
  const spec = text.slice(colon + 1);
  const slash = spec.indexOf('/');
  if (slash < 0) fail(input, 'missing "/" after the versioning scheme');
  let scheme = spec.slice(0, slash);
  if (!canonical) scheme = scheme.toLowerCase();
  if (!/^[a-z][a-z0-9.-]*$/.test(scheme)) fail(input, `invalid versioning scheme ${JSON.stringify(scheme)}`);
  if (scheme === 'invalid') fail(input, 'the "invalid" scheme is always invalid');
  let body = spec.slice(slash + 1);
  if (body === '') fail(input, 'no version constraints');
  if (body === '*') return { scheme, star: true, constraints: [] };
  if (body.startsWith('*')) fail(input, '"*" must be the only constraint');
  if (canonical) {
    if (body.startsWith('|')) fail(input, 'non-canonical VERS: leading pipe is not permitted');
    if (body.endsWith('|')) fail(input, 'non-canonical VERS: trailing pipe is not permitted');
  } else {
    body = body.replace(/^\|+|\|+$/g, '');
  }
  if (body.includes('||')) fail(input, 'non-canonical VERS: consecutive pipes are not permitted');
  const constraints: VersConstraint[] = [];
  for (const segment of body.split('|')) {
    const [comparator, operand] = splitComparator(segment);
    let raw = operand;
    if (comparator === '=' && raw.startsWith('=')) {
      if (canonical) fail(input, 'non-canonical VERS: the "=" comparator must be omitted');
      raw = raw.slice(1);
    }
    if (raw === '') fail(input, 'empty version');
    if (raw === '*' || raw.startsWith('*')) fail(input, '"*" must be the only constraint');
    constraints.push({ comparator, version: decodeVersion(input, raw, scheme, canonical) });
  }
  return sortConstraints({ scheme, star: false, constraints }, canonical, input);
}

/** Sorts constraints by version (stable); in canonical mode checks order, uniqueness and the comparator sequence. */
function sortConstraints(vers: Vers, canonical: boolean, input: string): Vers {
  const eco = versSchemeEcosystem(vers.scheme);
  if (!eco) return vers;
  const keys = vers.constraints.map((c) => {
    try {
      return eco.sortKey(c.version);
    } catch (error) {
      if (error instanceof InvalidVersionError) fail(input, error.message);
      throw error;
    }
  });
  if (canonical) {
    for (let i = 1; i < keys.length; i++) {
      const prev = keys[i - 1] as string;
      const cur = keys[i] as string;
      if (prev === cur) fail(input, 'non-canonical VERS: versions must be unique');
      if (prev > cur) fail(input, 'non-canonical VERS: constraints are not sorted by version');
    }
    checkSequence(input, vers.constraints);
    return vers;
  }
  const order = vers.constraints.map((c, i) => ({ c, key: keys[i] as string, i }));
  order.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.i - y.i));
  return { scheme: vers.scheme, star: false, constraints: order.map((o) => o.c) };
}

/** Formats a vers in canonical syntax (constraints in the given order, versions percent-encoded). */
export function formatVers(vers: Vers): string {
  if (vers.star) return `vers:${vers.scheme}/*`;
  const body = vers.constraints
    .map((c) => `${c.comparator === '=' ? '' : c.comparator}${encodeVersion(c.version)}`)
    .join('|');
  return `vers:${vers.scheme}/${body}`;
}

/** Lenient parse (sorting constraints by version) then canonical formatting. */
export function normalizeVers(input: string): string {
  return formatVers(parseVers(input));
}

/** Formats constraints (decoded versions, any order) as a vers, sorting them by version when the scheme is supported. */
export function versFromConstraints(scheme: string, constraints: readonly VersConstraint[]): string {
  const vers: Vers = { scheme, star: false, constraints };
  return formatVers(sortConstraints(vers, false, formatVers(vers)));
}

function bound(key: string, inclusive: boolean, version: string): KeyBound {
  return { key, inclusive, version };
}

/**
 * Compiles a vers into key intervals. Constraints are read in version order: "=" adds a point, "<"/"<="
 * closes the interval opened by a preceding ">"/">=" (or one unbounded below), a ">"/">=" left open runs to
 * infinity, and "!=" removes a point. Redundant sequences (">1|>2") therefore mean their union, as the vers
 * simplification rules state, and a vers of only "!=" constraints means every other version.
 */
export function compileVers(vers: Vers | string): CompiledRange {
  const parsed = typeof vers === 'string' ? parseVers(vers) : vers;
  if (parsed.star) return plainRange([ALL]);
  const eco = schemeOrThrow(parsed.scheme);
  const intervals: KeyInterval[] = [];
  const excluded: KeyInterval[] = [];
  let open: KeyBound | null | undefined;
  let any = false;
  for (const { comparator, version } of parsed.constraints) {
    const key = eco.sortKey(version);
    if (comparator === '!=') {
      excluded.push(pointInterval(key, version));
      continue;
    }
    any = true;
    if (comparator === '=') {
      if (open === undefined) intervals.push(pointInterval(key, version));
    } else if (comparator === '<' || comparator === '<=') {
      intervals.push({ lower: open ?? null, upper: bound(key, comparator === '<=', version) });
      open = undefined;
    } else if (open === undefined) {
      open = bound(key, comparator === '>=', version);
    }
  }
  if (open !== undefined) intervals.push({ lower: open, upper: null });
  const base = any ? normalizeIntervals(intervals) : [ALL];
  return plainRange(subtractIntervals(base, excluded));
}

/** True when `version` is contained in the vers range. */
export function versContains(vers: Vers | string, version: string): boolean {
  const parsed = typeof vers === 'string' ? parseVers(vers) : vers;
  if (parsed.star) return true;
  const eco = schemeOrThrow(parsed.scheme);
  const key = eco.sortKey(version);
  return intervalsContain(compileVers(parsed).intervals, key);
}

/**
 * Writes intervals as a vers, using the bounds' `version` labels: a point becomes "v", a one-version gap
 * between two intervals becomes "!=v", other bounds become comparators. A lower bound without a label is
 * written as unbounded (such bounds only mark where a scheme's versions start, e.g. PEP 440 above legacy
 * versions). Throws InvalidRangeError for an empty set or an unlabelled upper bound.
 */
export function intervalsToVers(scheme: string, intervals: readonly KeyInterval[]): string {
  const list = normalizeIntervals(intervals).map((i) =>
    i.lower !== null && i.lower.version === undefined ? { lower: null, upper: i.upper } : i,
  );
  if (list.length === 0)
    throw new InvalidRangeError('vers', scheme, 'an empty set of versions has no vers form');
  if (list.length === 1 && list[0]?.lower === null && list[0]?.upper === null) {
    return formatVers({ scheme, star: true, constraints: [] });
  }
  const label = (b: KeyBound) => {
    if (b.version === undefined)
      throw new InvalidRangeError('vers', scheme, 'interval bound has no version label');
    return b.version;
  };
  const out: VersConstraint[] = [];
  list.forEach((i, n) => {
    const prev = list[n - 1];
    if (i.lower && i.upper && i.lower.key === i.upper.key) {
      out.push({ comparator: '=', version: label(i.lower) });
      return;
    }
    const gap =
      prev?.upper && i.lower && prev.upper.key === i.lower.key && !prev.upper.inclusive && !i.lower.inclusive;
    if (gap && i.lower) {
      out.pop();
      out.push({ comparator: '!=', version: label(i.lower) });
    } else if (i.lower) {
      out.push({ comparator: i.lower.inclusive ? '>=' : '>', version: label(i.lower) });
    }
    if (i.upper) out.push({ comparator: i.upper.inclusive ? '<=' : '<', version: label(i.upper) });
  });
  return formatVers({ scheme, star: false, constraints: out });
}
