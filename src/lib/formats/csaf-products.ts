import type { AdvisoryLanguage, PublishedAdvisory } from './advisory';
import { productLabel, rangeBounds, unique, versRange } from './common';
import { cpeAtVersion } from './cpe';
import type { CsafBranch, CsafFullProductName } from './csaf-types';
import { type PurlParts, purlAtVersion, splitPurl } from './purl-lite';
import { LABELS } from './text';

/** The product tree and, per advisory product, the ids of its affected and fixed leaves. */
export interface CsafProducts {
  readonly tree: CsafBranch;
  readonly affected: readonly (readonly string[])[];
  readonly fixed: readonly (readonly string[])[];
}

function versionLeaf(
  id: string,
  fullName: string,
  version: string,
  purl: PurlParts | undefined,
  cpe: string | undefined,
): CsafBranch {
  const pinnedCpe = cpe === undefined ? undefined : cpeAtVersion(cpe, version);
  const helper = {
    ...(pinnedCpe === undefined ? {} : { cpe: pinnedCpe }),
    ...(purl === undefined ? {} : { purl: purlAtVersion(purl, version) }),
  };
  const product: CsafFullProductName = {
    name: `${fullName} ${version}`,
    product_id: id,
    ...(Object.keys(helper).length === 0 ? {} : { product_identification_helper: helper }),
  };
  return { category: 'product_version', name: version, product };
}

/**
 * vendor → product_name → product_version / product_version_range branches. Ranges carry no identification
 * helper: a versionless purl or wildcard CPE would claim every version. Ids are `P<n>-V<k>` (affected
 * version), `P<n>-R<k>` (affected range) and `P<n>-F<k>` (fixed version), stable for a given input order.
 */
export function csafProducts(advisory: PublishedAdvisory, lang: AdvisoryLanguage): CsafProducts {
  const affected: string[][] = [];
  const fixed: string[][] = [];
  const productBranches = advisory.products.map((p, i): CsafBranch => {
    const label = productLabel(p);
    const fullName = `${advisory.vendor.name} ${label}`;
    const purl = p.purl === undefined ? undefined : splitPurl(p.purl);
    const leaves: CsafBranch[] = [];
    const affectedIds: string[] = [];
    const fixedIds: string[] = [];
    unique(p.affected.versions ?? []).forEach((version, k) => {
      const id = `P${i + 1}-V${k + 1}`;
      affectedIds.push(id);
      leaves.push(versionLeaf(id, fullName, version, purl, p.cpe));
    });
    (p.affected.ranges ?? []).forEach((range, k) => {
      const id = `P${i + 1}-R${k + 1}`;
      const bounds = rangeBounds(range);
      const human =
        bounds.length === 0 ? LABELS[lang].allVersions : bounds.map((b) => b.op + b.version).join(' ');
      affectedIds.push(id);
      leaves.push({
        category: 'product_version_range',
        name: versRange(range, purl?.type ?? 'generic'),
        product: { name: `${fullName} ${human}`, product_id: id },
      });
    });
    unique(p.fixedVersions ?? []).forEach((version, k) => {
      const id = `P${i + 1}-F${k + 1}`;
      fixedIds.push(id);
      leaves.push(versionLeaf(id, fullName, version, purl, p.cpe));
    });
    affected.push(affectedIds);
    fixed.push(fixedIds);
    return { category: 'product_name', name: label, branches: leaves };
  });
  return {
    tree: { category: 'vendor', name: advisory.vendor.name, branches: productBranches },
    affected,
    fixed,
  };
}
