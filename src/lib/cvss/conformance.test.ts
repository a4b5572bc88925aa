import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCvss, scoreCvss } from './index';
import { cvss2Scores } from './score-v2';
import { cvss3Scores } from './score-v3';
import type { CvssScore, CvssVersion } from './types';

/** RedHatProductSecurity/cvss @ 2f14909, tests/ (see ../shared/vectors/README.md, section 4). */
const VECTORS = new URL('../../../../shared/vectors/cvss/redhat-cvss/', import.meta.url);

/** Which CvssScore field a v4.0 file's single expected score also pins, besides `overallScore`. */
type V4Field = 'baseScore' | 'threatScore' | 'environmentalScore';

const FILES: readonly { file: string; version: CvssVersion; v4Field?: V4Field }[] = [
  { file: 'vectors_simple2.txt', version: '2.0' },
  { file: 'vectors_calculator2.txt', version: '2.0' },
  { file: 'vectors_cvsslib2.txt', version: '2.0' },
  { file: 'vectors_simple3.txt', version: '3.0' },
  { file: 'vectors_calculator3.txt', version: '3.0' },
  { file: 'vectors_cvsslib3.txt', version: '3.0' },
  { file: 'vectors_simple31.txt', version: '3.1' },
  { file: 'vectors_simple4.txt', version: '4.0', v4Field: 'baseScore' },
  { file: 'vectors_supplemental4.txt', version: '4.0', v4Field: 'baseScore' },
  { file: 'vectors_security4.txt', version: '4.0', v4Field: 'environmentalScore' },
  { file: 'vectors_threat4.txt', version: '4.0', v4Field: 'threatScore' },
];

/** Parses "(base, temporal, environmental)", "(score,)" or a bare number; Python `None` becomes null. */
function parseExpected(text: string): (number | null)[] {
  return text
    .replace(/^\(|\)$/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s === 'None' ? null : Number(s) + 0));
}

function readCases(file: string): { vector: string; expected: (number | null)[] }[] {
  return readFileSync(new URL(file, VECTORS), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [vector, scores] = line.split(' - ');
      if (vector === undefined || scores === undefined) {
        throw new Error(`Unreadable line in ${file}: ${line}`);
      }
      return { vector, expected: parseExpected(scores) };
    });
}

/** Checks one v2/v3 line: public result (groups present only when defined) and all three computed scores. */
function checkV2V3(version: CvssVersion, vector: string, expected: (number | null)[]): string | null {
  const [base, temporal, environmental] = expected;
  const result = scoreCvss(vector);
  const metrics = parseCvss(vector).metrics;
  const all = version === '2.0' ? cvss2Scores(metrics) : cvss3Scores(version as '3.0' | '3.1', metrics);
  const problems: string[] = [];
  if (result.version !== version) problems.push(`version ${result.version}`);
  if (result.baseScore !== base) problems.push(`base ${result.baseScore} != ${base}`);
  if (all.base !== base) problems.push(`computed base ${all.base} != ${base}`);
  if (temporal !== null && all.temporal !== temporal) {
    problems.push(`temporal ${all.temporal} != ${temporal}`);
  }
  if (environmental !== null && all.environmental !== environmental) {
    problems.push(`environmental ${all.environmental} != ${environmental}`);
  }
  for (const [field, value] of [
    ['temporalScore', result.temporalScore],
    ['environmentalScore', result.environmentalScore],
  ] as const) {
    const computed = field === 'temporalScore' ? all.temporal : all.environmental;
    if (value !== undefined && value !== computed) problems.push(`${field} ${value} != ${computed}`);
  }
  // v2 files give None exactly when the vector has no metric of the group.
  if (version === '2.0' && (temporal === null) !== (result.temporalScore === undefined)) {
    problems.push('temporalScore presence');
  }
  if (version === '2.0' && (environmental === null) !== (result.environmentalScore === undefined)) {
    problems.push('environmentalScore presence');
  }
  return problems.length === 0 ? null : `${vector}: ${problems.join('; ')}`;
}

function checkV4(vector: string, expected: (number | null)[], field: V4Field): string | null {
  const [score] = expected;
  const result: CvssScore = scoreCvss(vector);
  const problems: string[] = [];
  if (result.overallScore !== score) problems.push(`overall ${result.overallScore} != ${score}`);
  if (result[field] !== score) problems.push(`${field} ${result[field]} != ${score}`);
  if (!/^[0-2][01][0-2][0-2][0-2][01]$/.test(result.macroVector ?? '')) problems.push('macroVector');
  return problems.length === 0 ? null : `${vector}: ${problems.join('; ')}`;
}

const summary: string[] = [];

describe('CVSS conformance (redhat-cvss vector files)', () => {
  it.each(FILES)('$file', ({ file, version, v4Field }) => {
    const cases = readCases(file);
    const failures: string[] = [];
    for (const { vector, expected } of cases) {
      try {
        const failure =
          version === '4.0'
            ? checkV4(vector, expected, v4Field ?? 'baseScore')
            : checkV2V3(version, vector, expected);
        if (failure !== null) failures.push(failure);
      } catch (error) {
        failures.push(`${vector}: threw ${(error as Error).message}`);
      }
    }
    summary.push(`cvss v${version} ${file}: ${cases.length - failures.length}/${cases.length}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

afterAll(() => {
  console.log(summary.join('\n'));
});
