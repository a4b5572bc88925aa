import * as aeModule from 'ae-cvss-calculator';
import { PackageURL } from 'packageurl-js';
import type { CsafBranch, CsafDocument } from './csaf-types';

/**
 * An independent re-reading of the CSAF 2.0 mandatory tests (spec section 6.1) that documents built by
 * toCsaf can touch, for use while @secvisogram/csaf-validator-lib is not installed. It checks the generated
 * JSON only (never the builder's own bookkeeping). Returns one message per violation, prefixed by the test id.
 */
const ae = (aeModule as unknown as { default?: typeof aeModule }).default ?? aeModule;

const STATUS_GROUPS: Readonly<Record<string, string>> = {
  first_affected: 'affected',
  known_affected: 'affected',
  last_affected: 'affected',
  known_not_affected: 'not_affected',
  first_fixed: 'fixed',
  fixed: 'fixed',
  under_investigation: 'under_investigation',
};

const RANGE_WORDS = ['<', '<=', '>', '>=', 'after', 'all', 'later', 'prior', 'versions'];

function leaves(branches: readonly CsafBranch[]): CsafBranch[] {
  return branches.flatMap((b) => [b, ...leaves(b.branches ?? [])]);
}

/** Violations of mandatory tests 6.1.1, .2, .6, .7, .9, .13, .14, .16, .20, .21, .22, .27.4–6/.11, .29, .31. */
export function csafMandatoryViolations(doc: CsafDocument): string[] {
  const out: string[] = [];
  const nodes = leaves(doc.product_tree?.branches ?? []);
  const defined = nodes.flatMap((b) => (b.product === undefined ? [] : [b.product.product_id]));
  const definedSet = new Set(defined);
  if (definedSet.size !== defined.length) out.push('6.1.2 a product_id is defined twice');
  if (doc.product_tree === undefined) out.push('6.1.27.4 no product_tree');
  if (doc.vulnerabilities === undefined || doc.vulnerabilities.length === 0)
    out.push('6.1.27.11 no vulnerabilities');

  for (const b of nodes) {
    const words = b.name.toLowerCase().split(/\s*\b\s*/);
    if (b.category === 'product_version' && RANGE_WORDS.some((w) => words.includes(w)))
      out.push(`6.1.31 product_version "${b.name}" looks like a range`);
    const purl = b.product?.product_identification_helper?.purl;
    if (purl !== undefined)
      try {
        PackageURL.fromString(purl);
      } catch {
        out.push(`6.1.13 invalid purl ${purl}`);
      }
  }

  doc.vulnerabilities.forEach((v, i) => {
    const referenced: string[] = [];
    if (v.notes === undefined || v.notes.length === 0) out.push(`6.1.27.5 vulnerability ${i} has no notes`);
    if (v.product_status === undefined) out.push(`6.1.27.6 vulnerability ${i} has no product_status`);
    const groupOf = new Map<string, string>();
    for (const [status, ids] of Object.entries(v.product_status ?? {}))
      for (const id of ids as string[]) {
        referenced.push(id);
        const group = STATUS_GROUPS[status] as string;
        const seen = groupOf.get(id);
        if (seen !== undefined && seen !== group) out.push(`6.1.6 ${id} is both ${seen} and ${group}`);
        groupOf.set(id, group);
      }
    for (const r of v.remediations ?? []) {
      if (r.product_ids === undefined || r.product_ids.length === 0)
        out.push('6.1.29 remediation without products');
      referenced.push(...(r.product_ids ?? []));
    }
    const scored = new Set<string>();
    for (const s of v.scores ?? []) {
      for (const p of s.products) {
        if (scored.has(p)) out.push(`6.1.7 two CVSS v3 scores for ${p}`);
        scored.add(p);
      }
      referenced.push(...s.products);
      const expected = new ae.Cvss3P1(s.cvss_v3.vectorString).calculateScores().base;
      if (expected !== s.cvss_v3.baseScore) out.push(`6.1.9 ${s.cvss_v3.vectorString} scores ${expected}`);
    }
    for (const id of referenced) if (!definedSet.has(id)) out.push(`6.1.1 ${id} is not defined`);
  });

  const { tracking } = doc.document;
  const numbers = tracking.revision_history.map((h) => Number(h.number));
  const byDate = [...tracking.revision_history].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  if (byDate.some((h, k) => k > 0 && Number(h.number) < Number(byDate[k - 1]?.number)))
    out.push('6.1.14 revision history not sorted');
  if (new Set(numbers).size !== numbers.length) out.push('6.1.22 a revision number is repeated');
  if (String(Math.max(...numbers)) !== tracking.version)
    out.push('6.1.16 version is not the latest revision');
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.some((n, k) => n !== (sorted[0] === 0 ? k : k + 1)))
    out.push('6.1.21 revision history has a gap');
  if (tracking.status === 'final' && (tracking.version === '0' || tracking.version.includes('-')))
    out.push('6.1.20 final document with a pre-release version');
  return out;
}
