import { LEVELS, MACROVECTOR_SCORES, MAX_COMPOSED, MAX_SEVERITY } from './v4-tables';

type Metrics = Readonly<Record<string, string>>;

/** Scoring value of a metric (reference `getEffectiveMetricValue`): X defaults and Modified overrides. */
function effective(metrics: Metrics, key: string): string {
  const value = metrics[key] ?? 'X';
  // Specification worst-case defaults: Not Defined E counts as Attacked, CR/IR/AR as High.
  if (value === 'X' && key === 'E') return 'A';
  if (value === 'X' && (key === 'CR' || key === 'IR' || key === 'AR')) return 'H';
  const modified = metrics[`M${key}`];
  return modified !== undefined && modified !== 'X' ? modified : value;
}

/** CVSS v4.0 specification section 8.2, Table 24-29: the EQ1..EQ6 levels of a vector as a six-digit string. */
export function macroVector(metrics: Metrics): string {
  const m = (key: string) => effective(metrics, key);
  const allN = m('AV') === 'N' && m('PR') === 'N' && m('UI') === 'N';
  const anyN = m('AV') === 'N' || m('PR') === 'N' || m('UI') === 'N';
  const eq1 = allN ? 0 : anyN && m('AV') !== 'P' ? 1 : 2;
  const eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1;
  const eq3 =
    m('VC') === 'H' && m('VI') === 'H' ? 0 : m('VC') === 'H' || m('VI') === 'H' || m('VA') === 'H' ? 1 : 2;
  const eq4 =
    m('MSI') === 'S' || m('MSA') === 'S' ? 0 : m('SC') === 'H' || m('SI') === 'H' || m('SA') === 'H' ? 1 : 2;
  const eq5 = { A: 0, P: 1, U: 2 }[m('E')] ?? 2;
  const eq6 =
    (m('CR') === 'H' && m('VC') === 'H') ||
    (m('IR') === 'H' && m('VI') === 'H') ||
    (m('AR') === 'H' && m('VA') === 'H')
      ? 0
      : 1;
  return `${eq1}${eq2}${eq3}${eq4}${eq5}${eq6}`;
}

/** Score of a MacroVector given as EQ digits, NaN when that MacroVector does not exist. */
function scoreOf(eq: readonly number[]): number {
  return MACROVECTOR_SCORES[eq.join('')] ?? Number.NaN;
}

function parseMaxVector(text: string): Record<string, string> {
  return Object.fromEntries(text.split('/').map((part) => part.split(':') as [string, string]));
}

/** CVSS v4.0 specification section 8.2: score of a validated vector by MacroVector interpolation. */
export function cvss4Score(metrics: Metrics): number {
  // The arithmetic mirrors the FIRST reference calculator (RedHatProductSecurity/cvss-v4-calculator cvss40.js,
  // after PR #67) step by step so that floating-point results match it.
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((key) => effective(metrics, key) === 'N')) return 0;
  const mv = macroVector(metrics);
  const [eq1, eq2, eq3, eq4, eq5, eq6] = [...mv].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const value = scoreOf([eq1, eq2, eq3, eq4, eq5, eq6]);

  // 1a. Maximal scoring difference towards the next lower MacroVector of each EQ (NaN: none exists).
  const lowerEq1 = scoreOf([eq1 + 1, eq2, eq3, eq4, eq5, eq6]);
  const lowerEq2 = scoreOf([eq1, eq2 + 1, eq3, eq4, eq5, eq6]);
  let lowerEq3Eq6: number;
  if (eq3 === 0 && eq6 === 0) {
    // Two lower neighbours: take the higher one (Math.max yields NaN if either is missing, as in the reference).
    lowerEq3Eq6 = Math.max(
      scoreOf([eq1, eq2, eq3, eq4, eq5, eq6 + 1]),
      scoreOf([eq1, eq2, eq3 + 1, eq4, eq5, eq6]),
    );
  } else if (eq3 === 1 && eq6 === 0) {
    lowerEq3Eq6 = scoreOf([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
  } else if (eq6 === 1 && eq3 < 2) {
    lowerEq3Eq6 = scoreOf([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
  } else {
    lowerEq3Eq6 = Number.NaN;
  }
  const lowerEq4 = scoreOf([eq1, eq2, eq3, eq4 + 1, eq5, eq6]);
  const lowerEq5 = scoreOf([eq1, eq2, eq3, eq4, eq5 + 1, eq6]);

  // 1b. Severity distance from the first highest-severity vector of this MacroVector that is not below it.
  const candidates: string[] = [];
  for (const a of MAX_COMPOSED.eq1[eq1] ?? []) {
    for (const b of MAX_COMPOSED.eq2[eq2] ?? []) {
      for (const c of MAX_COMPOSED.eq3eq6[eq3]?.[eq6] ?? []) {
        for (const d of MAX_COMPOSED.eq4[eq4] ?? []) {
          for (const e of MAX_COMPOSED.eq5[eq5] ?? []) candidates.push(`${a}/${b}/${c}/${d}/${e}`);
        }
      }
    }
  }
  let distance: Record<string, number> = {};
  for (const candidate of candidates) {
    const max = parseMaxVector(candidate);
    distance = Object.fromEntries(
      Object.entries(LEVELS).map(([key, levels]) => [
        key,
        (levels[effective(metrics, key)] ?? Number.NaN) - (levels[max[key] ?? ''] ?? Number.NaN),
      ]),
    );
    if (Object.values(distance).every((d) => d >= 0)) break;
  }
  const d = (key: string) => distance[key] ?? Number.NaN;
  const distanceEq1 = d('AV') + d('PR') + d('UI');
  const distanceEq2 = d('AC') + d('AT');
  const distanceEq3Eq6 = d('VC') + d('VI') + d('VA') + d('CR') + d('IR') + d('AR');
  const distanceEq4 = d('SC') + d('SI') + d('SA');

  // 1c/1d. Proportion of each EQ's depth, times its maximal scoring difference; 2. their mean.
  const step = 0.1;
  const parts: [available: number, proportion: number][] = [
    [value - lowerEq1, distanceEq1 / ((MAX_SEVERITY.eq1[eq1] ?? Number.NaN) * step)],
    [value - lowerEq2, distanceEq2 / ((MAX_SEVERITY.eq2[eq2] ?? Number.NaN) * step)],
    [value - lowerEq3Eq6, distanceEq3Eq6 / ((MAX_SEVERITY.eq3eq6[eq3]?.[eq6] ?? Number.NaN) * step)],
    [value - lowerEq4, distanceEq4 / ((MAX_SEVERITY.eq4[eq4] ?? Number.NaN) * step)],
    [value - lowerEq5, 0],
  ];
  let existing = 0;
  let sum = 0;
  for (const [available, proportion] of parts) {
    if (Number.isNaN(available)) continue;
    existing += 1;
    sum += available * proportion;
  }
  const mean = existing === 0 ? 0 : sum / existing;
  // 3. MacroVector score minus the mean distance, clamped and rounded half up to one decimal. The 1e-6 lift is
  // the reference calculator's fix for ties computed one ULP low (cvss-v4-calculator PR #67, issue #66).
  return Math.round((Math.max(0, Math.min(10, value - mean)) + 1e-6) * 10) / 10;
}
