import { looksLikeCsaf, normalizeCsaf } from './csaf';
import { looksLikeNodeWgCore, looksLikeNodeWgNpm, normalizeNodeWgNpm } from './nodejs-wg';
import { looksLikeOsv, normalizeOsv } from './osv';
import type { Normalized } from './types';

const none = (problem: string): Normalized => ({ advisories: [], problems: [problem], ranges: 0 });

/** The items of a list, lists inside it flattened in order, without recursion (a 10,000-deep list overflowed the stack). */
function leaves(list: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const stack: { list: readonly unknown[]; at: number }[] = [{ list, at: 0 }];
  while (stack.length) {
    const top = stack.at(-1)!;
    if (top.at >= top.list.length) {
      stack.pop();
      continue;
    }
    const item = top.list[top.at++];
    if (Array.isArray(item)) stack.push({ list: item, at: 0 });
    else out.push(item);
  }
  return out;
}

/**
 * Normalizes one parsed advisory document, recognised by shape: an OSV record, a CSAF 2.0 document, or a
 * Node.js Security WG npm advisory. A JSON array is read as a list of such documents. Anything else (and
 * Node.js core advisories, which name no package ecosystem) yields a problem instead of advisories.
 */
export function normalizeAdvisory(doc: unknown): Normalized {
  if (Array.isArray(doc)) {
    const parts = leaves(doc).map(normalizeAdvisory);
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
