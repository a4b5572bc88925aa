import { roundHalfUp1 } from './round';

type Weights = Readonly<Record<string, number>>;

/** CVSS v2.0 guide, section 3.2 (equations) and 3.3 (metric values). ND weighs as the neutral value. */
const AV: Weights = { L: 0.395, A: 0.646, N: 1.0 };
const AC: Weights = { H: 0.35, M: 0.61, L: 0.71 };
const AU: Weights = { M: 0.45, S: 0.56, N: 0.704 };
const IMPACT: Weights = { N: 0.0, P: 0.275, C: 0.66 };
const E: Weights = { U: 0.85, POC: 0.9, F: 0.95, H: 1.0, ND: 1.0 };
const RL: Weights = { OF: 0.87, TF: 0.9, W: 0.95, U: 1.0, ND: 1.0 };
const RC: Weights = { UC: 0.9, UR: 0.95, C: 1.0, ND: 1.0 };
const CDP: Weights = { N: 0, L: 0.1, LM: 0.3, MH: 0.4, H: 0.5, ND: 0 };
const TD: Weights = { N: 0, L: 0.25, M: 0.75, H: 1.0, ND: 1.0 };
const REQ: Weights = { L: 0.5, M: 1.0, H: 1.51, ND: 1.0 };

/** v2.0 base, temporal and environmental scores (Not Defined metrics take their neutral weight). */
export interface Cvss2Scores {
  readonly base: number;
  readonly temporal: number;
  readonly environmental: number;
}

/** Computes all three CVSS v2.0 scores from validated metrics. */
export function cvss2Scores(metrics: Readonly<Record<string, string>>): Cvss2Scores {
  const w = (table: Weights, key: string) => table[metrics[key] ?? 'ND'] ?? Number.NaN;
  const [c, i, a] = [w(IMPACT, 'C'), w(IMPACT, 'I'), w(IMPACT, 'A')];
  const exploitability = 20 * w(AV, 'AV') * w(AC, 'AC') * w(AU, 'Au');
  const equation = (impact: number) =>
    (0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176);
  const temporalFactor = w(E, 'E') * w(RL, 'RL') * w(RC, 'RC');

  const base = roundHalfUp1(equation(10.41 * (1 - (1 - c) * (1 - i) * (1 - a))));
  const temporal = roundHalfUp1(base * temporalFactor);

  const adjustedImpact = Math.min(
    10,
    10.41 * (1 - (1 - c * w(REQ, 'CR')) * (1 - i * w(REQ, 'IR')) * (1 - a * w(REQ, 'AR'))),
  );
  const adjustedTemporal = roundHalfUp1(roundHalfUp1(equation(adjustedImpact)) * temporalFactor);
  const environmental = roundHalfUp1(
    (adjustedTemporal + (10 - adjustedTemporal) * w(CDP, 'CDP')) * w(TD, 'TD'),
  );
  return { base, temporal, environmental };
}
