import {
  type AdvisoryCvss,
  type CsafDocument,
  type Cve5Record,
  type OsvRecord,
  type PublishedAdvisory,
  toCsaf,
  toCve5,
  toOsv,
} from '../../../lib/formats';
import type { AdvisoryContent } from './advisories.service';
import type { AdvisoryRow } from './vulnerabilities.table';

/** Where Bulwark's public pages live; CSAF needs a publisher namespace URL. */
export interface PublisherInfo {
  publicUrl: string;
}

// A plain version string (not a range such as "5.0.0–5.2.3" or "< 2.0"), which every format can list.
const PLAIN_VERSION = /^[\w.+~-]+$/;

const cvssOf = (c: AdvisoryContent['cvss']): AdvisoryCvss => {
  const pick = (version: string) => {
    const s = c.find((x) => x.version === version);
    return s ? { vector: s.vector, baseScore: s.baseScore, baseSeverity: s.severity as 'LOW' } : undefined;
  };
  const v31 = pick('3.1');
  const v40 = pick('4.0');
  return { ...(v31 ? { v3_1: v31 } : {}), ...(v40 ? { v4_0: v40 } : {}) };
};

/** A stored advisory → the formats library's input; ranges come from the fixed versions when versions are not plain. */
export function toPublishedAdvisory(a: AdvisoryRow, pub: PublisherInfo): PublishedAdvisory {
  const c = a.content as unknown as AdvisoryContent;
  const versions = c.affectedVersions.filter((v) => PLAIN_VERSION.test(v));
  const fixed = c.fixedVersions.filter((v) => PLAIN_VERSION.test(v));
  const published = a.publishedAt.toISOString();
  return {
    id: c.ref,
    title: c.title,
    description: c.description,
    language: 'zh-CN',
    ...(c.cwe ? { cwe: { id: c.cwe } } : {}),
    cvss: cvssOf(c.cvss),
    ...(c.gbtGrade ? { gbt30279Grade: c.gbtGrade as PublishedAdvisory['gbt30279Grade'] } : {}),
    ids: c.externalIds,
    vendor: {
      name: c.vendorName || '未知厂商',
      orgId: c.vendorOrgId ?? '00000000-0000-4000-8000-000000000000',
    },
    products: [
      {
        name: c.productName || c.title,
        ...(c.productModel ? { model: c.productModel } : {}),
        ...(c.productPurl ? { purl: c.productPurl } : {}),
        affected: versions.length
          ? { versions }
          : { ranges: [fixed[0] ? { introduced: '0', fixed: fixed[0] } : { introduced: '0' }] },
        fixedVersions: fixed,
      },
    ],
    remediations: [
      {
        category: c.remediation.kind,
        text: c.remediation.description,
        ...(c.remediation.url ? { url: c.remediation.url } : {}),
      },
    ],
    references: [{ url: `${pub.publicUrl}/advisories/${c.ref}`, kind: 'advisory' }],
    credits: c.credits.map((name) => ({ name, role: 'finder' as const })),
    dates: { reportedAt: c.reportedAt, publishedAt: published, updatedAt: published },
    revision: a.revision,
    url: `${pub.publicUrl}/advisories/${c.ref}`,
  };
}

/** The advisory as a CSAF 2.0 security advisory, Bulwark as coordinator. */
export const advisoryCsaf = (a: AdvisoryRow, pub: PublisherInfo): CsafDocument =>
  toCsaf(toPublishedAdvisory(a, pub), {
    publisher: { category: 'coordinator', name: 'Bulwark', namespace: pub.publicUrl },
  });

/** The advisory as a CVE JSON 5.1 record (only when it has a CVE id). */
export const advisoryCve5 = (a: AdvisoryRow, pub: PublisherInfo): Cve5Record => {
  const p = toPublishedAdvisory(a, pub);
  return toCve5(p, { cna: { orgId: p.vendor.orgId, shortName: 'Bulwark' } });
};

/** The advisory as an OSV record. */
export const advisoryOsv = (a: AdvisoryRow, pub: PublisherInfo): OsvRecord =>
  toOsv(toPublishedAdvisory(a, pub));
