/** The SBOM formats {@link ingestSbom} reads (JSON serialisations only). */
export type SbomFormat = 'CycloneDX' | 'SPDX';

/**
 * One component (CycloneDX `components[]`, nested ones included) or package (SPDX `packages[]`) in compact form.
 * When the purl maps to an OSV ecosystem, `ecosystem`/`name` are the OSV package (purlToOsvEcosystem) and
 * `version` is the purl's version (else the component's own). Otherwise `ecosystem` is null and `name` is the
 * SBOM's own name: such components are kept and counted but never matched (no CPE or name guessing).
 */
export interface SbomComponent {
  /** CycloneDX `bom-ref` or SPDX `SPDXID`. */
  readonly ref: string | null;
  /** CycloneDX `type` or SPDX 2.3 `primaryPackagePurpose`. */
  readonly type: string | null;
  /** The purl as written in the SBOM. */
  readonly purl: string | null;
  /** OSV ecosystem (e.g. "npm", "Debian:12"), or null when the component has no usable purl. */
  readonly ecosystem: string | null;
  readonly name: string;
  readonly version: string | null;
}

/** What an ingest found, for upload receipts and coverage figures. */
export interface SbomCounts {
  /** Every component, nested ones included. */
  readonly components: number;
  /** Components whose purl maps to an OSV ecosystem (the matchable ones). */
  readonly matchable: number;
  /** Matchable components without a version (nothing to compare). */
  readonly matchableWithoutVersion: number;
  /** Components without a purl. */
  readonly withoutPurl: number;
  /** Components whose purl does not parse. */
  readonly invalidPurl: number;
  /** Components with a valid purl of a type OSV has no ecosystem for (e.g. pkg:generic). */
  readonly unsupportedPurl: number;
  /** Matchable components per OSV ecosystem. */
  readonly byEcosystem: Readonly<Record<string, number>>;
}

/** One problem with an SBOM; `path` is the JSON pointer of the offending value (`/` for the root). */
export interface SbomIssue {
  readonly path: string;
  readonly message: string;
}

/** The result of {@link ingestSbom}. */
export interface SbomIngestResult {
  readonly format: SbomFormat;
  /** "1.2" … "1.7" for CycloneDX, "2.2" or "2.3" for SPDX. */
  readonly specVersion: string;
  /** CycloneDX `serialNumber`, or SPDX `documentNamespace`. */
  readonly serialNumber?: string;
  /** SPDX document `name`, or CycloneDX `metadata.component.name`. */
  readonly documentName?: string;
  readonly components: SbomComponent[];
  readonly counts: SbomCounts;
  /** Schema violations accepted in lenient mode (missing required properties only), capped like errors. */
  readonly warnings: readonly SbomIssue[];
}

/** Options of {@link ingestSbom}. */
export interface IngestOptions {
  /**
   * Accept documents whose only schema violations are missing required properties that ingest does not read
   * (reported as warnings); a missing `name`, `type`, `SPDXID` or format/version field still rejects. Real
   * generators omit such fields (syft's SPDX 2.2 output lacks `copyrightText`) without affecting component
   * identity. Default false (strict).
   */
  readonly lenient?: boolean;
  /** Stop after this many errors (default 20). */
  readonly maxErrors?: number;
  /** Reject documents nested deeper than this (default 128); bounds stack use in validation. */
  readonly maxDepth?: number;
}
