/**
 * The input of every builder in this library: a vulnerability as Bulwark publishes it. The caller (the
 * publication workflow) has already computed CVSS scores, resolved product identifiers and decided what may be
 * disclosed (RMSV Art. 9: no exploit code, no operator-system details); the builders only re-encode it.
 *
 * Timestamps are RFC 3339 strings; the builders normalise them to UTC (`…Z`) because OSV accepts nothing else.
 */

/** Bulwark advisory ids: `BWK-<year>-<serial>`, serial at least four digits (e.g. `BWK-2026-00012`). */
export const BULWARK_ID_PATTERN = /^BWK-\d{4}-\d{4,}$/;

/** CVE ids, as the CVE 5 schema's `cveId` pattern. */
export const CVE_ID_PATTERN = /^CVE-\d{4}-\d{4,19}$/;

/** CNVD ids `CNVD-YYYY-N…`; the suffix width is unconfirmed (regulations.md §7.2), so four or more digits. */
export const CNVD_ID_PATTERN = /^CNVD-\d{4}-\d{4,}$/;

/** CNNVD ids `CNNVD-YYYYMM-N…`; the suffix width is unconfirmed (regulations.md §7.3), so three or more digits. */
export const CNNVD_ID_PATTERN = /^CNNVD-\d{6}-\d{3,}$/;

/** Languages an advisory can be written in. */
export type AdvisoryLanguage = 'zh-CN' | 'en';

/** GB/T 30279-2020 comprehensive grade. Stored as given; never derived from CVSS (regulations.md §8.8). */
export type Gbt30279Grade = '超危' | '高危' | '中危' | '低危';

/** FIRST qualitative severity of a CVSS v3.x / v4.0 base score. */
export type CvssSeverity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** A CVSS base score as computed by the caller (src/lib/cvss); the vector carries base metrics at least. */
export interface CvssScoreInput {
  /** Vector string with its `CVSS:3.1/` or `CVSS:4.0/` prefix. */
  readonly vector: string;
  readonly baseScore: number;
  readonly baseSeverity: CvssSeverity;
}

/** The CVSS scores of an advisory; either, both or none. */
export interface AdvisoryCvss {
  readonly v3_1?: CvssScoreInput;
  readonly v4_0?: CvssScoreInput;
}

/** Identifiers of the same vulnerability in other databases; any may be absent. */
export interface ExternalIds {
  readonly cve?: string;
  readonly cnvd?: string;
  readonly cnnvd?: string;
  /** MIIT NVDB id; its format is unconfirmed (regulations.md §7.1), so it is only checked for blanks. */
  readonly nvdb?: string;
}

/** The product vendor. */
export interface AdvisoryVendor {
  readonly name: string;
  /** Bulwark organisation id of the vendor. */
  readonly orgId: string;
}

/**
 * A contiguous affected range, OSV-style: versions from `introduced` (inclusive; absent or `"0"` = from the
 * first version) up to `fixed` (exclusive) or `lastAffected` (inclusive) — at most one of the two; neither
 * means no known upper bound.
 */
export interface VersionRange {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly lastAffected?: string;
}

/** The affected versions of a product: enumerated, as ranges, or both (at least one entry overall). */
export interface AffectedVersions {
  readonly versions?: readonly string[];
  readonly ranges?: readonly VersionRange[];
}

/** An affected product of the vendor. */
export interface AffectedProduct {
  readonly name: string;
  /** Hardware or product model, appended to the name in every format (none has a model field). */
  readonly model?: string;
  /** Package URL of the product (any version in it is ignored; each format adds its own). */
  readonly purl?: string;
  /** CPE 2.3 formatted string or CPE 2.2 URI; a `*` version is filled in per version where a format needs it. */
  readonly cpe?: string;
  readonly affected: AffectedVersions;
  /** Versions that contain the fix. */
  readonly fixedVersions?: readonly string[];
}

/** Kinds of remediation. `fix` = vendor fix (patch or upgrade). */
export type RemediationCategory = 'fix' | 'mitigation' | 'workaround';

/** A remediation statement. */
export interface Remediation {
  readonly category: RemediationCategory;
  /** In the advisory's language. */
  readonly text: string;
  /** English text when the advisory is in Chinese. */
  readonly textEn?: string;
  readonly url?: string;
  /** Names of the products it applies to; all products when absent. */
  readonly products?: readonly string[];
}

/** What a reference points to; each format maps it to its own vocabulary. */
export type ReferenceKind = 'advisory' | 'vendor-advisory' | 'fix' | 'report' | 'article' | 'package' | 'web';

/** An external reference. */
export interface AdvisoryReference {
  readonly url: string;
  readonly title?: string;
  /** Defaults to `web`. */
  readonly kind?: ReferenceKind;
}

/** Roles of credited parties (the OSV / CVE 5 vocabulary). */
export type CreditRole =
  | 'finder'
  | 'reporter'
  | 'analyst'
  | 'coordinator'
  | 'remediation_developer'
  | 'remediation_reviewer'
  | 'remediation_verifier'
  | 'tool'
  | 'sponsor'
  | 'other';

/**
 * A credited party. With `anonymous` (or without a name) only the organisation, if any, is published and the
 * name is rendered as "Anonymous researcher"; contacts of anonymous parties are never published.
 */
export interface Credit {
  readonly name?: string;
  readonly organization?: string;
  readonly anonymous?: boolean;
  /** Defaults to `finder`. */
  readonly role?: CreditRole;
  /** Contact URLs or `mailto:` addresses (OSV `credits[].contact`). */
  readonly contact?: readonly string[];
}

/** Lifecycle timestamps (RFC 3339). */
export interface AdvisoryDates {
  readonly discoveredAt?: string;
  readonly reportedAt: string;
  /** First publication; equals the date of revision 1. */
  readonly publishedAt: string;
  /** Latest change; not earlier than any revision. */
  readonly updatedAt: string;
}

/** One published revision. */
export interface RevisionEntry {
  readonly revision: number;
  readonly date: string;
  readonly summary: string;
}

/** A vulnerability advisory as Bulwark publishes it. */
export interface PublishedAdvisory {
  /** Bulwark id, see {@link BULWARK_ID_PATTERN}. */
  readonly id: string;
  /** Title in {@link language}. */
  readonly title: string;
  /** Plain-text description in {@link language}. */
  readonly description: string;
  readonly language: AdvisoryLanguage;
  /** English title when {@link language} is `zh-CN`. */
  readonly titleEn?: string;
  /** English description when {@link language} is `zh-CN`. */
  readonly descriptionEn?: string;
  /** CWE id `CWE-<n>`; `name` must be the exact CWE catalogue name (CSAF requires it, test 6.1.11). */
  readonly cwe?: { readonly id: string; readonly name?: string };
  readonly cvss?: AdvisoryCvss;
  readonly gbt30279Grade?: Gbt30279Grade;
  readonly ids?: ExternalIds;
  readonly vendor: AdvisoryVendor;
  /** At least one; each with at least one affected version or range. */
  readonly products: readonly AffectedProduct[];
  readonly remediations?: readonly Remediation[];
  readonly references?: readonly AdvisoryReference[];
  readonly credits?: readonly Credit[];
  readonly dates: AdvisoryDates;
  /** Current revision, from 1. */
  readonly revision: number;
  /** Revisions 1…{@link revision} in order; may be omitted only while {@link revision} is 1. */
  readonly revisionHistory?: readonly RevisionEntry[];
  /** Public URL of this advisory on the Bulwark platform. */
  readonly url?: string;
}
