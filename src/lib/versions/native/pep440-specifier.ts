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
  intersectIntervals,
  type KeyBound,
  type KeyInterval,
  matchesCompiled,
  normalizeIntervals,
  plainRange,
  pointInterval,
} from '../interval';
import type { VersConstraint } from '../vers';

/**
 * PEP 440 version specifiers as current `packaging` (26.x) evaluates `SpecifierSet(spec).contains(version)`:
 * comma-joined clauses are ANDed; "==" and "!=" ignore the candidate's local label unless the clause has one;
 * "==X.*" is prefix matching; "~=V" is ">=V, ==prefix.*"; "<=" and ">=" compare the candidate's public version;
 * "<V" (V not a pre-release) rejects pre-releases from V's earliest pre-release (V.dev0) on; ">V" rejects local
 * versions of V and, unless V is a post- or dev-release, V's post-releases. A single candidate that matches is
 * accepted even when it is a pre-release (PEP 440: pre-releases are accepted when nothing else matches), unless
 * `prereleases: false` is asked for. Legacy (non-PEP 440) versions never match. "===" is approximated by version
 * equality (packaging compares the strings).
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

const lowerAt = (key: string, inclusive: boolean, version?: string): KeyBound =>
  version === undefined ? { key, inclusive } : { key, inclusive, version };

/** The release that follows every release starting with `release` ("1.4" -> "1.5"). */
function nextRelease(release: readonly string[]): string {
  const next = [...release];
  next[next.length - 1] = String(BigInt(next[next.length - 1] as string) + 1n);
  return next.join('.');
}

/** Versions whose release starts with `prefix` (zero padded) under epoch `epoch`: [E!P.dev0, E!P'.dev0). */
function prefixBlock(epoch: string, release: readonly string[], label: string): KeyInterval {
  const low = pypi.sortKey(`${epoch}!${release.join('.')}.dev0`);
  const high = pypi.sortKey(`${epoch}!${nextRelease(release)}.dev0`);
  return { lower: lowerAt(low, true, `${label}.*`), upper: lowerAt(high, false) };
}

/** The epoch and the release numbers as written (trailing zeros kept: "~=2.0" and "==1.0.*" need them). */
function writtenRelease(version: string): { epoch: string; release: string[] } {
  const m = /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)/i.exec(version) as RegExpExecArray;
  return { epoch: m[1] ?? '0', release: (m[2] as string).split('.') };
}

function equalSet(clause: Pep440Clause, raw: string): KeyInterval[] {
  if (clause.wildcard) {
    const { epoch, release } = writtenRelease(clause.version);
    return [prefixBlock(epoch, release, clause.version)];
  }
  const v = parse(clause.version, raw);
  const p = pypiKeyPrefixes(v);
  if (v.local.length > 0) return [pointInterval(p.key, clause.version)];
  return [
    { lower: lowerAt(p.key, true, clause.version), upper: lowerAt(`${p.public}\x04`, false, clause.version) },
  ];
}

/** The versions one clause accepts. */
function clauseIntervals(clause: Pep440Clause, raw: string): KeyInterval[] {
  const { operator, version } = clause;
  switch (operator) {
    case '==':
      return equalSet(clause, raw);
    case '!=':
      return intersectIntervals([PEP440], complementIntervals(normalizeIntervals(equalSet(clause, raw))));
    case '===':
      return [pointInterval(pypiKeyPrefixes(parse(version, raw)).key, version)];
    case '~=': {
      const { epoch, release } = writtenRelease(version);
      const prefix = release.slice(0, -1);
      const atLeast: KeyInterval = { lower: lowerAt(pypi.sortKey(version), true, version), upper: null };
      return intersectIntervals([atLeast], [prefixBlock(epoch, prefix, prefix.join('.'))]);
    }
    case '>=':
      return [{ lower: lowerAt(pypi.sortKey(version), true, version), upper: null }];
    case '<=':
      return [
        {
          lower: PEP440.lower,
          upper: lowerAt(`${pypiKeyPrefixes(parse(version, raw)).public}\x04`, false, version),
        },
      ];
    case '<': {
      const v = parse(version, raw);
      // Unless V is a pre-release, its own pre-releases (from V.dev0 on) are excluded.
      const bound = v.pre !== null || v.dev !== null ? v : { ...v, dev: '0', local: [] };
      return [{ lower: PEP440.lower, upper: lowerAt(pypi.sortKeyParsed(bound), false, version) }];
    }
    case '>': {
      const v = parse(version, raw);
      const p = pypiKeyPrefixes(v);
      // Everything sharing V's key prefix up to the pre-release is V, its locals or its post-releases.
      const from = v.post === null && v.dev === null ? `${p.pre}\x03` : `${p.public}\x04`;
      return [{ lower: lowerAt(from, true, version), upper: null }];
    }
  }
}

/**
 * Compiles a PEP 440 specifier set over PyPI keys. With `prereleases: false`, pre-releases never match (the
 * result then only has `stableIntervals`).
 */
export function compilePep440(specifiers: string, options: { prereleases?: boolean } = {}): CompiledRange {
  let intervals: KeyInterval[] = [PEP440];
  for (const clause of parsePep440Specifiers(specifiers)) {
    intervals = intersectIntervals(intervals, normalizeIntervals(clauseIntervals(clause, specifiers)));
  }
  if (options.prereleases === false) return { intervals: [], stableIntervals: intervals };
  return plainRange(intervals);
}

/** `packaging` SpecifierSet(specifiers).contains(version) (see the module comment). */
export function satisfiesPep440(version: string, specifiers: string | CompiledRange): boolean {
  const compiled = typeof specifiers === 'string' ? compilePep440(specifiers) : specifiers;
  return matchesCompiled(compiled, pypi.sortKey(version), pypi.isPrerelease(version));
}

/**
 * Maps PEP 440 clauses one to one onto vers constraints (for vers "from native" conversion): "==" and "===" become
 * equality, "~=V" and "==X.*" a lower and an upper bound, "!=X.*" the two bounds around the excluded block.
 */
export function pep440ToVersConstraints(specifiers: string): VersConstraint[] {
  const out: VersConstraint[] = [];
  for (const { operator, version, wildcard } of parsePep440Specifiers(specifiers)) {
    if (wildcard || operator === '~=') {
      const { release } = writtenRelease(version);
      const prefix = wildcard ? release : release.slice(0, -1);
      const upper = nextRelease(prefix);
      if (operator === '!=')
        out.push({ comparator: '<', version: prefix.join('.') }, { comparator: '>=', version: upper });
      else
        out.push(
          { comparator: '>=', version: wildcard ? prefix.join('.') : version },
          { comparator: '<', version: upper },
        );
    } else {
      out.push({ comparator: operator === '==' || operator === '===' ? '=' : operator, version });
    }
  }
  return out;
}
