import { getEcosystem, resolveEcosystemName } from '../ecosystems/registry';
import { UnknownEcosystemError, UnsupportedRangeError } from '../errors';
import { type CompiledRange, matchesCompiled, unionIntervals } from '../interval';
import { intervalsToVers, versFromConstraints, versSchemeEcosystem } from '../vers';
import { compileBracketRange } from './maven-range';
import { compileNpmRange } from './npm-range';
import { compilePep440, pep440ToVersConstraints } from './pep440-specifier';

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
  if (eco.name === 'PyPI') return versFromConstraints(scheme, pep440ToVersConstraints(range));
  const compiled = compileNativeRange(eco.name, range);
  return intervalsToVers(scheme, unionIntervals(compiled.intervals, compiled.stableIntervals));
}
