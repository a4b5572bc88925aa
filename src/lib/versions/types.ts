import type { Cmp } from './sort-key';

/** Canonical names of the supported version orderings (OSV ecosystem names plus generic schemes). */
export type EcosystemName =
  | 'npm'
  | 'PyPI'
  | 'Maven'
  | 'Go'
  | 'crates.io'
  | 'RubyGems'
  | 'NuGet'
  | 'Packagist'
  | 'Debian'
  | 'Alpine'
  | 'Red Hat'
  | 'Hex'
  | 'Pub'
  | 'CRAN'
  | 'Hackage'
  | 'semver'
  | 'lexicographic'
  | 'datetime';

/** A version ordering: parsing, three-way comparison and byte-comparable sort keys. */
export interface Ecosystem<P = unknown> {
  /** Canonical ecosystem name. */
  readonly name: EcosystemName;
  /** Parses a version, throwing InvalidVersionError when it is not valid for this ecosystem. */
  parse(version: string): P;
  /** True when `version` parses. */
  isValid(version: string): boolean;
  /** Compares two versions (-1, 0 or 1); throws InvalidVersionError for an invalid one. */
  compare(a: string, b: string): Cmp;
  /** Compares two parsed versions. */
  compareParsed(a: P, b: P): Cmp;
  /** Sort key of a version (see sort-key.ts); throws InvalidVersionError for an invalid one. */
  sortKey(version: string): string;
  /** Sort key of a parsed version. */
  sortKeyParsed(parsed: P): string;
  /** True for pre-release versions in ecosystems whose range syntax treats them specially (semver, PEP 440). */
  isPrerelease(version: string): boolean;
}

/** The per-ecosystem pieces from which {@link defineEcosystem} builds an {@link Ecosystem}. */
export interface EcosystemImpl<P> {
  parse(version: string): P;
  compare(a: P, b: P): Cmp;
  key(parsed: P): string;
  isPrerelease?(parsed: P): boolean;
}
