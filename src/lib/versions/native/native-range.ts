import { getEcosystem, resolveEcosystemName } from '../ecosystems/registry';
import { UnknownEcosystemError, UnsupportedRangeError } from '../errors';
import { type CompiledRange, matchesCompiled, unionIntervals } from '../interval';
import { intervalsToVers, normalizeVers, versSchemeEcosystem } from '../vers';
import { compileBracketRange } from './maven-range';
import { compileNpmRange } from './npm-range';
import { compilePep440, parsePep440Specifiers } from './pep440-specifier';

/** Compiles an ecosystem's native range syntax (npm: node-semver; PyPI: PEP 440; Maven and NuGet: brackets). */
export function compileNativeRange(ecosystem: string, range: string): CompiledRange {
  const name = resolveEcosystemName(ecosystem);
  if (name === null) throw new UnknownEcosystemError(ecosystem);
  switch (name) {
    case 'npm':
      return compileNpmRange(range);
    case 'PyPI':
      return compilePep440(range);
    case 'Maven':
    case 'NuGet':
      return compileBracketRange(range, name);
    default:
      throw new UnsupportedRangeError('native', `no native range syntax is implemented for ${name}`);
  }
}

/** True when `version` satisfies a native range of the ecosystem (see {@link compileNativeRange}). */
export function satisfiesNative(ecosystem: string, version: string, range: string | CompiledRange): boolean {
  const compiled = typeof range === 'string' ? compileNativeRange(ecosystem, range) : range;
  const eco = getEcosystem(ecosystem);
  return matchesCompiled(compiled, eco.sortKey(version), eco.isPrerelease(version));
}

/**
 * Converts a native range to a vers string for a vers scheme ("npm", "pypi", "maven", "nuget"). npm, Maven
 * and NuGet ranges are converted through their compiled intervals (vers has no pre-release filter, so npm's
 * is dropped); PEP 440 clauses map one to one ("~=" and "==X.*" become a lower and an upper bound).
 */
export function nativeToVers(scheme: string, range: string): string {
  const eco = versSchemeEcosystem(scheme);
  if (eco === null) throw new UnknownEcosystemError(`vers:${scheme}`);
  if (eco.name === 'PyPI') return normalizeVers(`vers:${scheme}/${pep440Constraints(range).join('|')}`);
  const compiled = compileNativeRange(eco.name, range);
  return intervalsToVers(scheme, unionIntervals(compiled.intervals, compiled.stableIntervals));
}

function encodeOperand(version: string): string {
  return version.replace(
    /[%|*!=<> ]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function bumpLast(release: readonly string[]): string {
  const next = [...release];
  next[next.length - 1] = String(BigInt(next[next.length - 1] as string) + 1n);
  return next.join('.');
}

function pep440Constraints(range: string): string[] {
  const out: string[] = [];
  for (const { operator, version, wildcard } of parsePep440Specifiers(range)) {
    const v = encodeOperand(version);
    if (wildcard || operator === '~=') {
      const release = (/^v?(?:\d+!)?(\d+(?:\.\d+)*)/i.exec(version)?.[1] ?? '0').split('.');
      const prefix = wildcard ? release : release.slice(0, -1);
      const upper = bumpLast(prefix);
      if (operator === '!=') out.push(`<${prefix.join('.')}`, `>=${upper}`);
      else out.push(`>=${wildcard ? prefix.join('.') : v}`, `<${upper}`);
    } else if (operator === '==' || operator === '===') {
      out.push(v);
    } else {
      out.push(`${operator}${v}`);
    }
  }
  return out;
}
