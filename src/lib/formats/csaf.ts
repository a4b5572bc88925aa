import type { AdvisoryLanguage, PublishedAdvisory } from './advisory';
import { assertValidAdvisory, isHttpUrl, isTimestamp } from './check';
import { absoluteUrl, remediationProducts, utc } from './common';
import { csafProducts } from './csaf-products';
import type { CsafDocument, CsafNote, CsafReference, CsafVulnerability } from './csaf-types';
import { AdvisoryInputError, type AdvisoryIssue } from './errors';
import { creditDisplay, englishText, GRADE_EN, isAnonymous, LABELS, remediationText } from './text';

/** The issuing party (CSAF `document.publisher`). */
export interface CsafPublisher {
  readonly category: 'vendor' | 'coordinator';
  readonly name: string;
  /** URL identifying the publisher (CSAF requires a URI). */
  readonly namespace: string;
  readonly contactDetails?: string;
  readonly issuingAuthority?: string;
}

/** Options of {@link toCsaf}. */
export interface CsafOptions {
  readonly publisher: CsafPublisher;
  /**
   * Document language; defaults to the advisory's. `en` for a Chinese advisory needs titleEn/descriptionEn and
   * sets `source_lang` (remediations without textEn keep their original text).
   */
  readonly lang?: AdvisoryLanguage;
  /** `tracking.generator`: Bulwark's version and the generation time (omitted when not given: builders are pure). */
  readonly generator?: { readonly version?: string; readonly date?: string };
  /**
   * Directory URL the document is served from (e.g. a CSAF provider's `…/white/2026/`); adds the `self`
   * reference to `<base>/<csafFilename(id)>` that CSAF optional test 6.2.11 (canonical URL) looks for.
   */
  readonly canonicalBaseUrl?: string;
}

/** CSAF file name of a tracking id (CSAF 2.0 §5.1): lower case, runs outside `+ - a-z 0-9` become `_`. */
export function csafFilename(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** Object keys sorted alphabetically at every level (CSAF optional test 6.2.13), arrays kept in order. */
function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortedKeys(v)]),
  ) as T;
}

/** Problems in the options: URLs must be absolute http(s), the generation time a timestamp. */
function optionIssues(options: CsafOptions): AdvisoryIssue[] {
  const issues: AdvisoryIssue[] = [];
  if (options.publisher.name.trim() === '')
    issues.push({ path: '/options/publisher/name', message: 'must not be blank' });
  if (!isHttpUrl(options.publisher.namespace))
    issues.push({ path: '/options/publisher/namespace', message: 'must be an absolute http(s) URL' });
  if (options.canonicalBaseUrl !== undefined && !isHttpUrl(options.canonicalBaseUrl))
    issues.push({ path: '/options/canonicalBaseUrl', message: 'must be an absolute http(s) URL' });
  if (options.generator?.date !== undefined && !isTimestamp(options.generator.date))
    issues.push({ path: '/options/generator/date', message: 'must be an RFC 3339 timestamp' });
  return issues;
}

const REMEDIATION_CATEGORY = {
  fix: 'vendor_fix',
  mitigation: 'mitigation',
  workaround: 'workaround',
} as const;

/** Title and description in the document language. */
function texts(advisory: PublishedAdvisory, lang: AdvisoryLanguage): { title: string; description: string } {
  if (lang === advisory.language) return { title: advisory.title, description: advisory.description };
  const english = lang === 'en' ? englishText(advisory) : undefined;
  if (english === undefined)
    throw new AdvisoryInputError([
      { path: '/language', message: `a ${lang} CSAF document needs the advisory text in ${lang}` },
    ]);
  return english;
}

function vulnerability(
  advisory: PublishedAdvisory,
  lang: AdvisoryLanguage,
  text: { title: string; description: string },
  affected: readonly (readonly string[])[],
  fixed: readonly (readonly string[])[],
): CsafVulnerability {
  const allAffected = affected.flat();
  const allFixed = fixed.flat();
  const { cwe, ids = {}, cvss } = advisory;
  const notes: CsafNote[] = [
    { category: 'description', title: LABELS[lang].description, text: text.description },
  ];
  // A CWE without its catalogue name cannot go into `cwe` (mandatory test 6.1.11 compares the name).
  if (cwe !== undefined && cwe.name === undefined)
    notes.push({ category: 'other', title: 'CWE', text: cwe.id });
  // CSAF 2.0 scores have no CVSS v4.0 slot (cvss_v4 arrives with CSAF 2.1), so v4.0 travels as a note.
  if (cvss?.v4_0 !== undefined)
    notes.push({
      category: 'other',
      title: LABELS[lang].cvssV4,
      text: `${cvss.v4_0.vector} (${cvss.v4_0.baseScore} ${cvss.v4_0.baseSeverity})`,
    });
  const otherIds = (['cnvd', 'cnnvd', 'nvdb'] as const).flatMap((key) => {
    const value = ids[key];
    return value === undefined ? [] : [{ system_name: key.toUpperCase(), text: value }];
  });
  const remediations = (advisory.remediations ?? []).map((r) => ({
    category: REMEDIATION_CATEGORY[r.category],
    details: remediationText(r, lang, advisory.language),
    ...(r.url === undefined ? {} : { url: absoluteUrl(r.url) }),
    product_ids: remediationProducts(advisory, r).flatMap((i) => affected[i] ?? []),
  }));
  const references: CsafReference[] = (advisory.references ?? []).map((r) => ({
    category: 'external',
    summary: r.title ?? r.url,
    url: absoluteUrl(r.url),
  }));
  const acknowledgments = (advisory.credits ?? []).map((c) =>
    isAnonymous(c)
      ? c.organization === undefined
        ? { summary: creditDisplay(c, lang) }
        : { organization: c.organization }
      : {
          names: [c.name as string],
          ...(c.organization === undefined ? {} : { organization: c.organization }),
        },
  );
  return {
    title: text.title,
    ...(ids.cve === undefined ? {} : { cve: ids.cve }),
    ...(cwe?.name === undefined ? {} : { cwe: { id: cwe.id, name: cwe.name } }),
    ...(otherIds.length === 0 ? {} : { ids: otherIds }),
    notes,
    ...(advisory.dates.discoveredAt === undefined
      ? {}
      : { discovery_date: utc(advisory.dates.discoveredAt) }),
    release_date: utc(advisory.dates.publishedAt),
    product_status: { known_affected: allAffected, ...(allFixed.length === 0 ? {} : { fixed: allFixed }) },
    ...(remediations.length === 0 ? {} : { remediations }),
    ...(cvss?.v3_1 === undefined
      ? {}
      : {
          scores: [
            {
              products: allAffected,
              cvss_v3: {
                version: '3.1',
                vectorString: cvss.v3_1.vector,
                baseScore: cvss.v3_1.baseScore,
                baseSeverity: cvss.v3_1.baseSeverity,
              },
            },
          ],
        }),
    ...(references.length === 0 ? {} : { references }),
    ...(acknowledgments.length === 0 ? {} : { acknowledgments }),
  };
}

/**
 * CSAF 2.0 `csaf_security_advisory` for a published advisory: one vulnerability, a vendor → product →
 * version/range product tree, TLP:WHITE (CSAF 2.0 predates TLP 2.0's CLEAR) and status `final`.
 * Throws {@link AdvisoryInputError} for inconsistent input.
 */
export function toCsaf(advisory: PublishedAdvisory, options: CsafOptions): CsafDocument {
  assertValidAdvisory(advisory);
  const issues = optionIssues(options);
  if (issues.length > 0) throw new AdvisoryInputError(issues);
  const lang = options.lang ?? advisory.language;
  const text = texts(advisory, lang);
  const { tree, affected, fixed } = csafProducts(advisory, lang);
  const { publisher, generator } = options;
  const history = advisory.revisionHistory ?? [
    { revision: 1, date: advisory.dates.publishedAt, summary: LABELS[lang].initialRelease },
  ];
  const selfRefs: CsafReference[] = [
    ...(options.canonicalBaseUrl === undefined
      ? []
      : [
          {
            category: 'self' as const,
            summary: 'Canonical URL',
            url: absoluteUrl(`${options.canonicalBaseUrl.replace(/\/+$/, '')}/${csafFilename(advisory.id)}`),
          },
        ]),
    ...(advisory.url === undefined
      ? []
      : [{ category: 'self' as const, summary: text.title, url: absoluteUrl(advisory.url) }]),
  ];
  const grade = advisory.gbt30279Grade;
  const gradeText =
    grade === undefined
      ? undefined
      : lang === 'en'
        ? `${GRADE_EN[grade]} (GB/T 30279-2020: ${grade})`
        : `${grade} (GB/T 30279-2020)`;
  return sortedKeys<CsafDocument>({
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang,
      ...(lang === advisory.language ? {} : { source_lang: advisory.language }),
      title: text.title,
      publisher: {
        category: publisher.category,
        name: publisher.name,
        namespace: absoluteUrl(publisher.namespace),
        ...(publisher.contactDetails === undefined ? {} : { contact_details: publisher.contactDetails }),
        ...(publisher.issuingAuthority === undefined
          ? {}
          : { issuing_authority: publisher.issuingAuthority }),
      },
      distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      ...(gradeText === undefined ? {} : { aggregate_severity: { text: gradeText } }),
      ...(selfRefs.length === 0 ? {} : { references: selfRefs }),
      tracking: {
        id: advisory.id,
        status: 'final',
        version: String(advisory.revision),
        revision_history: history.map((h) => ({
          date: utc(h.date),
          number: String(h.revision),
          summary: h.summary,
        })),
        initial_release_date: utc(advisory.dates.publishedAt),
        current_release_date: utc(advisory.dates.updatedAt),
        generator: {
          engine: {
            name: 'Bulwark',
            ...(generator?.version === undefined ? {} : { version: generator.version }),
          },
          ...(generator?.date === undefined ? {} : { date: utc(generator.date) }),
        },
      },
    },
    product_tree: { branches: [tree] },
    vulnerabilities: [vulnerability(advisory, lang, text, affected, fixed)],
  });
}
