import { parsePurl, purlToOsvEcosystem } from '../purl';
import {
  type CompiledRange,
  compileOsvAffected,
  compileVers,
  parseVers,
  resolveEcosystemName,
  versSchemeEcosystem,
} from '../versions';
import { affectedPackage, mergeAffected } from './compile';
import type { Advisory, AdvisorySeverity, AffectedPackage, Normalized, UnsupportedAffected } from './types';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** True for a CSAF document (CSAF 2.0 §3.2.1.4 `document.csaf_version`). */
export function looksLikeCsaf(doc: Rec): boolean {
  return isRec(doc.document) && typeof doc.document.csaf_version === 'string';
}

/** What the product tree says about one product id. */
interface ProductInfo {
  readonly purl?: string;
  /** Nearest enclosing `product_version` or `product_version_range` branch (CSAF 2.0 §3.1.2.3). */
  readonly version?: { readonly category: string; readonly name: string };
}

function helperPurl(product: unknown): string | undefined {
  if (!isRec(product) || !isRec(product.product_identification_helper)) return undefined;
  const helper = product.product_identification_helper;
  // CSAF 2.0 has one `purl`; CSAF 2.1 drafts have a `purls` list.
  return text(helper.purl) ?? text(list(helper.purls)[0]);
}

/** Product ids → purl and version branch, from branches, full_product_names and relationships (§3.2.2.2). */
function productMap(tree: unknown): Map<string, ProductInfo> {
  const out = new Map<string, ProductInfo>();
  if (!isRec(tree)) return out;
  const add = (product: unknown, version: ProductInfo['version']) => {
    if (!isRec(product) || typeof product.product_id !== 'string') return;
    const purl = helperPurl(product);
    out.set(product.product_id, { ...(purl ? { purl } : {}), ...(version ? { version } : {}) });
  };
  const walk = (branches: unknown[], version: ProductInfo['version']) => {
    for (const b of branches) {
      if (!isRec(b)) continue;
      const here =
        (b.category === 'product_version' || b.category === 'product_version_range') &&
        typeof b.name === 'string'
          ? { category: b.category, name: b.name }
          : version;
      add(b.product, here);
      walk(list(b.branches), here);
    }
  };
  walk(list(tree.branches), undefined);
  for (const p of list(tree.full_product_names)) add(p, undefined);
  // A relationship names a component inside a platform; the combined product is the component (§3.2.2.2.4).
  for (const r of list(tree.relationships)) {
    if (!isRec(r) || !isRec(r.full_product_name) || typeof r.product_reference !== 'string') continue;
    const id = r.full_product_name.product_id;
    const component = out.get(r.product_reference);
    if (typeof id === 'string' && component && !out.has(id)) out.set(id, component);
  }
  return out;
}

/** Affected versions of a product: a vers range, one version, or (no version given) every version. */
function productVersions(ecosystem: string, info: ProductInfo, purlVersion: string | null) {
  const unsupported: UnsupportedAffected[] = [];
  let compiled: CompiledRange = { intervals: [], stableIntervals: [] };
  const range = info.version?.category === 'product_version_range' ? info.version.name : undefined;
  if (range !== undefined && purlVersion === null) {
    try {
      const vers = parseVers(range);
      if (versSchemeEcosystem(vers.scheme)?.name !== resolveEcosystemName(ecosystem))
        unsupported.push({
          type: 'vers',
          reason: `vers scheme ${vers.scheme} does not order ${ecosystem} versions`,
        });
      else compiled = compileVers(vers);
    } catch (error) {
      unsupported.push({
        type: 'vers',
        reason: `product_version_range ${JSON.stringify(range)}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    return { compiled, unsupported };
  }
  const version = purlVersion ?? (info.version?.category === 'product_version' ? info.version.name : null);
  // CSAF lists affected products; one without any version information is affected in every version.
  const c = compileOsvAffected(
    version === null
      ? { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }
      : { versions: [version] },
    ecosystem,
  );
  for (const v of c.invalidVersions)
    unsupported.push({ type: 'versions', reason: `not a valid ${ecosystem} version: ${JSON.stringify(v)}` });
  return { compiled: c, unsupported };
}

function scores(vulnerability: Rec): AdvisorySeverity[] {
  const out = new Map<string, AdvisorySeverity>();
  for (const s of list(vulnerability.scores)) {
    if (!isRec(s)) continue;
    for (const [key, type] of [
      ['cvss_v3', 'CVSS_V3'],
      ['cvss_v2', 'CVSS_V2'],
    ] as const) {
      const vector = isRec(s[key]) ? text(s[key].vectorString) : undefined;
      if (vector) out.set(vector, { type, score: vector });
    }
  }
  return [...out.values()];
}

/** Product status groups that mean "affected" (CSAF 2.0 §3.2.3.12: first_affected, known_affected, last_affected). */
const AFFECTED_GROUPS = ['known_affected', 'first_affected', 'last_affected'] as const;

/**
 * Normalizes a CSAF 2.0 document into one advisory per vulnerability. Affected products are those in
 * `known_affected`, `first_affected` and `last_affected`; a product is matchable when its
 * `product_identification_helper.purl` maps to an OSV ecosystem. Its versions come from the purl, else from
 * the enclosing `product_version` branch, else a `product_version_range` branch holding a vers string; other
 * range texts are unsupported. Products without a purl are counted under the advisory's `unsupported`.
 * `fixed` statuses are not turned into ranges: CSAF does not say which earlier versions were affected.
 */
export function normalizeCsaf(doc: Rec): Normalized {
  const document = doc.document as Rec;
  const tracking = isRec(document.tracking) ? document.tracking : {};
  const trackingId = text(tracking.id) ?? '';
  const products = productMap(doc.product_tree);
  const advisories: Advisory[] = [];
  let ranges = 0;
  list(doc.vulnerabilities).forEach((v, index) => {
    if (!isRec(v)) return;
    const affected: AffectedPackage[] = [];
    const orphans: UnsupportedAffected[] = [];
    const status = isRec(v.product_status) ? v.product_status : {};
    const ids = new Set(AFFECTED_GROUPS.flatMap((g) => list(status[g]).filter((x) => typeof x === 'string')));
    for (const id of ids) {
      const info = products.get(id as string) ?? {};
      if (info.purl === undefined) {
        orphans.push({ type: 'csaf-product', reason: `product ${id} has no purl` });
        continue;
      }
      let purl: ReturnType<typeof parsePurl>;
      try {
        purl = parsePurl(info.purl, { lenient: true });
      } catch {
        orphans.push({ type: 'csaf-product', reason: `product ${id} has an invalid purl` });
        continue;
      }
      const pkg = purlToOsvEcosystem(purl);
      if (pkg === null || resolveEcosystemName(pkg.ecosystem) === null) {
        orphans.push({ type: 'csaf-product', reason: `product ${id}: no OSV ecosystem for ${purl.type}` });
        continue;
      }
      const { compiled, unsupported } = productVersions(pkg.ecosystem, info, purl.version);
      if (unsupported.length === 0) ranges++;
      affected.push(affectedPackage(pkg.ecosystem, pkg.name, compiled, unsupported));
    }
    const otherIds = list(v.ids).flatMap((x) => (isRec(x) && typeof x.text === 'string' ? [x.text] : []));
    const id = text(v.cve) ?? otherIds[0] ?? `${trackingId}#${index + 1}`;
    advisories.push({
      id,
      aliases: [...new Set([trackingId, ...otherIds, text(v.cve) ?? ''])].filter((a) => a !== '' && a !== id),
      modified: text(tracking.current_release_date) ?? null,
      summary: text(v.title) ?? text(document.title) ?? '',
      severity: scores(v),
      affected: mergeAffected(affected),
      unsupported: orphans,
      source: 'csaf',
    });
  });
  return {
    advisories,
    problems: advisories.length === 0 ? ['CSAF document without vulnerabilities'] : [],
    ranges,
  };
}
