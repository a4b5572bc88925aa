/** The subset of the OSV schema that {@link toOsv} emits (property names as in the schema). */

/** A range event; exactly one key. */
export type OsvEvent =
  | { readonly introduced: string }
  | { readonly fixed: string }
  | { readonly last_affected: string };

/** An affected range of a package. */
export interface OsvRange {
  readonly type: 'ECOSYSTEM' | 'SEMVER';
  readonly events: readonly OsvEvent[];
}

/** An affected entry; `package` is absent for products that are not packages of an OSV ecosystem. */
export interface OsvAffected {
  readonly package?: { readonly ecosystem: string; readonly name: string; readonly purl?: string };
  readonly ranges?: readonly OsvRange[];
  readonly versions?: readonly string[];
  readonly database_specific: Readonly<Record<string, unknown>>;
}

/** An OSV record. */
export interface OsvRecord {
  readonly schema_version: string;
  readonly id: string;
  readonly modified: string;
  readonly published: string;
  readonly aliases?: readonly string[];
  readonly summary: string;
  readonly details: string;
  readonly severity?: readonly { readonly type: 'CVSS_V3' | 'CVSS_V4'; readonly score: string }[];
  readonly affected: readonly OsvAffected[];
  readonly references?: readonly { readonly type: string; readonly url: string }[];
  readonly credits?: readonly {
    readonly name: string;
    readonly contact?: readonly string[];
    readonly type: string;
  }[];
  readonly database_specific: Readonly<Record<string, unknown>>;
}
