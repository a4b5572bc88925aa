import type { CompiledRange } from '../versions';

/** Where a normalized advisory came from. */
export type AdvisorySource = 'osv' | 'csaf' | 'nodejs-security-wg';

/** A range (or version list) that cannot be evaluated from version strings; counted, never dropped silently. */
export interface UnsupportedAffected {
  /** OSV range type ("GIT", …), "versions", "vers", "csaf-product" or "package". */
  readonly type: string;
  readonly reason: string;
}

/**
 * The affected versions of one package. `ecosystem` is the OSV ecosystem as written (e.g. "Debian:12");
 * `name` is in the form purl-derived names use (normalizeOsvPackageName). `compiled` holds the sort-key
 * intervals of every range that could be evaluated; what could not is listed in `unsupported`.
 */
export interface AffectedPackage {
  readonly ecosystem: string;
  readonly name: string;
  readonly compiled: CompiledRange;
  readonly unsupported: readonly UnsupportedAffected[];
}

/** A severity score as OSV writes it (`type` CVSS_V2/CVSS_V3/CVSS_V4/Ubuntu…, `score` a vector or label). */
export interface AdvisorySeverity {
  readonly type: string;
  readonly score: string;
}

/** An advisory in the one form matching works with, whatever its source format. */
export interface Advisory {
  readonly id: string;
  readonly aliases: readonly string[];
  /** Last modification (RFC 3339) when the source gives one. */
  readonly modified: string | null;
  /** Set when the source withdrew the advisory (OSV `withdrawn`); matching skips it. */
  readonly withdrawn?: string;
  readonly summary: string;
  readonly severity: readonly AdvisorySeverity[];
  readonly affected: readonly AffectedPackage[];
  /** Affected entries that name no package (e.g. OSV GIT-only entries for a repository): never matched. */
  readonly unsupported: readonly UnsupportedAffected[];
  readonly source: AdvisorySource;
}

/** A document or record that yielded no advisory, with why. */
export interface AdvisoryProblem {
  /** File (and entry or line) it came from. */
  readonly source: string;
  readonly reason: string;
}

/** Figures of a loaded advisory set. */
export interface AdvisoryCounts {
  /** Advisories produced (a CSAF document yields one per vulnerability). */
  readonly records: number;
  readonly withdrawn: number;
  /** Affected entries with a package (ecosystem and name). */
  readonly packages: number;
  /** Ranges and version lists evaluated (OSV SEMVER/ECOSYSTEM ranges, `versions` lists, native and vers ranges, CSAF product versions). */
  readonly ranges: number;
  /** Ranges that could not be evaluated, by type (GIT, unknown types, invalid ones). */
  readonly unsupported: number;
  readonly unsupportedByType: Readonly<Record<string, number>>;
  /** Inputs that yielded no advisory (see the problems list). */
  readonly problems: number;
  /** Advisories per source format. */
  readonly bySource: Readonly<Record<string, number>>;
}

/** Result of normalizing one parsed document: its advisories and what was skipped. */
export interface Normalized {
  readonly advisories: readonly Advisory[];
  readonly problems: readonly string[];
  /** Ranges evaluated while normalizing (for {@link AdvisoryCounts.ranges}). */
  readonly ranges: number;
}
