import {
  PEP440_MIN_KEY,
  type PypiVersion,
  parsePypiVersion,
  pypi,
  pypiKeyPrefixes,
} from '../ecosystems/pypi';
import { InvalidRangeError } from '../errors';
import {
  type CompiledRange,
  complementIntervals,
  intersectCompiled,
  intersectIntervals,
  type KeyBound,
  type KeyInterval,
  matchesCompiled,
  normalizeIntervals,
  plainRange,
  pointInterval,
  unionIntervals,
} from '../interval';

/**
 * PEP 440 version specifiers as `packaging` (>= 22) evaluates them with default options: comma-joined
 * clauses are ANDed; "==" and "!=" ignore the candidate's local label unless the specifier has one; "==X.*"
 * is prefix matching; "~=" is ">=V, ==prefix.*"; "<=" and ">=" compare the candidate's public version; "<V"
 * excludes pre-releases of V's release unless V is one; ">V" excludes post-releases and local versions of V's
 * release unless V is a post-release. Pre-releases match only when some clause other than "!=" names one.
 * Legacy (non-PEP 440) versions never match.
 *
 * Two rare cases are approximated: for ">V" with a pre- or post-release V, local versions and post-releases of
 * later pre-releases of the same release are accepted; "===" matches by version equality, not string equality.
 */
export interface Pep440Clause {
  readonly operator: '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>' | '===';
  readonly version: string;
  readonly wildcard: boolean;
}

const VERSION_BODY =
  'v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?';
const CLAUSE = new RegExp(
  `^(?:(===)\\s*([^\\s;)]*)|(==|!=)\\s*(v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*)\\.\\*|(==|!=)\\s*(${VERSION_BODY}(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)|(~=)\\s*(v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?)|(<=|>=|<|>)\\s*(${VERSION_BODY}))$`,
  'i',
);

/** Parses a comma-joined specifier set ("" is the empty set, which matches every final release). */
export function parsePep440Specifiers(specifiers: string): Pep440Clause[] {
  if (typeof specifiers !== 'string')
    throw new InvalidRangeError('pep440', String(specifiers), 'not a string');
  if (specifiers.trim() === '') return [];
  return specifiers.split(',').map((part) => {
    const m = CLAUSE.exec(part.trim());
    if (!m)
      throw new InvalidRangeError('pep440', specifiers, `invalid specifier ${JSON.stringify(part.trim())}`);
    for (let g = 1; g < m.length; g += 2) {
      if (m[g] !== undefined) {
        return {
          operator: m[g] as Pep440Clause['operator'],
          version: m[g + 1] as string,
          wildcard: g === 3,
        };
      }
    }
    throw new InvalidRangeError('pep440', specifiers, 'unreachable');
  });
}

const PEP440: KeyInterval = { lower: { key: PEP440_MIN_KEY, inclusive: true }, upper: null };

function parse(version: string, raw: string): PypiVersion {
  const v = parsePypiVersion(version);
  if (v.legacy !== null)
    throw new InvalidRangeError('pep440', raw, `invalid version ${JSON.stringify(version)}`);
  return v;
}

function isPrerelease(v: PypiVersion): boolean {
  return v.pre !== null || v.dev !== null;
}

const lowerAt = (key: string, inclusive: boolean, version?: string): KeyBound =>
  version === undefined ? { key, inclusive } : { key, inclusive, version };

/** Versions whose release starts with `prefix` (zero padded) under epoch `epoch`: [E!P.dev0, E!P'.dev0). */
function prefixBlock(epoch: string, release: readonly string[], label: string): KeyInterval {
  const next = [...release];
  next[next.length - 1] = String(BigInt(next[next.length - 1] as string) + 1n);
  const low = pypi.sortKey(`${epoch}!${release.join('.')}.dev0`);
  const high = pypi.sortKey(`${epoch}!${next.join('.')}.dev0`);
  return { lower: lowerAt(low, true, `${label}.*`), upper: lowerAt(high, false) };
}

function splitWildcard(version: string): { epoch: string; release: string[] } {
  const body = version.replace(/^v/i, '');
  const bang = body.indexOf('!');
  return {
    epoch: bang < 0 ? '0' : body.slice(0, bang),
    release: (bang < 0 ? body : body.slice(bang + 1)).split('.'),
  };
}

function equalSet(clause: Pep440Clause, raw: string): KeyInterval[] {
  if (clause.wildcard) {
    const { epoch, release } = splitWildcard(clause.version);
    return [prefixBlock(epoch, release, clause.version)];
  }
  const v = parse(clause.version, raw);
  const p = pypiKeyPrefixes(v);
  if (v.local.length > 0) return [pointInterval(p.key, clause.version)];
  return [
    { lower: lowerAt(p.key, true, clause.version), upper: lowerAt(`${p.public}\x04`, false, clause.version) },
  ];
}

/** The versions one clause accepts, as a compiled range (its stable part holds "<V.postN" subtleties). */
function clauseRange(clause: Pep440Clause, raw: string): CompiledRange {
  const { operator, version } = clause;
  switch (operator) {
    case '==':
      return plainRange(equalSet(clause, raw));
    case '!=':
      return plainRange(
        intersectIntervals([PEP440], complementIntervals(normalizeIntervals(equalSet(clause, raw)))),
      );
    case '===': {
      const v = parse(version, raw);
      return plainRange([pointInterval(pypiKeyPrefixes(v).key, version)]);
    }
    case '~=': {
      const m = /^v?(?:(\d+)!)?(\d+(?:\.\d+)+)/i.exec(version) as RegExpExecArray;
      const prefix = (m[2] as string).split('.').slice(0, -1);
      const atLeast: KeyInterval = { lower: lowerAt(pypi.sortKey(version), true, version), upper: null };
      return plainRange(intersectIntervals([atLeast], [prefixBlock(m[1] ?? '0', prefix, prefix.join('.'))]));
    }
    case '>=':
      return plainRange([{ lower: lowerAt(pypi.sortKey(version), true, version), upper: null }]);
    case '<=': {
      const p = pypiKeyPrefixes(parse(version, raw));
      return plainRange([{ lower: PEP440.lower, upper: lowerAt(`${p.public}\x04`, false, version) }]);
    }
    case '<': {
      const v = parse(version, raw);
      const p = pypiKeyPrefixes(v);
      if (isPrerelease(v))
        return plainRange([{ lower: PEP440.lower, upper: lowerAt(p.key, false, version) }]);
      const below: KeyInterval = { lower: PEP440.lower, upper: lowerAt(p.base, false, version) };
      if (v.post === null) return plainRange([below]);
      const final = pypi.sortKey(`${v.epoch}!${v.release.join('.') || '0'}`);
      return {
        intervals: [below],
        stableIntervals: [{ lower: lowerAt(final, true), upper: lowerAt(p.key, false, version) }],
      };
    }
    case '>': {
      const v = parse(version, raw);
      const p = pypiKeyPrefixes(v);
      const above: KeyInterval = { lower: lowerAt(`${p.base}\x04`, true, version), upper: null };
      if (v.post !== null)
        return plainRange([{ lower: lowerAt(`${p.public}\x04`, true, version), upper: null }]);
      if (!isPrerelease(v)) return plainRange([above]);
      const final = pypi.sortKey(`${v.epoch}!${v.release.join('.') || '0'}`);
      return plainRange([
        { lower: lowerAt(`${p.public}\x04`, true, version), upper: lowerAt(final, true) },
        above,
      ]);
    }
  }
}

/** True when the specifier set admits pre-releases (a clause other than "!=" names one). */
function allowsPrereleases(clauses: readonly Pep440Clause[]): boolean {
  return clauses.some((c) => {
    if (c.operator === '!=' || c.wildcard) return false;
    const v = parsePypiVersion(c.version);
    return v.legacy === null && isPrerelease(v);
  });
}

/** Compiles a PEP 440 specifier set over PyPI keys. */
export function compilePep440(specifiers: string): CompiledRange {
  const clauses = parsePep440Specifiers(specifiers);
  let range: CompiledRange = plainRange([PEP440]);
  for (const clause of clauses) range = intersectCompiled(range, clauseRange(clause, specifiers));
  if (allowsPrereleases(clauses)) return range;
  return { intervals: [], stableIntervals: unionIntervals(range.intervals, range.stableIntervals) };
}

/** `packaging` SpecifierSet(specifiers).contains(version) with default options. */
export function satisfiesPep440(version: string, specifiers: string | CompiledRange): boolean {
  const compiled = typeof specifiers === 'string' ? compilePep440(specifiers) : specifiers;
  return matchesCompiled(compiled, pypi.sortKey(version), pypi.isPrerelease(version));
}
