import * as aeModule from 'ae-cvss-calculator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCvss } from './index';
import { SPECS } from './metrics';
import { parseCvss } from './parse';
import { cvss2Scores } from './score-v2';
import { cvss3Scores } from './score-v3';
import type { CvssVersion } from './types';

/**
 * Differential test against ae-cvss-calculator (dev dependency, used here only as an oracle; README section 10
 * reports it 100% on the vector files). The vector files cover few temporal/environmental combinations
 * (none for v3.1, none with v4.0 Modified metrics), so random vectors with every metric group are compared.
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

interface OracleScores {
  base: number;
  temporal?: number;
  environmental?: number;
}

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
  expect(ours.base).toBe(oracle.base + 0);
  expect(result.baseScore).toBe(oracle.base + 0);
  expect(result.temporalScore).toBe(oracle.temporal);
  expect(result.environmentalScore).toBe(oracle.environmental);
  if (oracle.temporal !== undefined) expect(ours.temporal).toBe(oracle.temporal);
  if (oracle.environmental !== undefined) expect(ours.environmental).toBe(oracle.environmental);
}
const compared: string[] = [];

describe('scores agree with ae-cvss-calculator on random vectors', () => {
  it('CVSS v2.0 base, temporal and environmental', () => {
    fc.assert(
      fc.property(vectors('2.0'), (vector) => {
        const oracle = new ae.Cvss2(vector).calculateScores();
        expectSameScores(vector, cvss2Scores(parseCvss(vector).metrics), oracle);
      }),
      { numRuns: RUNS },
    );
    compared.push(`cvss v2.0 differential: ${RUNS}/${RUNS} random vectors agree`);
  });

  it.each(['3.0', '3.1'] as const)('CVSS v%s base, temporal and environmental', (version) => {
    const Oracle = version === '3.0' ? ae.Cvss3P0 : ae.Cvss3P1;
    fc.assert(
      fc.property(vectors(version), (vector) => {
        const oracle = new Oracle(vector).calculateScores();
        expectSameScores(vector, cvss3Scores(version, parseCvss(vector).metrics), oracle);
      }),
      { numRuns: RUNS },
    );
    compared.push(`cvss v${version} differential: ${RUNS}/${RUNS} random vectors agree`);
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
      { numRuns: RUNS },
    );
    compared.push(`cvss v4.0 differential: ${RUNS}/${RUNS} random vectors agree`);
    console.log(compared.join('\n'));
  });
});
