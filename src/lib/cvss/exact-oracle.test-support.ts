/**
 * Test-only oracle: CVSS v2.0 and v3.0 equations evaluated in exact rational arithmetic (BigInt), so that the
 * floating-point implementation can be checked where the specifications define rounding mathematically.
 */

interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d: bigint): Q => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
/** Exact value of a decimal literal such as "0.85". */
const dec = (text: string): Q => {
  const [int = '0', frac = ''] = text.split('.');
  return q(BigInt(int + frac), 10n ** BigInt(frac.length));
};
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (...xs: Q[]) => xs.reduce((a, b) => q(a.n * b.n, a.d * b.d), q(1n, 1n));
const pow = (a: Q, e: number) => mul(...Array.from({ length: e }, () => a));
const le = (a: Q, b: Q) => a.n * b.d <= b.n * a.d;
const min = (a: Q, b: Q) => (le(a, b) ? a : b);
const floorDiv = (n: bigint, d: bigint) => (n >= 0n ? n / d : -((-n + d - 1n) / d));
/** Smallest tenth >= x (CVSS v3.0 "Round up"). */
const ceilTenth = (x: Q) => q(-floorDiv(-x.n * 10n, x.d), 10n);
/** Nearest tenth, halves up (CVSS v2.0 "round_to_1_decimal"). */
const roundTenth = (x: Q) => q(floorDiv(x.n * 20n + x.d, 2n * x.d), 10n);
const num = (x: Q) => Number(x.n) / Number(x.d);
const ZERO = q(0n, 1n);
const ONE = q(1n, 1n);

type Table = Readonly<Record<string, string>>;
const weight = (table: Table, value: string | undefined, fallback: string): Q =>
  dec(table[value ?? fallback] ?? 'NaN');

/** CVSS v2.0 guide 3.2.1-3.2.3 in exact arithmetic; returns [base, temporal, environmental]. */
export function exactCvss2(m: Readonly<Record<string, string>>): [number, number, number] {
  const w = (table: Table, key: string) => weight(table, m[key], 'ND');
  const cia = { N: '0', P: '0.275', C: '0.660' };
  const req = { L: '0.5', M: '1.0', H: '1.51', ND: '1.0' };
  const [c, i, a] = [w(cia, 'C'), w(cia, 'I'), w(cia, 'A')];
  const exploitability = mul(
    dec('20'),
    w({ L: '0.395', A: '0.646', N: '1.0' }, 'AV'),
    w({ H: '0.35', M: '0.61', L: '0.71' }, 'AC'),
    w({ M: '0.45', S: '0.56', N: '0.704' }, 'Au'),
  );
  const baseOf = (impact: Q) =>
    le(impact, ZERO)
      ? ZERO
      : roundTenth(
          mul(sub(add(mul(dec('0.6'), impact), mul(dec('0.4'), exploitability)), dec('1.5')), dec('1.176')),
        );
  const temporalFactor = mul(
    w({ U: '0.85', POC: '0.9', F: '0.95', H: '1', ND: '1' }, 'E'),
    w({ OF: '0.87', TF: '0.9', W: '0.95', U: '1', ND: '1' }, 'RL'),
    w({ UC: '0.9', UR: '0.95', C: '1', ND: '1' }, 'RC'),
  );
  const impactOf = (cr: Q, ir: Q, ar: Q) =>
    mul(dec('10.41'), sub(ONE, mul(sub(ONE, mul(c, cr)), sub(ONE, mul(i, ir)), sub(ONE, mul(a, ar)))));
  const base = baseOf(impactOf(ONE, ONE, ONE));
  const temporal = roundTenth(mul(base, temporalFactor));
  const adjustedImpact = min(dec('10'), impactOf(w(req, 'CR'), w(req, 'IR'), w(req, 'AR')));
  const adjustedTemporal = roundTenth(mul(baseOf(adjustedImpact), temporalFactor));
  const cdp = w({ N: '0', L: '0.1', LM: '0.3', MH: '0.4', H: '0.5', ND: '0' }, 'CDP');
  const td = w({ N: '0', L: '0.25', M: '0.75', H: '1', ND: '1' }, 'TD');
  const environmental = roundTenth(
    mul(add(adjustedTemporal, mul(sub(dec('10'), adjustedTemporal), cdp)), td),
  );
  return [num(base), num(temporal), num(environmental)];
}

/** CVSS v3.0 specification 7.1-7.3 in exact arithmetic; returns [base, temporal, environmental]. */
export function exactCvss30(m: Readonly<Record<string, string>>): [number, number, number] {
  const v = (key: string) => m[key] ?? 'X';
  const modified = (key: string) => (v(`M${key}`) === 'X' ? v(key) : v(`M${key}`));
  const cia = { H: '0.56', L: '0.22', N: '0' };
  const req = { X: '1', H: '1.5', M: '1', L: '0.5' };
  const av = { N: '0.85', A: '0.62', L: '0.55', P: '0.2' };
  const ac = { L: '0.77', H: '0.44' };
  const ui = { N: '0.85', R: '0.62' };
  const pr = (changed: boolean) =>
    changed ? { N: '0.85', L: '0.68', H: '0.5' } : { N: '0.85', L: '0.62', H: '0.27' };
  const temporalFactor = mul(
    weight({ X: '1', H: '1', F: '0.97', P: '0.94', U: '0.91' }, v('E'), 'X'),
    weight({ X: '1', U: '1', W: '0.97', T: '0.96', O: '0.95' }, v('RL'), 'X'),
    weight({ X: '1', C: '1', R: '0.96', U: '0.92' }, v('RC'), 'X'),
  );
  const score = (get: (key: string) => string, cr: Q, ir: Q, ar: Q, cap: boolean) => {
    const changed = get('S') === 'C';
    let iss = sub(
      ONE,
      mul(
        sub(ONE, mul(cr, weight(cia, get('C'), 'N'))),
        sub(ONE, mul(ir, weight(cia, get('I'), 'N'))),
        sub(ONE, mul(ar, weight(cia, get('A'), 'N'))),
      ),
    );
    if (cap) iss = min(iss, dec('0.915'));
    const impact = changed
      ? sub(mul(dec('7.52'), sub(iss, dec('0.029'))), mul(dec('3.25'), pow(sub(iss, dec('0.02')), 15)))
      : mul(dec('6.42'), iss);
    const exploitability = mul(
      dec('8.22'),
      weight(av, get('AV'), 'N'),
      weight(ac, get('AC'), 'L'),
      weight(pr(changed), get('PR'), 'N'),
      weight(ui, get('UI'), 'N'),
    );
    return le(impact, ZERO)
      ? ZERO
      : ceilTenth(min(mul(changed ? dec('1.08') : ONE, add(impact, exploitability)), dec('10')));
  };
  const base = score(v, ONE, ONE, ONE, false);
  const environmentalBase = score(
    modified,
    weight(req, v('CR'), 'X'),
    weight(req, v('IR'), 'X'),
    weight(req, v('AR'), 'X'),
    true,
  );
  return [
    num(base),
    num(ceilTenth(mul(base, temporalFactor))),
    num(ceilTenth(mul(environmentalBase, temporalFactor))),
  ];
}
