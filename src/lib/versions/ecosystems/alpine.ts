import { type Cmp, compareDigits, compareUtf8, keyWriter } from '../sort-key';
import { assertVersionText, defineEcosystem } from './define';

/**
 * An apk version: number{.number}...{letter{number}}...{_suffix{number}}...{~hash}{-r#}, read as osv-scalibr
 * does (a "0" is prefixed so ".1" reads as "0.1"; empty components between dots are kept). Text that fits
 * none of these parts ends the version as "junk": apk compares up to the first invalid token, and a version
 * with junk sorts below the same version without it (1.2_blah < 1.2, 1 > 1-ruff). The hash is ignored.
 */
export interface AlpineVersion {
  readonly components: readonly AlpineComponent[];
  readonly letters: readonly { readonly letter: string; readonly n: string | null }[];
  readonly suffixes: readonly { readonly rank: number; readonly n: string }[];
  readonly build: string;
  readonly junk: boolean;
}

/** A number component; `null` text is an empty component ("1..2", or a trailing "1."). */
interface AlpineComponent {
  readonly text: string | null;
  readonly trailing: boolean;
}

// Suffix ranks around the end of the suffix list (5): pre-release suffixes below it, post-release ones above.
const SUFFIX_RANK: Record<string, number> = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10,
};
const SUFFIX_END = 5;

function parseAlpine(input: string): AlpineVersion {
  assertVersionText('Alpine', input);
  let str = `0${input}`;
  const numbers = /^[\d.]*/.exec(str)?.[0] ?? '';
  const parts = numbers.split('.');
  const components = parts.map((p, i) => ({ text: p === '' ? null : p, trailing: i === parts.length - 1 }));
  str = str.slice(numbers.length);
  const letters: { letter: string; n: string | null }[] = [];
  const letterPart = /^(?:[a-z]\d+)*[a-z]\d*/.exec(str)?.[0];
  if (letterPart) {
    for (const m of letterPart.matchAll(/([a-z])(\d*)/g)) {
      letters.push({ letter: m[1] as string, n: m[2] === '' ? null : (m[2] as string) });
    }
    str = str.slice(letterPart.length);
  }
  const suffixes: { rank: number; n: string }[] = [];
  for (let m = /^_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\d*)/.exec(str); m; ) {
    suffixes.push({ rank: SUFFIX_RANK[m[1] as string] as number, n: m[2] === '' ? '0' : (m[2] as string) });
    str = str.slice(m[0].length);
    m = /^_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\d*)/.exec(str);
  }
  const hash = /^~[0-9a-f]+/.exec(str)?.[0];
  if (hash) str = str.slice(hash.length);
  let build = '0';
  const rev = /^-r(\d*)/.exec(str);
  if (rev) {
    build = rev[1] === '' ? '0' : (rev[1] as string);
    str = str.slice(rev[0].length);
  }
  return { components, letters, suffixes, build, junk: str !== '' };
}

// Component ranks after the first: a trailing empty component < END < zero runs ("0" < "00") < an empty
// component < numbers with a leading zero (compared as text) < other numbers.
const C_TRAILING = 1;
const C_END = 2;
const C_ZEROS = 3;
const C_EMPTY = 4;
const C_FRACTION = 5;
const C_NUMBER = 6;

function componentRank(c: AlpineComponent | undefined): number {
  if (c === undefined) return C_END;
  if (c.text === null) return c.trailing ? C_TRAILING : C_EMPTY;
  if (c.text.charCodeAt(0) !== 48) return C_NUMBER;
  return /^0+$/.test(c.text) ? C_ZEROS : C_FRACTION;
}

function compareComponents(a: readonly AlpineComponent[], b: readonly AlpineComponent[]): Cmp {
  const d = compareDigits((a[0] as AlpineComponent).text ?? '0', (b[0] as AlpineComponent).text ?? '0');
  if (d !== 0) return d;
  const n = Math.max(a.length, b.length);
  for (let i = 1; i < n; i++) {
    const x = a[i];
    const y = b[i];
    const rx = componentRank(x);
    const ry = componentRank(y);
    if (rx !== ry) return rx < ry ? -1 : 1;
    const tx = x?.text ?? '';
    const ty = y?.text ?? '';
    const e =
      rx === C_NUMBER
        ? compareDigits(tx, ty)
        : rx === C_ZEROS
          ? Math.sign(tx.length - ty.length)
          : compareUtf8(tx, ty);
    if (e !== 0) return e as Cmp;
  }
  return 0;
}

function compareAlpine(a: AlpineVersion, b: AlpineVersion): Cmp {
  let d = compareComponents(a.components, b.components);
  if (d !== 0) return d;
  const nl = Math.max(a.letters.length, b.letters.length);
  for (let i = 0; i < nl; i++) {
    const x = a.letters[i];
    const y = b.letters[i];
    if (!x || !y) return x ? 1 : -1;
    if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
    if (x.n === null || y.n === null) {
      if (x.n !== y.n) return x.n === null ? -1 : 1;
      continue;
    }
    d = compareDigits(x.n, y.n);
    if (d !== 0) return d;
  }
  const ns = Math.max(a.suffixes.length, b.suffixes.length);
  for (let i = 0; i < ns; i++) {
    const x = a.suffixes[i];
    const y = b.suffixes[i];
    const rx = x ? x.rank : SUFFIX_END;
    const ry = y ? y.rank : SUFFIX_END;
    if (rx !== ry) return rx < ry ? -1 : 1;
    d = compareDigits(x?.n ?? '0', y?.n ?? '0');
    if (d !== 0) return d;
  }
  d = compareDigits(a.build, b.build);
  if (d !== 0) return d;
  return a.junk === b.junk ? 0 : a.junk ? -1 : 1;
}

function alpineKey(v: AlpineVersion): string {
  const w = keyWriter.begin();
  const first = (v.components[0] as AlpineComponent).text ?? '0';
  w.digits(first, 0, first.length);
  for (let i = 1; i < v.components.length; i++) {
    const c = v.components[i] as AlpineComponent;
    const r = componentRank(c);
    w.byte(r);
    const t = c.text ?? '';
    if (r === C_NUMBER) w.digits(t, 0, t.length);
    else if (r === C_ZEROS) w.int(t.length);
    else if (r === C_FRACTION) w.text(t);
  }
  w.byte(C_END);
  for (const l of v.letters) {
    w.byte(2);
    w.byte(l.letter.charCodeAt(0));
    if (l.n === null) w.byte(1);
    else {
      w.byte(2);
      w.digits(l.n, 0, l.n.length);
    }
  }
  w.byte(1);
  for (const s of v.suffixes) {
    w.byte(s.rank);
    w.digits(s.n, 0, s.n.length);
  }
  w.byte(SUFFIX_END);
  w.digits(v.build, 0, v.build.length);
  w.byte(v.junk ? 1 : 2);
  return w.finish();
}

/** Alpine (apk ordering); also used for Chainguard, Wolfi and MinimOS. */
export const alpine = defineEcosystem<AlpineVersion>('Alpine', {
  parse: parseAlpine,
  compare: compareAlpine,
  key: alpineKey,
});
