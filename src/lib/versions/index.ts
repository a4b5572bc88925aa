/**
 * Version orderings, sort keys and range evaluation for the SBOM exposure engine.
 *
 * - `getEcosystem(name)` returns `{ name, parse, compare, sortKey, ... }` for an OSV ecosystem string.
 * - Sort keys are strings of code units 0..255 compared with `<` / `===` (see sort-key.ts).
 * - Ranges (OSV events, vers, npm, PEP 440, Maven/NuGet brackets) compile to key intervals (interval.ts).
 */
export { getEcosystem, listEcosystems, resolveEcosystemName } from './ecosystems/registry';
export {
  InvalidRangeError,
  InvalidVersionError,
  UnknownEcosystemError,
  UnsupportedRangeError,
} from './errors';
export {
  type CompiledRange,
  complementIntervals,
  findKeyRange,
  intersectCompiled,
  intersectIntervals,
  intervalContains,
  intervalsContain,
  type KeyBound,
  type KeyInterval,
  matchesCompiled,
  normalizeIntervals,
  subtractIntervals,
  unionCompiled,
  unionIntervals,
} from './interval';
export { type BracketEcosystem, compileBracketRange, satisfiesBracketRange } from './native/maven-range';
export { compileNativeRange, nativeToVers, satisfiesNative } from './native/native-range';
export {
  compileNpmRange,
  isStrictSemver,
  type NpmComparator,
  parseNpmRange,
  satisfiesNpm,
} from './native/npm-range';
export {
  compilePep440,
  type Pep440Clause,
  parsePep440Specifiers,
  pep440ToVersConstraints,
  satisfiesPep440,
} from './native/pep440-specifier';
export {
  type CompiledOsvAffected,
  compileOsvAffected,
  compileOsvRange,
  evaluateOsvAffected,
  evaluateOsvRange,
  isAffected,
  type OsvAffected,
  type OsvEvent,
  type OsvRange,
  type OsvRangeResult,
  type UnsupportedRange,
} from './osv-range';
export { type Cmp, compareKeys } from './sort-key';
export type { Ecosystem, EcosystemName } from './types';
export {
  compileVers,
  formatVers,
  intervalsToVers,
  normalizeVers,
  parseVers,
  type Vers,
  type VersComparator,
  type VersConstraint,
  versContains,
  versFromConstraints,
  versSchemeEcosystem,
} from './vers';
