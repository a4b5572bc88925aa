/** The subset of the CVE JSON 5.1 record format that {@link toCve5} emits (property names as in the schema). */

/** Text in a language (`description` definition). */
export interface CveText {
  readonly lang: string;
  readonly value: string;
}

/** A version or version range with its status. */
export interface CveVersion {
  readonly version: string;
  readonly status: 'affected' | 'unaffected' | 'unknown';
  readonly versionType?: string;
  readonly lessThan?: string;
  readonly lessThanOrEqual?: string;
}

/** An affected product (`product` definition). */
export interface CveProduct {
  readonly vendor: string;
  readonly product: string;
  readonly collectionURL?: string;
  readonly packageName?: string;
  readonly cpes?: readonly string[];
  readonly versions: readonly CveVersion[];
  readonly defaultStatus: 'unknown';
}

/** A FIRST CVSS JSON object, base metrics only. */
export interface CveCvss {
  readonly version: '3.1' | '4.0';
  readonly vectorString: string;
  readonly baseScore: number;
  readonly baseSeverity: string;
}

/** An impact metric entry. */
export interface CveMetric {
  readonly format: string;
  readonly scenarios?: readonly CveText[];
  readonly cvssV3_1?: CveCvss;
  readonly cvssV4_0?: CveCvss;
  readonly other?: { readonly type: string; readonly content: Readonly<Record<string, string>> };
}

/** A reference (`reference` definition). */
export interface CveReference {
  readonly url: string;
  readonly name?: string;
  readonly tags?: readonly string[];
}

/** The CNA container of a published record. */
export interface CveCnaContainer {
  readonly providerMetadata: {
    readonly orgId: string;
    readonly shortName?: string;
    readonly dateUpdated: string;
  };
  readonly title: string;
  readonly datePublic: string;
  readonly descriptions: readonly CveText[];
  readonly affected: readonly CveProduct[];
  readonly problemTypes?: readonly {
    readonly descriptions: readonly {
      readonly lang: 'en';
      readonly type: 'CWE';
      readonly cweId: string;
      readonly description: string;
    }[];
  }[];
  readonly metrics?: readonly CveMetric[];
  readonly solutions?: readonly CveText[];
  readonly workarounds?: readonly CveText[];
  readonly references: readonly CveReference[];
  readonly credits?: readonly (CveText & { readonly type: string })[];
  readonly timeline?: readonly (CveText & { readonly time: string })[];
  readonly source: { readonly advisory: string; readonly discovery: 'UNKNOWN' };
  readonly x_generator: { readonly engine: string };
  readonly x_bulwark: {
    readonly advisoryId: string;
    readonly revision: number;
    readonly cnvd?: string;
    readonly cnnvd?: string;
    readonly nvdb?: string;
  };
}

/** A published CVE record. */
export interface Cve5Record {
  readonly dataType: 'CVE_RECORD';
  readonly dataVersion: '5.1';
  readonly cveMetadata: {
    readonly cveId: string;
    readonly assignerOrgId: string;
    readonly assignerShortName?: string;
    readonly state: 'PUBLISHED';
    readonly datePublished: string;
    readonly dateUpdated: string;
  };
  readonly containers: { readonly cna: CveCnaContainer };
}
