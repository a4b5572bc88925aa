import { roundUp1 } from './round';

type Weights = Readonly<Record<string, number>>;

/** CVSS v3.x specification, section 7.4 (metric values). X (Not Defined) weighs 1 where it is allowed. */
const AV: Weights = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Weights = { L: 0.77, H: 0.44 };
const PR_UNCHANGED: Weights = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Weights = { N: 0.85, L: 0.68, H: 0.5 };
const UI: Weights = { N: 0.85, R: 0.62 };
const CIA: Weights = { H: 0.56, L: 0.22, N: 0 };
const E: Weights = { X: 1, H: 1, F: 0.97, P: 0.94, U: 0.91 };
const RL: Weights = { X: 1, U: 1, W: 0.97, T: 0.96, O: 0.95 };
const RC: Weights = { X: 1, C: 1, R: 0.96, U: 0.92 };
const REQ: Weights = { X: 1, H: 1.5, M: 1, L: 0.5 };

/** v3.x base, temporal and environmental scores (Not Defined metrics take their neutral weight). */
export interface Cvss3Scores {
  readonly base: number;
  readonly temporal: number;
  readonly environmental: number;
}

/** Computes all three scores of a validated v3.0 or v3.1 vector (sections 7.1-7.3 of each specification). */
export function cvss3Scores(version: '3.0' | '3.1', metrics: Readonly<Record<string, string>>): Cvss3Scores {
  const value = (key: string) => metrics[key] ?? 'X';
  // Section 7.3: a Modified metric that is Not Defined takes the base metric's value.
  const modified = (key: string) => (value(`M${key}`) === 'X' ? value(key) : value(`M${key}`));
  const w = (table: Weights, v: string) => table[v] ?? Number.NaN;
  const temporalFactor = w(E, value('E')) * w(RL, value('RL')) * w(RC, value('RC'));

  const changed = value('S') === 'C';
  const iss = 1 - (1 - w(CIA, value('C'))) * (1 - w(CIA, value('I'))) * (1 - w(CIA, value('A')));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const pr = w(changed ? PR_CHANGED : PR_UNCHANGED, value('PR'));
  const exploitability = 8.22 * w(AV, value('AV')) * w(AC, value('AC')) * pr * w(UI, value('UI'));
  const base = impact <= 0 ? 0 : roundUp1(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
  const temporal = roundUp1(base * temporalFactor);

  const mChanged = modified('S') === 'C';
  const miss = Math.min(
    1 -
      (1 - w(REQ, value('CR')) * w(CIA, modified('C'))) *
        (1 - w(REQ, value('IR')) * w(CIA, modified('I'))) *
        (1 - w(REQ, value('AR')) * w(CIA, modified('A'))),
    0.915,
  );
  let mImpact = 6.42 * miss;
  if (mChanged) {
    // v3.1 changed this term (spec 3.1 section 7.3 and its "changes" appendix); v3.0 keeps the base formula.
    mImpact =
      version === '3.1'
        ? 7.52 * (miss - 0.029) - 3.25 * (miss * 0.9731 - 0.02) ** 13
        : 7.52 * (miss - 0.029) - 3.25 * (miss - 0.02) ** 15;
  }
  const mPr = w(mChanged ? PR_CHANGED : PR_UNCHANGED, modified('PR'));
  const mExploitability = 8.22 * w(AV, modified('AV')) * w(AC, modified('AC')) * mPr * w(UI, modified('UI'));
  const environmental =
    mImpact <= 0
      ? 0
      : roundUp1(
          roundUp1(Math.min((mChanged ? 1.08 : 1) * (mImpact + mExploitability), 10)) * temporalFactor,
        );
  return { base, temporal, environmental };
}
