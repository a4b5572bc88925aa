import {
  BULWARK_ID_PATTERN,
  CNNVD_ID_PATTERN,
  CNVD_ID_PATTERN,
  CVE_ID_PATTERN,
  type CvssScoreInput,
  type CvssSeverity,
  type PublishedAdvisory,
} from './advisory';
import { productLabel } from './common';
import { AdvisoryInputError, type AdvisoryIssue } from './errors';
import { splitPurl } from './purl-lite';

/** CVSS v3.1 vector syntax, as the CVE 5 / OSV schemas check it (restricted to 3.1). */
const CVSS31 =
  /^CVSS:3[.]1\/((AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])\/)*(AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])$/;

/** CVSS v4.0 vector syntax, as the CVE 5 / OSV schemas check it. */
const CVSS40 =
  /^CVSS:4[.]0\/AV:[NALP]\/AC:[LH]\/AT:[NP]\/PR:[NLH]\/UI:[NPA]\/VC:[HLN]\/VI:[HLN]\/VA:[HLN]\/SC:[HLN]\/SI:[HLN]\/SA:[HLN](\/E:[XAPU])?(\/CR:[XHML])?(\/IR:[XHML])?(\/AR:[XHML])?(\/MAV:[XNALP])?(\/MAC:[XLH])?(\/MAT:[XNP])?(\/MPR:[XNLH])?(\/MUI:[XNPA])?(\/MVC:[XNLH])?(\/MVI:[XNLH])?(\/MVA:[XNLH])?(\/MSC:[XNLH])?(\/MSI:[XNLHS])?(\/MSA:[XNLHS])?(\/S:[XNP])?(\/AU:[XNY])?(\/R:[XAUI])?(\/V:[XDC])?(\/RE:[XLMH])?(\/U:(X|Clear|Green|Amber|Red))?$/;

/** CPE 2.3 formatted string or CPE 2.2 URI, as CSAF 2.0 `product_identification_helper.cpe`. */
const CPE =
  /^(cpe:2\.3:[aho*-](:(((\?*|\*?)([a-zA-Z0-9\-._]|(\\[\\*?!"#$%&'()+,/:;<=>@[\]^`{|}~]))+(\?*|\*?))|[*-])){5}(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[*-]))(:(((\?*|\*?)([a-zA-Z0-9\-._]|(\\[\\*?!"#$%&'()+,/:;<=>@[\]^`{|}~]))+(\?*|\*?))|[*-])){4})|([c][pP][eE]:\/[AHOaho]?(:[A-Za-z0-9._\-~%]*){0,6})$/;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** True for an RFC 3339 timestamp with seconds and an offset that denotes a real instant. */
export const isTimestamp = (value: string): boolean =>
  RFC3339.test(value) && !Number.isNaN(Date.parse(value));

/** Words CSAF mandatory test 6.1.31 treats as a range inside a single version name. */
const RANGE_WORDS = new Set(['<', '<=', '>', '>=', 'after', 'all', 'later', 'prior', 'versions']);

const GRADES = new Set(['超危', '高危', '中危', '低危']);
const REMEDIATIONS = new Set(['fix', 'mitigation', 'workaround']);
const KINDS = new Set(['advisory', 'vendor-advisory', 'fix', 'report', 'article', 'package', 'web']);
const ROLES = new Set([
  'finder',
  'reporter',
  'analyst',
  'coordinator',
  'remediation_developer',
  'remediation_reviewer',
  'remediation_verifier',
  'tool',
  'sponsor',
  'other',
]);

/** FIRST v3.x / v4.0 severity bands. */
function severityOf(score: number): CvssSeverity {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** True for an absolute http(s) URL. */
export const isHttpUrl = (url: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

const looksLikeRange = (version: string): boolean =>
  version
    .toLowerCase()
    .split(/\s*\b\s*/)
    .some((word) => RANGE_WORDS.has(word));

/** Every problem that would make a builder emit an invalid or misleading document. */
export function advisoryIssues(a: PublishedAdvisory): AdvisoryIssue[] {
  const issues: AdvisoryIssue[] = [];
  const fail = (path: string, message: string) => issues.push({ path, message });
  const time = (path: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    if (!isTimestamp(value)) {
      fail(path, 'must be an RFC 3339 timestamp with seconds and an offset');
      return undefined;
    }
    return Date.parse(value);
  };
  const url = (path: string, value: string | undefined) => {
    if (value !== undefined && !isHttpUrl(value)) fail(path, 'must be an absolute http(s) URL');
  };
  const cvss = (path: string, score: CvssScoreInput | undefined, syntax: RegExp) => {
    if (score === undefined) return;
    if (!syntax.test(score.vector)) fail(`${path}/vector`, 'is not a valid vector of this CVSS version');
    if (!(score.baseScore >= 0 && score.baseScore <= 10)) fail(`${path}/baseScore`, 'must be within 0–10');
    else if (Math.abs(score.baseScore * 10 - Math.round(score.baseScore * 10)) > 1e-9)
      fail(`${path}/baseScore`, 'must have one decimal');
    else if (severityOf(score.baseScore) !== score.baseSeverity)
      fail(`${path}/baseSeverity`, `must be ${severityOf(score.baseScore)} for score ${score.baseScore}`);
  };

  if (!BULWARK_ID_PATTERN.test(a.id)) fail('/id', 'must look like BWK-2026-00012');
  if (blank(a.title)) fail('/title', 'must not be blank');
  if (blank(a.description)) fail('/description', 'must not be blank');
  if (a.language !== 'zh-CN' && a.language !== 'en') fail('/language', 'must be zh-CN or en');
  if ((a.titleEn === undefined) !== (a.descriptionEn === undefined))
    fail('/titleEn', 'titleEn and descriptionEn must be given together');
  if (a.titleEn !== undefined && blank(a.titleEn)) fail('/titleEn', 'must not be blank');
  if (a.descriptionEn !== undefined && blank(a.descriptionEn)) fail('/descriptionEn', 'must not be blank');
  if (a.cwe !== undefined) {
    if (!/^CWE-[1-9]\d{0,5}$/.test(a.cwe.id)) fail('/cwe/id', 'must look like CWE-79');
    if (a.cwe.name !== undefined && blank(a.cwe.name)) fail('/cwe/name', 'must not be blank');
  }
  cvss('/cvss/v3_1', a.cvss?.v3_1, CVSS31);
  cvss('/cvss/v4_0', a.cvss?.v4_0, CVSS40);
  if (a.gbt30279Grade !== undefined && !GRADES.has(a.gbt30279Grade))
    fail('/gbt30279Grade', 'must be 超危, 高危, 中危 or 低危');

  const ids = a.ids ?? {};
  if (ids.cve !== undefined && !CVE_ID_PATTERN.test(ids.cve))
    fail('/ids/cve', 'must look like CVE-2026-12345');
  if (ids.cnvd !== undefined && !CNVD_ID_PATTERN.test(ids.cnvd))
    fail('/ids/cnvd', 'must look like CNVD-2026-12345');
  if (ids.cnnvd !== undefined && !CNNVD_ID_PATTERN.test(ids.cnnvd))
    fail('/ids/cnnvd', 'must look like CNNVD-202603-123');
  if (ids.nvdb !== undefined && !/^\S+$/.test(ids.nvdb)) fail('/ids/nvdb', 'must be a non-blank id');

  if (blank(a.vendor.name)) fail('/vendor/name', 'must not be blank');
  if (blank(a.vendor.orgId)) fail('/vendor/orgId', 'must not be blank');
  if (a.products.length === 0) fail('/products', 'must list at least one product');
  a.products.forEach((p, i) => {
    const at = `/products/${i}`;
    if (blank(p.name)) fail(`${at}/name`, 'must not be blank');
    if (p.model !== undefined && blank(p.model)) fail(`${at}/model`, 'must not be blank');
    if (p.purl !== undefined && splitPurl(p.purl) === undefined) fail(`${at}/purl`, 'is not a package URL');
    if (p.cpe !== undefined && !CPE.test(p.cpe)) fail(`${at}/cpe`, 'is not a CPE 2.3 string or CPE 2.2 URI');
    const versions = p.affected.versions ?? [];
    const ranges = p.affected.ranges ?? [];
    if (versions.length + ranges.length === 0)
      fail(`${at}/affected`, 'must list an affected version or range');
    const checkVersion = (path: string, v: string) => {
      if (blank(v)) fail(path, 'must not be blank');
      else if (looksLikeRange(v)) fail(path, 'looks like a range; list it under affected.ranges');
    };
    for (const [j, v] of versions.entries()) checkVersion(`${at}/affected/versions/${j}`, v);
    ranges.forEach((r, j) => {
      const rat = `${at}/affected/ranges/${j}`;
      if (r.fixed !== undefined && r.lastAffected !== undefined)
        fail(rat, 'fixed and lastAffected are mutually exclusive (OSV)');
      for (const key of ['introduced', 'fixed', 'lastAffected'] as const)
        if (r[key] !== undefined && blank(r[key])) fail(`${rat}/${key}`, 'must not be blank');
    });
    (p.fixedVersions ?? []).forEach((v, j) => {
      checkVersion(`${at}/fixedVersions/${j}`, v);
      if (versions.includes(v)) fail(`${at}/fixedVersions/${j}`, 'is also listed as affected');
    });
  });

  (a.remediations ?? []).forEach((r, i) => {
    const at = `/remediations/${i}`;
    if (!REMEDIATIONS.has(r.category)) fail(`${at}/category`, 'must be fix, mitigation or workaround');
    if (blank(r.text)) fail(`${at}/text`, 'must not be blank');
    if (r.textEn !== undefined && blank(r.textEn)) fail(`${at}/textEn`, 'must not be blank');
    url(`${at}/url`, r.url);
    for (const name of r.products ?? [])
      if (!a.products.some((p) => p.name === name || productLabel(p) === name))
        fail(`${at}/products`, `names no product: ${name}`);
    if (r.products !== undefined && r.products.length === 0) fail(`${at}/products`, 'must not be empty');
  });
  (a.references ?? []).forEach((r, i) => {
    url(`/references/${i}/url`, r.url);
    if (r.kind !== undefined && !KINDS.has(r.kind)) fail(`/references/${i}/kind`, 'is not a reference kind');
    if (r.title !== undefined && blank(r.title)) fail(`/references/${i}/title`, 'must not be blank');
  });
  (a.credits ?? []).forEach((c, i) => {
    if (c.role !== undefined && !ROLES.has(c.role)) fail(`/credits/${i}/role`, 'is not a credit role');
    if (c.organization !== undefined && blank(c.organization))
      fail(`/credits/${i}/organization`, 'must not be blank');
    (c.contact ?? []).forEach((x, j) => {
      if (blank(x)) fail(`/credits/${i}/contact/${j}`, 'must not be blank');
    });
  });
  url('/url', a.url);

  const discovered = time('/dates/discoveredAt', a.dates.discoveredAt);
  const reported = time('/dates/reportedAt', a.dates.reportedAt);
  const published = time('/dates/publishedAt', a.dates.publishedAt);
  const updated = time('/dates/updatedAt', a.dates.updatedAt);
  if (discovered !== undefined && reported !== undefined && discovered > reported)
    fail('/dates/discoveredAt', 'must not be after reportedAt');
  if (published !== undefined && updated !== undefined && published > updated)
    fail('/dates/updatedAt', 'must not be before publishedAt');

  if (!Number.isInteger(a.revision) || a.revision < 1) fail('/revision', 'must be an integer from 1');
  const history = a.revisionHistory;
  if (history === undefined) {
    if (a.revision > 1) fail('/revisionHistory', 'is required once revision exceeds 1 (CSAF 6.1.21)');
  } else {
    if (history.length !== a.revision) fail('/revisionHistory', `must list revisions 1…${a.revision}`);
    let previous = Number.NEGATIVE_INFINITY;
    history.forEach((h, i) => {
      const at = `/revisionHistory/${i}`;
      if (h.revision !== i + 1) fail(`${at}/revision`, `must be ${i + 1}`);
      if (blank(h.summary)) fail(`${at}/summary`, 'must not be blank');
      const ms = time(`${at}/date`, h.date);
      if (ms === undefined) return;
      if (ms < previous) fail(`${at}/date`, 'must not be earlier than the previous revision');
      if (i === 0 && published !== undefined && ms !== published)
        fail(`${at}/date`, 'must equal dates.publishedAt');
      if (updated !== undefined && ms > updated) fail(`${at}/date`, 'must not be after dates.updatedAt');
      previous = ms;
    });
  }
  return issues;
}

/** Throws {@link AdvisoryInputError} listing every problem in the advisory. */
export function assertValidAdvisory(advisory: PublishedAdvisory): void {
  const issues = advisoryIssues(advisory);
  if (issues.length > 0) throw new AdvisoryInputError(issues);
}
