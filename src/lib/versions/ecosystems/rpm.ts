import { type Cmp, compareDigits, compareUtf8, isDigitCode, type KeyWriter, keyWriter } from '../sort-key';
import { assertVersionText, defineEcosystem } from './define';

/** An RPM EVR: [epoch:]version[-release]; the release keeps its leading "-" (osv-scalibr). */
export interface RpmVersion {
  readonly epoch: string;
  readonly version: string;
  readonly release: string;
}

function parseRpm(input: string): RpmVersion {
  assertVersionText('Red Hat', input);
  let epoch = '';
  let rest = input;
  const colon = input.indexOf(':');
  if (colon >= 0 && /^\d*$/.test(input.slice(0, colon))) {
    epoch = input.slice(0, colon);
    rest = input.slice(colon + 1);
  }
  const dash = rest.indexOf('-');
  const version = dash < 0 ? rest : rest.slice(0, dash);
  const release = dash < 0 ? '' : rest.slice(dash);
  return { epoch: epoch === '' ? '0' : epoch, version, release };
}

type Kind = 'tilde' | 'caret' | 'alpha' | 'digit';

/** One rpmvercmp symbol: "~", "^", a letter run or a digit run; other characters only separate runs. */
interface Sym {
  kind: Kind;
  text: string;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function symbols(s: string): Sym[] {
  const out: Sym[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 126 || c === 94) {
      out.push({ kind: c === 126 ? 'tilde' : 'caret', text: '' });
      i++;
    } else if (isDigitCode(c) || isLetter(c)) {
      const digit = isDigitCode(c);
      const start = i;
      while (i < s.length && (digit ? isDigitCode(s.charCodeAt(i)) : isLetter(s.charCodeAt(i)))) i++;
      out.push({ kind: digit ? 'digit' : 'alpha', text: s.slice(start, i) });
    } else {
      i++;
    }
  }
  return out;
}

// rpmvercmp precedence at one position: "~" < end < "^" < letters < digits.
const RANK: Record<Kind | 'end', number> = { tilde: 1, end: 2, caret: 3, alpha: 4, digit: 5 };

/** rpmvercmp(8); an empty component sorts before any non-empty one (osv-scalibr). */
function compareComponent(a: string, b: string): Cmp {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
  const x = symbols(a);
  const y = symbols(b);
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const sa = x[i];
    const sb = y[i];
    const ra = RANK[sa ? sa.kind : 'end'];
    const rb = RANK[sb ? sb.kind : 'end'];
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (sa && sb) {
      const d = sa.kind === 'digit' ? compareDigits(sa.text, sb.text) : compareUtf8(sa.text, sb.text);
      if (d !== 0) return d;
    }
  }
  return 0;
}

function writeComponent(w: KeyWriter, s: string): void {
  if (s === '') {
    w.byte(1);
    return;
  }
  w.byte(2);
  for (const sym of symbols(s)) {
    w.byte(RANK[sym.kind]);
    if (sym.kind === 'digit') w.digits(sym.text, 0, sym.text.length);
    else if (sym.kind === 'alpha') w.text(sym.text);
  }
  w.byte(RANK.end);
}

/** RPM (rpmvercmp ordering), used for Red Hat and other RPM-based ecosystems. */
export const rpm = defineEcosystem<RpmVersion>('Red Hat', {
  parse: parseRpm,
  compare: (a, b) =>
    compareComponent(a.epoch, b.epoch) ||
    compareComponent(a.version, b.version) ||
    compareComponent(a.release, b.release),
  key(v) {
    const w = keyWriter.begin();
    writeComponent(w, v.epoch);
    writeComponent(w, v.version);
    writeComponent(w, v.release);
    return w.finish();
  },
});

/** rpmvercmp on two bare version strings (exported for the rpm test-suite vectors). */
export const rpmvercmp = compareComponent;
