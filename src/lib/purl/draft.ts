/** Purl components while they are being decoded and normalised; segmented parts are kept as lists. */
export interface Draft {
  type: string;
  namespace: string[];
  name: string;
  version: string | null;
  qualifiers: Map<string, string>;
  subpath: string[];
}
