import { compileNpmRange, InvalidRangeError } from '../versions';
import { affectedPackage, NOTHING } from './compile';
import type { AdvisorySeverity, Normalized } from './types';

type Rec = Record<string, unknown>;

/** An npm-package advisory of the Node.js Security WG (nodejs/security-wg `vuln/npm/<id>.json`). */
export function looksLikeNodeWgNpm(doc: Rec): boolean {
  return typeof doc.module_name === 'string' && typeof doc.vulnerable_versions === 'string';
}

/** A Node.js core advisory (nodejs/security-wg `vuln/core/<id>.json`): `vulnerable`/`patched` node versions. */
export function looksLikeNodeWgCore(doc: Rec): boolean {
  return typeof doc.vulnerable === 'string' && 'patched' in doc && !('module_name' in doc);
}

function severity(doc: Rec): AdvisorySeverity[] {
  const vector = doc.cvss_vector;
  if (typeof vector !== 'string' || vector === '') return [];
  const type = vector.startsWith('CVSS:4') ? 'CVSS_V4' : vector.startsWith('CVSS:3') ? 'CVSS_V3' : 'CVSS_V2';
  return [{ type, score: vector }];
}

/**
 * Normalizes an npm advisory of the Node.js Security WG: id "NSWG-ECO-<id>" (the WG's own naming), the
 * package is `module_name` in npm, and `vulnerable_versions` is a node-semver range, compiled with
 * node-semver's pre-release rule (a pre-release matches only a comparator naming the same major.minor.patch).
 */
export function normalizeNodeWgNpm(doc: Rec): Normalized {
  const range = doc.vulnerable_versions as string;
  let pkg = affectedPackage('npm', doc.module_name as string, NOTHING, []);
  let ranges = 0;
  try {
    pkg = affectedPackage('npm', doc.module_name as string, compileNpmRange(range), []);
    ranges = 1;
  } catch (error) {
    if (!(error instanceof InvalidRangeError)) throw error;
    pkg = { ...pkg, unsupported: [{ type: 'npm', reason: error.message }] };
  }
  const modified = doc.updated_at ?? doc.publish_date ?? doc.created_at;
  return {
    advisories: [
      {
        id: `NSWG-ECO-${String(doc.id)}`,
        aliases: Array.isArray(doc.cves) ? doc.cves.filter((c) => typeof c === 'string') : [],
        modified: typeof modified === 'string' ? modified : null,
        summary: typeof doc.title === 'string' ? doc.title : '',
        severity: severity(doc),
        affected: [pkg],
        unsupported: [],
        source: 'nodejs-security-wg',
      },
    ],
    problems: [],
    ranges,
  };
}
