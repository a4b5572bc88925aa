import type { AdvisoryLanguage, Credit, Gbt30279Grade, PublishedAdvisory, Remediation } from './advisory';
import { productLabel } from './common';

/** Fixed strings the builders emit, per document language. */
export interface Labels {
  readonly description: string;
  readonly cvssV4: string;
  readonly allVersions: string;
  readonly anonymous: string;
  readonly initialRelease: string;
}

/** Labels per language. */
export const LABELS: Readonly<Record<AdvisoryLanguage, Labels>> = {
  'zh-CN': {
    description: '漏洞描述',
    cvssV4: 'CVSS v4.0 评分',
    allVersions: '所有版本',
    anonymous: '匿名研究人员',
    initialRelease: '首次发布',
  },
  en: {
    description: 'Vulnerability description',
    cvssV4: 'CVSS v4.0 score',
    allVersions: 'all versions',
    anonymous: 'Anonymous researcher',
    initialRelease: 'Initial release',
  },
};

/** English names of the GB/T 30279-2020 grades (a translation of the grade, not a CVSS mapping). */
export const GRADE_EN: Readonly<Record<Gbt30279Grade, 'Critical' | 'High' | 'Medium' | 'Low'>> = {
  超危: 'Critical',
  高危: 'High',
  中危: 'Medium',
  低危: 'Low',
};

/** Title and description in English, or undefined when the advisory has none. */
export function englishText(advisory: PublishedAdvisory): { title: string; description: string } | undefined {
  if (advisory.language === 'en') return { title: advisory.title, description: advisory.description };
  if (advisory.titleEn === undefined || advisory.descriptionEn === undefined) return undefined;
  return { title: advisory.titleEn, description: advisory.descriptionEn };
}

/**
 * English description for formats that require one (CVE 5 `descriptions` must contain an `en` entry): the
 * English description when there is one, else a generated sentence naming the weakness and products and
 * pointing to the original-language description.
 */
export function englishDescription(advisory: PublishedAdvisory): string {
  const english = englishText(advisory);
  if (english !== undefined) return english.description;
  const weakness =
    advisory.cwe === undefined
      ? ''
      : ` (${advisory.cwe.id}${advisory.cwe.name ? ` ${advisory.cwe.name}` : ''})`;
  const products = advisory.products.map((p) => `${advisory.vendor.name} ${productLabel(p)}`).join(', ');
  return (
    `A vulnerability${weakness} affects ${products}. No English description was provided; ` +
    `see the ${advisory.language} description (Bulwark advisory ${advisory.id}).`
  );
}

/** English title when there is one, else the original title. */
export function englishTitleOrOriginal(advisory: PublishedAdvisory): string {
  return englishText(advisory)?.title ?? advisory.title;
}

/** Remediation text for a document in `lang`; falls back to the original text when no English text exists. */
export function remediationText(
  remediation: Remediation,
  lang: AdvisoryLanguage,
  source: AdvisoryLanguage,
): string {
  return lang === 'en' && source !== 'en' ? (remediation.textEn ?? remediation.text) : remediation.text;
}

/** True when a credit must not reveal a person's name or contacts. */
export function isAnonymous(credit: Credit): boolean {
  return credit.anonymous === true || credit.name === undefined || credit.name.trim() === '';
}

/** How a credited party is named in `lang`: the name, else "Anonymous researcher", plus the organisation. */
export function creditDisplay(credit: Credit, lang: AdvisoryLanguage): string {
  const who = isAnonymous(credit) ? LABELS[lang].anonymous : (credit.name as string);
  return credit.organization === undefined ? who : `${who} (${credit.organization})`;
}
