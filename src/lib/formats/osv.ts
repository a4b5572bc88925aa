import type { AffectedProduct, PublishedAdvisory, ReferenceKind, VersionRange } from './advisory';
import { assertValidAdvisory } from './check';
import { absoluteUrl, productLabel, unique, utc, versRange } from './common';
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord } from './osv-types';
import {
  ecosystemVersion,
  type OsvPackageId,
  osvPackageOf,
  type PurlParts,
  purlWithoutVersion,
  splitPurl,
} from './purl-lite';
import { creditDisplay, englishText, englishTitleOrOriginal, isAnonymous } from './text';

/** OSV schema version the records conform to (CVSS_V4 severities and `last_affected` need 1.6+). */
export const OSV_SCHEMA_VERSION = '1.7.4';

/** Options of {@link toOsv}. */
export interface OsvOptions {
  /**
   * Record id. The schema only admits registered database prefixes (`GHSA-`, `PYSEC-`, …) or the `x_`
   * escape, and `BWK` is not registered, so the default is `x_<Bulwark id>`; pass `BWK-…` once it is.
   */
  readonly id?: string;
}

/** SemVer 2.0.0 (semver.org regular expression). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Ecosystems whose home databases publish SEMVER ranges (Go vulndb, RustSec); the rest use ECOSYSTEM. */
const SEMVER_ECOSYSTEMS = new Set(['Go', 'crates.io']);

const REFERENCE_TYPES: Readonly<Record<ReferenceKind, string>> = {
  advisory: 'ADVISORY',
  'vendor-advisory': 'ADVISORY',
  fix: 'FIX',
  report: 'REPORT',
  article: 'ARTICLE',
  package: 'PACKAGE',
  web: 'WEB',
};

/** Plain text as CommonMark (`details` is Markdown): escapes the characters that start inline markup or HTML. */
function markdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

function osvRange(range: VersionRange, pkg: OsvPackageId, purl: PurlParts): OsvRange {
  const v = (version: string) => ecosystemVersion(purl, version);
  const events: OsvEvent[] = [{ introduced: range.introduced === undefined ? '0' : v(range.introduced) }];
  if (range.fixed !== undefined) events.push({ fixed: v(range.fixed) });
  if (range.lastAffected !== undefined) events.push({ last_affected: v(range.lastAffected) });
  const semver = events.every((e) => Object.values(e).every((x: string) => x === '0' || SEMVER.test(x)));
  return { type: SEMVER_ECOSYSTEMS.has(pkg.ecosystem) && semver ? 'SEMVER' : 'ECOSYSTEM', events };
}

/**
 * One affected entry per product. Products that are not packages of an OSV ecosystem (no purl, or a purl
 * OSV has no ecosystem for) get an entry without `package` — the schema allows it, whereas an invented
 * ecosystem would not validate — carrying only the enumerated versions, with the product identity and its
 * ranges (as vers strings, since OSV ranges need an ecosystem ordering) in `database_specific`.
 */
function affectedEntry(advisory: PublishedAdvisory, p: AffectedProduct): OsvAffected {
  const purl = p.purl === undefined ? undefined : splitPurl(p.purl);
  const pkg = purl === undefined ? undefined : osvPackageOf(purl);
  const v = (version: string) => ecosystemVersion(purl, version);
  const versions = unique((p.affected.versions ?? []).map(v));
  const ranges = p.affected.ranges ?? [];
  const fixedVersions = unique((p.fixedVersions ?? []).map(v));
  const identity = {
    vendor: advisory.vendor.name,
    product: productLabel(p),
    ...(p.cpe === undefined ? {} : { cpe: p.cpe }),
    ...(fixedVersions.length === 0 ? {} : { fixedVersions }),
  };
  if (pkg === undefined || purl === undefined)
    return {
      ...(versions.length === 0 ? {} : { versions }),
      database_specific: {
        ...identity,
        ...(p.purl === undefined ? {} : { purl: p.purl }),
        ...(ranges.length === 0 ? {} : { ranges: ranges.map((r) => versRange(r, purl?.type ?? 'generic')) }),
      },
    };
  return {
    package: { ecosystem: pkg.ecosystem, name: pkg.name, purl: purlWithoutVersion(purl) },
    ...(ranges.length === 0 ? {} : { ranges: ranges.map((r) => osvRange(r, pkg, purl)) }),
    ...(versions.length === 0 ? {} : { versions }),
    database_specific: identity,
  };
}

function references(advisory: PublishedAdvisory): { type: string; url: string }[] {
  const refs = [
    ...(advisory.url === undefined ? [] : [{ type: 'ADVISORY', url: advisory.url }]),
    ...(advisory.references ?? []).map((r) => ({ type: REFERENCE_TYPES[r.kind ?? 'web'], url: r.url })),
    ...(advisory.remediations ?? []).flatMap((r) =>
      r.url === undefined ? [] : [{ type: r.category === 'fix' ? 'FIX' : 'WEB', url: r.url }],
    ),
  ].map((r) => ({ type: r.type, url: absoluteUrl(r.url) }));
  return refs.filter((r, i) => refs.findIndex((o) => o.type === r.type && o.url === r.url) === i);
}

/**
 * An OSV record. `summary`/`details` are English when the advisory has English text, else the original
 * text (OSV asks for English but has no language field; the original is kept in `database_specific` when an
 * English text is used). Aliases are the CVE, CNVD, CNNVD and NVDB ids. Throws {@link AdvisoryInputError}
 * for inconsistent input.
 */
export function toOsv(advisory: PublishedAdvisory, options: OsvOptions = {}): OsvRecord {
  assertValidAdvisory(advisory);
  const { ids = {}, cvss, dates } = advisory;
  const english = englishText(advisory);
  const aliases = [ids.cve, ids.cnvd, ids.cnnvd, ids.nvdb].filter((x): x is string => x !== undefined);
  const severity = [
    ...(cvss?.v3_1 === undefined ? [] : [{ type: 'CVSS_V3' as const, score: cvss.v3_1.vector }]),
    ...(cvss?.v4_0 === undefined ? [] : [{ type: 'CVSS_V4' as const, score: cvss.v4_0.vector }]),
  ];
  const refs = references(advisory);
  const credits = (advisory.credits ?? []).map((c) => ({
    name: creditDisplay(c, 'en'),
    ...(isAnonymous(c) || c.contact === undefined || c.contact.length === 0
      ? {}
      : { contact: [...c.contact] }),
    type: (c.role ?? 'finder').toUpperCase(),
  }));
  const remediations = (advisory.remediations ?? []).map((r) => ({
    category: r.category,
    text: r.text,
    ...(r.textEn === undefined ? {} : { textEn: r.textEn }),
    ...(r.url === undefined ? {} : { url: absoluteUrl(r.url) }),
  }));
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: options.id ?? `x_${advisory.id}`,
    modified: utc(dates.updatedAt),
    published: utc(dates.publishedAt),
    ...(aliases.length === 0 ? {} : { aliases }),
    summary: englishTitleOrOriginal(advisory).replace(/\s+/g, ' ').trim(),
    details: markdown(english?.description ?? advisory.description),
    ...(severity.length === 0 ? {} : { severity }),
    affected: advisory.products.map((p) => affectedEntry(advisory, p)),
    ...(refs.length === 0 ? {} : { references: refs }),
    ...(credits.length === 0 ? {} : { credits }),
    database_specific: {
      source: 'Bulwark',
      bulwarkId: advisory.id,
      revision: advisory.revision,
      ...(advisory.gbt30279Grade === undefined ? {} : { gbt30279Grade: advisory.gbt30279Grade }),
      ...(ids.cnvd === undefined ? {} : { cnvd: ids.cnvd }),
      ...(ids.cnnvd === undefined ? {} : { cnnvd: ids.cnnvd }),
      ...(ids.nvdb === undefined ? {} : { nvdb: ids.nvdb }),
      ...(advisory.cwe === undefined ? {} : { cweIds: [advisory.cwe.id] }),
      ...(remediations.length === 0 ? {} : { remediations }),
      ...(english === undefined || advisory.language === 'en'
        ? {}
        : {
            original: { lang: advisory.language, title: advisory.title, description: advisory.description },
          }),
    },
  };
}
