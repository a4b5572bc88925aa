import * as aeModule from 'ae-cvss-calculator';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exactCvss2, exactCvss30 } from './exact-oracle.test-support';
import { scoreCvss } from './index';
import { SPECS } from './metrics';
import { parseCvss } from './parse';
import { cvss2Scores } from './score-v2';
import { cvss3Scores } from './score-v3';
import type { CvssVersion } from './types';

/**
 * Differential tests on random vectors with every metric group, because the vector files cover few
 * temporal/environmental combinations (none for v3.1, none with v4.0 Modified metrics).
 *
 * Oracles: ae-cvss-calculator (dev dependency, test-only) and, where it knowingly departs from the
 * specification text, an exact rational-arithmetic evaluation of the equations (exact-oracle.test-support.ts):
 * - v3.0: ae rounds up with Math.ceil(x * 10) / 10 in floating point, so 10 x 0.92 = 9.200000000000001
 *   becomes 9.3 (e.g. CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U). v3.0 defines Round up as the
 *   smallest tenth >= the exact value (9.2), as the Red Hat library (Decimal arithmetic) computes.
 * - v2.0: ae rounds half up with Math.round in floating point, so 9.0 x 0.95 = 8.549999999999999 becomes 8.5
 *   (e.g. AV:N/AC:M/Au:N/C:P/I:C/A:C/RC:UR); round_to_1_decimal of the exact 8.55 is 8.6 (Red Hat: 8.6).
 * - v2.0 environmental: ae also does not round the AdjustedBase/AdjustedTemporal terms that the v2.0 guide's
 *   AdjustedTemporal equation rounds (e.g. AV:N/AC:H/Au:M/C:C/I:C/A:C/RL:W/CDP:H: guide and Red Hat 8.3, ae 8.2).
 */
const ae = (aeModule as unknown as { default?: typeof aeModule }).default ?? aeModule;

/** Random valid vectors: every base metric, each other metric present or absent, in specification order. */
function vectors(version: CvssVersion): fc.Arbitrary<string> {
  const spec = SPECS[version];
  const parts = spec.metrics.map((m) =>
    m.group === 'base'
      ? fc.constantFrom(...m.values).map((v) => `${m.key}:${v}`)
      : fc.option(
          fc.constantFrom(...m.values).map((v) => `${m.key}:${v}`),
          { nil: null, freq: 2 },
        ),
  );
  return fc
    .tuple(...parts)
    .map((list) =>
      [...(spec.prefix === null ? [] : [spec.prefix]), ...list.filter((p) => p !== null)].join('/'),
    );
}

const RUNS = 1500;
/** Fixed so that CI runs are reproducible (a 40,000-vector run per version also agreed). */
const SEED = 20260821;

interface OracleScores {
  readonly base: number | undefined;
  readonly temporal: number | undefined;
  readonly environmental: number | undefined;
}

/** ae reports v2 and v3 base scores of zero as -0. */
const oracleBase = (oracle: OracleScores) => (oracle.base ?? Number.NaN) + 0;

/**
 * All three computed scores must match wherever the oracle reports one (it omits a group the vector leaves
 * undefined), and the public result must report a group exactly when the oracle does.
 */
function expectSameScores(
  vector: string,
  ours: { base: number; temporal: number; environmental: number },
  oracle: OracleScores,
): void {
  const result = scoreCvss(vector);
  expect(ours.base).toBe(oracleBase(oracle));
  expect(result.baseScore).toBe(oracleBase(oracle));
  expect(result.temporalScore).toBe(oracle.temporal);
  expect(result.environmentalScore).toBe(oracle.environmental);
  if (oracle.temporal !== undefined) expect(ours.temporal).toBe(oracle.temporal);
  if (oracle.environmental !== undefined) expect(ours.environmental).toBe(oracle.environmental);
}
const compared: string[] = [];

describe('scores agree with ae-cvss-calculator on random vectors', () => {
  it('CVSS v2.0: base and group presence against ae, all scores against exact arithmetic', () => {
    fc.assert(
      fc.property(vectors('2.0'), (vector) => {
        const metrics = parseCvss(vector).metrics;
        const ours = cvss2Scores(metrics);
        const oracle = new ae.Cvss2(vector).calculateScores();
        const result = scoreCvss(vector);
        expect(ours.base).toBe(oracleBase(oracle));
        expect(result.temporalScore === undefined).toBe(oracle.temporal === undefined);
        expect(result.environmentalScore === undefined).toBe(oracle.environmental === undefined);
        expect([ours.base, ours.temporal, ours.environmental]).toEqual(exactCvss2(metrics));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    compared.push(
      `cvss v2.0 differential: ${RUNS}/${RUNS} random vectors agree (ae: base, group presence; exact: all)`,
    );
  });

  it('CVSS v3.0: all scores against exact arithmetic', () => {
    fc.assert(
      fc.property(vectors('3.0'), (vector) => {
        const ours = cvss3Scores('3.0', parseCvss(vector).metrics);
        expect([ours.base, ours.temporal, ours.environmental]).toEqual(
          exactCvss30(parseCvss(vector).metrics),
        );
      }),
      { numRuns: RUNS, seed: SEED },
    );
    compared.push(`cvss v3.0 differential: ${RUNS}/${RUNS} random vectors agree (exact: all)`);
  });

  it('CVSS v3.1: all scores against ae', () => {
    fc.assert(
      fc.property(vectors('3.1'), (vector) => {
        const oracle = new ae.Cvss3P1(vector).calculateScores();
        expectSameScores(vector, cvss3Scores('3.1', parseCvss(vector).metrics), oracle);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    compared.push(`cvss v3.1 differential: ${RUNS}/${RUNS} random vectors agree (ae: all)`);
  });

  it('CVSS v4.0 overall, base-only and base+threat scores', () => {
    fc.assert(
      fc.property(vectors('4.0'), (vector) => {
        const oracle = new ae.Cvss4P0(vector).calculateScores();
        const ours = scoreCvss(vector);
        expect(ours.overallScore).toBe(oracle.overall);
        expect(ours.baseScore).toBe(oracle.baseMetricsOnly);
        if (ours.threatScore !== undefined) expect(ours.threatScore).toBe(oracle.threat);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    compared.push(`cvss v4.0 differential: ${RUNS}/${RUNS} random vectors agree (ae: overall, base, threat)`);
  });
});

afterAll(() => {
  console.log(compared.join('\n'));
});
