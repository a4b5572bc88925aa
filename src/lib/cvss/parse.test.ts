import { describe, expect, it } from 'vitest';
import { CvssError, parseCvss, scoreCvss } from './index';

function errorOf(vector: string): CvssError {
  try {
    parseCvss(vector);
  } catch (error) {
    if (error instanceof CvssError) return error;
    throw error;
  }
  throw new Error(`expected ${vector} to be rejected`);
}

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

describe('parseCvss rejects invalid vectors with a message naming the problem', () => {
  it.each([
    ['', undefined, /non-empty string/],
    [`${V31} `, undefined, /whitespace/],
    ['CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', undefined, /Unsupported CVSS version prefix "CVSS:3.2"/],
    [
      'cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      undefined,
      /prefix must be written "CVSS:" in upper case/,
    ],
    ['CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', undefined, /CVSS v2.0 vectors carry no prefix/],
    [
      'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      'PR',
      /Unknown CVSS v2.0 metric "PR".*must start with "CVSS:3.0\/"/,
    ],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'A', /lacks mandatory base metric\(s\) A\b/],
    ['CVSS:3.1/AV:N/AC:L', 'PR', /lacks mandatory base metric\(s\) PR, UI, S, C, I, A/],
    ['CVSS:3.1', 'AV', /lacks mandatory base metric/],
    [`${V31}/AV:L`, 'AV', /metric AV appears more than once/],
    [
      'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      'AV',
      /Invalid value "Q" for CVSS v3.1 metric AV \(Attack Vector\); expected one of N, A, L, P/,
    ],
    ['CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'AV', /Invalid value "n"/],
    [`${V31}/E:ND`, 'E', /Invalid value "ND" for CVSS v3.1 metric E/],
    [`${V31}/XX:Y`, 'XX', /Unknown CVSS v3.1 metric "XX"/],
    [`${V31}/`, undefined, /Empty metric at position 9/],
    ['CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', undefined, /Empty metric at position 2/],
    ['CVSS:3.1/AV:N/AC/PR:N/UI:N/S:U/C:H/I:H/A:H', undefined, /Malformed CVSS v3.1 metric "AC"/],
    ['CVSS:3.1/AV:N:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', undefined, /Malformed CVSS v3.1 metric "AV:N:L"/],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X', 'E', /Invalid value "X" for CVSS v2.0 metric E \(Exploitability\)/],
    ['AV:N/AC:L/Au:N/C:P/I:P', 'A', /CVSS v2.0 vector lacks mandatory base metric\(s\) A/],
    [
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N',
      'SA',
      /lacks mandatory base metric\(s\) SA/,
    ],
    [
      'CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      'AV',
      /metric AV must come before AC/,
    ],
    [`${V40}/CR:H/E:A`, 'E', /metric E must come before CR/],
    [`${V40}/MSC:S`, 'MSC', /Invalid value "S" for CVSS v4.0 metric MSC/],
    [`${V40}/U:clear`, 'U', /expected one of X, Clear, Green, Amber, Red/],
  ])('%j', (vector, metric, message) => {
    const error = errorOf(vector);
    expect(error.message).toMatch(message);
    expect(error.metric).toBe(metric);
  });

  it('rejects non-strings', () => {
    expect(() => parseCvss(undefined as unknown as string)).toThrow(CvssError);
    expect(() => scoreCvss('AV:N')).toThrow(/lacks mandatory base metric/);
  });
});

describe('parseCvss accepts and normalises valid vectors', () => {
  it('detects the version and keeps metrics in spec order, dropping Not Defined from the canonical string', () => {
    const v3 = parseCvss('CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X');
    expect(v3.version).toBe('3.0');
    expect(Object.keys(v3.metrics)).toEqual(['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A', 'E', 'RL']);
    expect(v3.metrics.RL).toBe('X');
    expect(v3.vector).toBe('CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N/E:F');
  });

  it('accepts v2 bare or in NVD parentheses, with ND values', () => {
    expect(parseCvss('(AV:N/AC:L/Au:N/C:P/I:P/A:P)').vector).toBe('AV:N/AC:L/Au:N/C:P/I:P/A:P');
    expect(parseCvss('AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/RL:OF').vector).toBe(
      'AV:N/AC:L/Au:N/C:P/I:P/A:P/RL:OF',
    );
  });

  it('accepts a full v4.0 vector with every group in order', () => {
    const full = `${V40}/E:P/CR:H/IR:M/AR:L/MAV:A/MAC:H/MAT:P/MPR:L/MUI:A/MVC:L/MVI:N/MVA:H/MSC:L/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Red`;
    expect(parseCvss(full).vector).toBe(full);
  });
});

describe('scoreCvss result shape', () => {
  it('v3.1 base only: NVD example CVE-2021-44228', () => {
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H')).toEqual({
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
      baseScore: 10,
      severity: 'CRITICAL',
      overallScore: 10,
      overallSeverity: 'CRITICAL',
    });
  });

  it('v3.0 with temporal and environmental groups', () => {
    const score = scoreCvss(
      'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H',
    );
    expect([score.baseScore, score.temporalScore, score.environmentalScore, score.overallScore]).toEqual([
      9.3, 8.9, 9.5, 9.5,
    ]);
    expect([score.severity, score.overallSeverity]).toEqual(['CRITICAL', 'CRITICAL']);
  });

  it('v2.0 uses NVD severity bands (0.0 is LOW)', () => {
    expect(scoreCvss('AV:L/AC:H/Au:M/C:N/I:N/A:N')).toMatchObject({ baseScore: 0, severity: 'LOW' });
    expect(scoreCvss('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toMatchObject({ baseScore: 7.5, severity: 'HIGH' });
    expect(scoreCvss('AV:N/AC:M/Au:N/C:P/I:N/A:N')).toMatchObject({ baseScore: 4.3, severity: 'MEDIUM' });
  });

  it('v4.0 reports CVSS-B, CVSS-BT and CVSS-BTE scores, MacroVector and nomenclature', () => {
    const vector = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/MAV:L';
    expect(scoreCvss(vector)).toEqual({
      version: '4.0',
      vector,
      baseScore: 9.3,
      severity: 'CRITICAL',
      threatScore: 8.9,
      environmentalScore: 7.3,
      overallScore: 7.3,
      overallSeverity: 'HIGH',
      macroVector: '100210',
      nomenclature: 'CVSS-BTE',
    });
    expect(scoreCvss(`${V40}/E:X/CR:X`)).toMatchObject({ nomenclature: 'CVSS-B', macroVector: '000200' });
    expect(scoreCvss(`${V40}/E:X/CR:X`).threatScore).toBeUndefined();
  });

  it('scores a parsed vector by re-validating its canonical string', () => {
    expect(scoreCvss(parseCvss(V31)).baseScore).toBe(9.8);
  });
});
