import { looksLikeCsaf, normalizeCsaf } from './csaf';
import { looksLikeNodeWgCore, looksLikeNodeWgNpm, normalizeNodeWgNpm } from './nodejs-wg';
import { looksLikeOsv, normalizeOsv } from './osv';
import type { Normalized } from './types';

const none = (problem: string): Normalized => ({ advisories: [], problems: [problem], ranges: 0 });

/**
 * Normalizes one parsed advisory document, recognised by shape: an OSV record, a CSAF 2.0 document, or a
 * Node.js Security WG npm advisory. A JSON array is read as a list of such documents. Anything else (and
 * Node.js core advisories, which name no package ecosystem) yields a problem instead of advisories.
 */
export function normalizeAdvisory(doc: unknown): Normalized {
  if (Array.isArray(doc)) {
    const parts = doc.map(normalizeAdvisory);
    return {
      advisories: parts.flatMap((p) => p.advisories),
      problems: parts.flatMap((p) => p.problems),
      ranges: parts.reduce((n, p) => n + p.ranges, 0),
    };
  }
  if (doc === null || typeof doc !== 'object') return none('not a JSON object');
  const rec = doc as Record<string, unknown>;
  if (looksLikeCsaf(rec)) return normalizeCsaf(rec);
  if (looksLikeNodeWgNpm(rec)) return normalizeNodeWgNpm(rec);
  if (looksLikeNodeWgCore(rec))
    return none('Node.js core advisory: Node.js itself is not a package ecosystem');
  if (looksLikeOsv(rec)) return normalizeOsv(rec);
  return none('not an OSV record, CSAF document or Node.js Security WG advisory');
}
