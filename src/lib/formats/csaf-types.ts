/**
 * The subset of CSAF 2.0 (OASIS Standard, schema csaf_json_schema.json) that {@link toCsaf} emits. Property
 * names follow the standard, hence snake_case.
 */

/** A product with its id (`full_product_name_t`). */
export interface CsafFullProductName {
  readonly name: string;
  readonly product_id: string;
  readonly product_identification_helper?: { readonly cpe?: string; readonly purl?: string };
}

/** A node of the product tree: exactly one of `branches` or `product` (schema: exactly three properties). */
export interface CsafBranch {
  readonly category: 'vendor' | 'product_name' | 'product_version' | 'product_version_range';
  readonly name: string;
  readonly branches?: readonly CsafBranch[];
  readonly product?: CsafFullProductName;
}

/** A note (`notes_t`). */
export interface CsafNote {
  readonly category: 'description' | 'details' | 'faq' | 'general' | 'legal_disclaimer' | 'other' | 'summary';
  readonly text: string;
  readonly title?: string;
}

/** A reference (`references_t`). */
export interface CsafReference {
  readonly category?: 'external' | 'self';
  readonly summary: string;
  readonly url: string;
}

/** A FIRST CVSS v3.1 JSON object, base metrics only. */
export interface CsafCvssV3 {
  readonly version: '3.1';
  readonly vectorString: string;
  readonly baseScore: number;
  readonly baseSeverity: string;
}

/** A vulnerability of the advisory. */
export interface CsafVulnerability {
  readonly title: string;
  readonly cve?: string;
  readonly cwe?: { readonly id: string; readonly name: string };
  readonly ids?: readonly { readonly system_name: string; readonly text: string }[];
  readonly notes: readonly CsafNote[];
  readonly discovery_date?: string;
  readonly release_date: string;
  readonly product_status: { readonly known_affected: readonly string[]; readonly fixed?: readonly string[] };
  readonly remediations?: readonly {
    readonly category: 'mitigation' | 'vendor_fix' | 'workaround';
    readonly details: string;
    readonly url?: string;
    readonly product_ids: readonly string[];
  }[];
  readonly scores?: readonly { readonly products: readonly string[]; readonly cvss_v3: CsafCvssV3 }[];
  readonly references?: readonly CsafReference[];
  readonly acknowledgments?: readonly {
    readonly names?: readonly string[];
    readonly organization?: string;
    readonly summary?: string;
  }[];
}

/** A CSAF 2.0 `csaf_security_advisory` document. */
export interface CsafDocument {
  readonly document: {
    readonly category: 'csaf_security_advisory';
    readonly csaf_version: '2.0';
    readonly lang: string;
    readonly source_lang?: string;
    readonly title: string;
    readonly publisher: {
      readonly category: 'vendor' | 'coordinator';
      readonly name: string;
      readonly namespace: string;
      readonly contact_details?: string;
      readonly issuing_authority?: string;
    };
    readonly distribution: { readonly tlp: { readonly label: 'WHITE'; readonly url: string } };
    readonly aggregate_severity?: { readonly text: string };
    readonly references?: readonly CsafReference[];
    readonly tracking: {
      readonly id: string;
      readonly status: 'final';
      readonly version: string;
      readonly revision_history: readonly {
        readonly date: string;
        readonly number: string;
        readonly summary: string;
      }[];
      readonly initial_release_date: string;
      readonly current_release_date: string;
      readonly generator: {
        readonly engine: { readonly name: string; readonly version?: string };
        readonly date?: string;
      };
    };
  };
  readonly product_tree: { readonly branches: readonly CsafBranch[] };
  readonly vulnerabilities: readonly CsafVulnerability[];
}
