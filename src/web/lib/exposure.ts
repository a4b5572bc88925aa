import type { AssetKind, ExposureState, VexJustification } from './types';

// Records keyed by the contract's unions, so a value added to the contracts fails to compile here.
const stateColors: Record<ExposureState, string> = {
  affected: 'red',
  'not-affected': 'green',
  fixed: 'blue',
  'false-positive': 'default',
};
/** Every exposure triage state, in the order the triage form offers them. */
export const EXPOSURE_STATES = Object.keys(stateColors) as ExposureState[];
/** Tag colour of an exposure state. */
export const exposureStateColor = (s: ExposureState): string => stateColors[s];

const justifications: Record<VexJustification, true> = {
  code_not_present: true,
  code_not_reachable: true,
  requires_configuration: true,
  requires_dependency: true,
  requires_environment: true,
  protected_by_compiler: true,
  protected_at_runtime: true,
  protected_at_perimeter: true,
  protected_by_mitigating_control: true,
};
/** CycloneDX 1.6 `analysis.justification` values, in the specification's order. */
export const VEX_JUSTIFICATIONS = Object.keys(justifications) as VexJustification[];

const assetKinds: Record<AssetKind, true> = { system: true, device: true, 'product-release': true };
/** Every asset kind. */
export const ASSET_KINDS = Object.keys(assetKinds) as AssetKind[];

/** Severity labels the matcher writes (the highest CVSS rating an advisory states), most severe first. */
export const EXPOSURE_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NONE'] as const;

/** Media types the SBOM upload route accepts. */
export type SbomMediaType = 'application/vnd.cyclonedx+json' | 'application/spdx+json';

/**
 * The media type of an SBOM file, from the format marker both specifications put at the top level
 * (`bomFormat` in CycloneDX, `spdxVersion` in SPDX 2.x) as found in the file's first bytes, else its name.
 */
export function sbomMediaType(name: string, head: string): SbomMediaType {
  if (/"spdxVersion"\s*:/.test(head)) return 'application/spdx+json';
  if (/"bomFormat"\s*:/.test(head)) return 'application/vnd.cyclonedx+json';
  return /\.spdx(\.json)?$/i.test(name) ? 'application/spdx+json' : 'application/vnd.cyclonedx+json';
}

/** Media types the advisory import route tells apart: OSV or CSAF JSON, JSON Lines, or a zip of either. */
export type AdvisoryMediaType = 'application/json' | 'application/x-ndjson' | 'application/zip';

/** The media type of an advisory set from its file name (osv.dev exports are `all.zip` or `*.jsonl`). */
export function advisoryMediaType(name: string): AdvisoryMediaType {
  if (/\.zip$/i.test(name)) return 'application/zip';
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'application/x-ndjson';
  return 'application/json';
}

/** File extensions the advisory import picker offers. */
export const ADVISORY_FILE_ACCEPT = '.json,.jsonl,.ndjson,.zip';

/** A field path of an `sbom.invalid` problem (`body.packages.0`) as the JSON Pointer into the uploaded file. */
export const sbomErrorPointer = (path: string): string => {
  const rest = path.replace(/^body\.?/, '');
  return rest ? `/${rest.split('.').join('/')}` : '/';
};

/** Where an import problem was found, named after the file the user picked (the server calls it `upload`). */
export const problemSource = (source: string, fileName: string): string =>
  source.replace(/^upload(?=[:/!]|$)/, fileName);
