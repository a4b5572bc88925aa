/** Vulnerability identifier schemes Bulwark recognises. */
export type VulnIdKind = 'cve' | 'cnvd' | 'cnnvd' | 'nvdb';

/** A parsed identifier in canonical form. */
export interface VulnId {
  kind: VulnIdKind;
  id: string;
  year: number;
  month: number | null;
  sequence: string;
}

/**
 * Accepted shapes. Suffix widths are tolerant because they are UNCONFIRMED (shared/docs/regulations.md §7):
 * CNVD-YYYY-N{4,} (public code uses \d+), CNNVD-YYYYMM-N{3,}, CVE-YYYY-N{4,} (CVE ID syntax since 2014).
 * NVDB: no official format was found (UNCONFIRMED); we accept NVDB[-SUBLIB]-YYYY[MM]-N{3,}, where SUBLIB
 * is a sub-library tag such as CICSVD or CAVD.
 */
const PATTERNS: Record<VulnIdKind, RegExp> = {
  cve: /^CVE-(?<year>\d{4})-(?<seq>\d{4,})$/,
  cnvd: /^CNVD-(?<year>\d{4})-(?<seq>\d{4,})$/,
  cnnvd: /^CNNVD-(?<year>\d{4})(?<month>\d{2})-(?<seq>\d{3,})$/,
  nvdb: /^NVDB(?:-[A-Z]{2,12})?-(?<year>\d{4})(?<month>\d{2})?-(?<seq>\d{3,})$/,
};

/** Whether a scheme's pattern is confirmed by a source (see PATTERNS). */
export const ID_FORMAT_STATUS: Record<VulnIdKind, 'final' | 'unconfirmed'> = {
  cve: 'final',
  cnvd: 'unconfirmed',
  cnnvd: 'unconfirmed',
  nvdb: 'unconfirmed',
};

/** NFKC folds full-width input (ＣＶＥ－２０２４…); Unicode dashes become ASCII hyphens; then trim and upper-case. */
export const normalizeVulnId = (raw: string) =>
  raw
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
    .trim()
    .toUpperCase();

/** Parses any recognised identifier after normalisation; null if it matches no scheme or has an impossible date. */
export function parseVulnId(raw: string): VulnId | null {
  const id = normalizeVulnId(raw);
  for (const kind of Object.keys(PATTERNS) as VulnIdKind[]) {
    const g = PATTERNS[kind].exec(id)?.groups;
    if (!g) continue;
    const year = Number(g.year);
    const month = g.month === undefined ? null : Number(g.month);
    // CVE IDs start in 1999 and no scheme here predates them; months must exist.
    if (year < 1999 || (month !== null && (month < 1 || month > 12))) return null;
    return { kind, id, year, month, sequence: g.seq ?? '' };
  }
  return null;
}

/** Whether `raw` is a valid identifier of `kind` (after normalisation). */
export const isVulnId = (raw: string, kind: VulnIdKind) => parseVulnId(raw)?.kind === kind;
