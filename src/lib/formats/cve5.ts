import type { AffectedProduct, CreditRole, PublishedAdvisory, ReferenceKind } from './advisory';
import { assertValidAdvisory } from './check';
import { absoluteUrl, productLabel, truncate, utc } from './common';
import type { Cve5Record, CveMetric, CveProduct, CveReference, CveText, CveVersion } from './cve5-types';
import { AdvisoryInputError, MissingCveIdError } from './errors';
import { ecosystemVersion, osvPackageOf, splitPurl } from './purl-lite';
import { creditDisplay, englishDescription, englishTitleOrOriginal, GRADE_EN } from './text';

/** Options of {@link toCve5}: the CNA publishing the record. */
export interface Cve5Options {
  readonly cna: {
    /** The CNA's CVE Program organisation UUID (version 4). */
    readonly orgId: string;
    readonly shortName?: string;
  };
  readonly generator?: { readonly version?: string };
}

/** CVE 5 `uuidType`. */
const UUID4 = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/;

/** Package collections from the CVE 5 schema's `collectionURL` examples, by purl type. */
const COLLECTIONS: Readonly<Record<string, string>> = {
  npm: 'https://registry.npmjs.org',
  pypi: 'https://pypi.python.org',
  maven: 'https://repo.maven.apache.org/maven2',
  cargo: 'https://crates.io',
  gem: 'https://rubygems.org',
  nuget: 'https://nuget.org/packages',
  composer: 'https://packagist.org',
  hex: 'https://repo.hex.pm',
  pub: 'https://pub.dev',
  cran: 'https://cran.r-project.org',
  hackage: 'https://hackage.haskell.org',
  golang: 'https://pkg.go.dev',
};

/** `versionType` values named by the CVE 5 schema, by purl type; anything else is `custom`. */
const VERSION_TYPES: Readonly<Record<string, string>> = {
  npm: 'semver',
  cargo: 'semver',
  golang: 'semver',
  pypi: 'python',
  maven: 'maven',
  rpm: 'rpm',
};

const REFERENCE_TAGS: Readonly<Record<ReferenceKind, string | undefined>> = {
  advisory: 'third-party-advisory',
  'vendor-advisory': 'vendor-advisory',
  fix: 'patch',
  report: 'issue-tracking',
  article: 'technical-description',
  package: 'product',
  web: undefined,
};

const CREDIT_TYPES: Readonly<Record<CreditRole, string>> = {
  finder: 'finder',
  reporter: 'reporter',
  analyst: 'analyst',
  coordinator: 'coordinator',
  remediation_developer: 'remediation developer',
  remediation_reviewer: 'remediation reviewer',
  remediation_verifier: 'remediation verifier',
  tool: 'tool',
  sponsor: 'sponsor',
  other: 'other',
};

/** Description values are limited to 4096 characters, titles to 256. */
const TEXT_MAX = 4096;
const TITLE_MAX = 256;

/** Drops structurally equal items (the schema sets `uniqueItems` on most arrays). */
function distinct<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One affected product: enumerated versions and ranges `affected`, fixed versions `unaffected`, everything
 * else `unknown` (Bulwark does not assert that unlisted versions are safe).
 */
function affectedProduct(advisory: PublishedAdvisory, p: AffectedProduct): CveProduct {
  const purl = p.purl === undefined ? undefined : splitPurl(p.purl);
  const pkg = purl === undefined ? undefined : osvPackageOf(purl);
  const collection = purl === undefined ? undefined : COLLECTIONS[purl.type];
  const versionType = (purl && VERSION_TYPES[purl.type]) ?? 'custom';
  const v = (version: string) => ecosystemVersion(purl, version);
  const versions: CveVersion[] = [
    ...(p.affected.versions ?? []).map(
      (version): CveVersion => ({ version: v(version), status: 'affected' }),
    ),
    ...(p.affected.ranges ?? []).map(
      (r): CveVersion => ({
        version: r.introduced === undefined ? '0' : v(r.introduced),
        status: 'affected',
        versionType,
        ...(r.lastAffected !== undefined
          ? { lessThanOrEqual: v(r.lastAffected) }
          : { lessThan: r.fixed === undefined ? '*' : v(r.fixed) }),
      }),
    ),
    ...(p.fixedVersions ?? []).map((version): CveVersion => ({ version: v(version), status: 'unaffected' })),
  ];
  return {
    vendor: advisory.vendor.name,
    product: productLabel(p),
    ...(collection === undefined || pkg === undefined
      ? {}
      : { collectionURL: collection, packageName: pkg.name }),
    ...(p.cpe === undefined ? {} : { cpes: [p.cpe] }),
    versions: distinct(versions),
    defaultStatus: 'unknown',
  };
}

/** Remediation texts in English (when available) and the advisory language. */
function remediationTexts(advisory: PublishedAdvisory, categories: readonly string[]): CveText[] {
  return distinct(
    (advisory.remediations ?? [])
      .filter((r) => categories.includes(r.category))
      .flatMap((r): CveText[] =>
        advisory.language === 'en'
          ? [{ lang: 'en', value: truncate(r.text, TEXT_MAX) }]
          : [
              ...(r.textEn === undefined ? [] : [{ lang: 'en', value: truncate(r.textEn, TEXT_MAX) }]),
              { lang: advisory.language, value: truncate(r.text, TEXT_MAX) },
            ],
      ),
  );
}

/** References merged by URL (tags united): the advisory page, the references, then remediation URLs. */
function references(advisory: PublishedAdvisory): CveReference[] {
  const byUrl = new Map<string, { name?: string; tags: Set<string> }>();
  const add = (url: string, name: string | undefined, tag: string | undefined) => {
    const key = absoluteUrl(url);
    const entry = byUrl.get(key) ?? { tags: new Set<string>() };
    if (entry.name === undefined && name !== undefined) entry.name = name;
    if (tag !== undefined) entry.tags.add(tag);
    byUrl.set(key, entry);
  };
  if (advisory.url !== undefined) add(advisory.url, `Bulwark ${advisory.id}`, undefined);
  for (const r of advisory.references ?? []) add(r.url, r.title, REFERENCE_TAGS[r.kind ?? 'web']);
  for (const r of advisory.remediations ?? [])
    if (r.url !== undefined) add(r.url, undefined, r.category === 'fix' ? 'patch' : 'mitigation');
  return [...byUrl].map(([url, { name, tags }]) => ({
    url,
    ...(name === undefined ? {} : { name: truncate(name, 512) }),
    ...(tags.size === 0 ? {} : { tags: [...tags] }),
  }));
}

function metrics(advisory: PublishedAdvisory): CveMetric[] {
  const { cvss, gbt30279Grade: grade } = advisory;
  const out: CveMetric[] = [];
  if (cvss?.v3_1 !== undefined || cvss?.v4_0 !== undefined) {
    const entry = (version: '3.1' | '4.0', s: NonNullable<typeof cvss.v3_1>) => ({
      version,
      vectorString: s.vector,
      baseScore: s.baseScore,
      baseSeverity: s.baseSeverity,
    });
    out.push({
      format: 'CVSS',
      scenarios: [{ lang: 'en', value: 'GENERAL' }],
      ...(cvss.v3_1 === undefined ? {} : { cvssV3_1: entry('3.1', cvss.v3_1) }),
      ...(cvss.v4_0 === undefined ? {} : { cvssV4_0: entry('4.0', cvss.v4_0) }),
    });
  }
  // The national grade is not a CVSS mapping, so it goes into the schema's free-form `other` metric.
  if (grade !== undefined)
    out.push({
      format: 'GB/T 30279-2020',
      other: { type: 'GB/T 30279-2020', content: { grade, gradeEn: GRADE_EN[grade] } },
    });
  return out;
}

/**
 * A published CVE JSON 5.1 record (CNA container) for an advisory that has a CVE id; throws
 * {@link MissingCveIdError} otherwise, and {@link AdvisoryInputError} for inconsistent input or when the
 * advisory has no reference URL at all (the schema requires one).
 *
 * The schema requires an English description: it is the English description when the advisory has one, else
 * a generated English sentence pointing to the original (Chinese) description, which is included too. The
 * title is the English title when there is one, else the original title.
 */
export function toCve5(advisory: PublishedAdvisory, options: Cve5Options): Cve5Record {
  const cveId = advisory.ids?.cve;
  if (cveId === undefined) throw new MissingCveIdError(advisory.id);
  assertValidAdvisory(advisory);
  if (!UUID4.test(options.cna.orgId))
    throw new AdvisoryInputError([{ path: '/options/cna/orgId', message: 'must be a version-4 UUID' }]);
  const shortName = options.cna.shortName;
  if (shortName !== undefined && (shortName.length < 2 || shortName.length > 32))
    throw new AdvisoryInputError([{ path: '/options/cna/shortName', message: 'must have 2–32 characters' }]);
  const refs = references(advisory);
  if (refs.length === 0)
    throw new AdvisoryInputError([
      {
        path: '/references',
        message: 'a CVE record needs at least one URL (url, references or remediations)',
      },
    ]);
  const { cna, generator } = options;
  const { dates, cwe, credits = [], ids = {} } = advisory;
  const descriptions: CveText[] = [{ lang: 'en', value: truncate(englishDescription(advisory), TEXT_MAX) }];
  if (advisory.language !== 'en')
    descriptions.push({ lang: advisory.language, value: truncate(advisory.description, TEXT_MAX) });
  const solutions = remediationTexts(advisory, ['fix']);
  const workarounds = remediationTexts(advisory, ['mitigation', 'workaround']);
  const metricList = metrics(advisory);
  const timeline = [
    ...(dates.discoveredAt === undefined
      ? []
      : [{ time: utc(dates.discoveredAt), value: 'Vulnerability discovered' }]),
    { time: utc(dates.reportedAt), value: 'Vulnerability reported' },
    { time: utc(dates.publishedAt), value: 'Advisory published' },
  ].map((e) => ({ ...e, lang: 'en' }));
  const creditList = distinct(
    credits.map((c) => ({
      lang: 'en',
      value: truncate(creditDisplay(c, 'en'), TEXT_MAX),
      type: CREDIT_TYPES[c.role ?? 'finder'],
    })),
  );
  return {
    dataType: 'CVE_RECORD',
    dataVersion: '5.1',
    cveMetadata: {
      cveId,
      assignerOrgId: cna.orgId,
      ...(cna.shortName === undefined ? {} : { assignerShortName: cna.shortName }),
      state: 'PUBLISHED',
      datePublished: utc(dates.publishedAt),
      dateUpdated: utc(dates.updatedAt),
    },
    containers: {
      cna: {
        providerMetadata: {
          orgId: cna.orgId,
          ...(cna.shortName === undefined ? {} : { shortName: cna.shortName }),
          dateUpdated: utc(dates.updatedAt),
        },
        title: truncate(englishTitleOrOriginal(advisory), TITLE_MAX),
        datePublic: utc(dates.publishedAt),
        descriptions,
        affected: advisory.products.map((p) => affectedProduct(advisory, p)),
        ...(cwe === undefined
          ? {}
          : {
              problemTypes: [
                {
                  descriptions: [
                    {
                      lang: 'en',
                      type: 'CWE',
                      cweId: cwe.id,
                      description: cwe.name === undefined ? cwe.id : `${cwe.id} ${cwe.name}`,
                    },
                  ],
                },
              ],
            }),
        ...(metricList.length === 0 ? {} : { metrics: metricList }),
        ...(solutions.length === 0 ? {} : { solutions }),
        ...(workarounds.length === 0 ? {} : { workarounds }),
        references: refs,
        ...(creditList.length === 0 ? {} : { credits: creditList }),
        timeline,
        source: { advisory: advisory.id, discovery: 'UNKNOWN' },
        x_generator: {
          engine: generator?.version === undefined ? 'Bulwark' : `Bulwark ${generator.version}`,
        },
        x_bulwark: {
          advisoryId: advisory.id,
          revision: advisory.revision,
          ...(ids.cnvd === undefined ? {} : { cnvd: ids.cnvd }),
          ...(ids.cnnvd === undefined ? {} : { cnnvd: ids.cnnvd }),
          ...(ids.nvdb === undefined ? {} : { nvdb: ids.nvdb }),
        },
      },
    },
  };
}
