/**
 * CVSS v2.0, v3.0, v3.1 and v4.0 parsing and scoring, implemented from the FIRST specifications and checked
 * against every vector in ../shared/vectors/cvss (Red Hat `cvss` test data), plus differential tests on random
 * vectors against `ae-cvss-calculator` and an exact rational-arithmetic evaluation (both test-only). No runtime
 * dependencies.
 *
 * - `parseCvss(vector)` detects the version (`CVSS:3.0/`, `CVSS:3.1/`, `CVSS:4.0/`; v2.0 has no prefix and may
 *   be wrapped in parentheses as in NVD's legacy feeds) and validates strictly: every base metric present,
 *   no duplicates, only the values the specification lists (case-sensitive), v4.0 metrics in specification
 *   order. Failures throw {@link CvssError} naming the metric.
 * - `scoreCvss(vector)` returns the base score and severity, the temporal (v2/v3) or threat (v4.0) score and
 *   the environmental score when the vector defines metrics of those groups, the overall score, and for v4.0
 *   the MacroVector and nomenclature (CVSS-B/BT/BE/BTE).
 *
 * Rounding: v3.x uses the v3.1 Appendix A Roundup (for v3.0 too, which defines the same round-up);
 * v2.0 rounds half up to one decimal; v4.0 follows the FIRST reference calculator arithmetic. v2.0 severities
 * use NVD's LOW/MEDIUM/HIGH bands because the v2.0 guide defines none.
 *
 * @packageDocumentation
 */

export { CvssError } from './errors';
export { parseCvss } from './parse';
export { scoreCvss } from './score';
export type { CvssNomenclature, CvssScore, CvssSeverity, CvssVector, CvssVersion } from './types';
