import { type Cmp, compareDigits, compareUtf8, isDigits, keyWriter } from '../sort-key';
import { assertVersionText, defineEcosystem } from './define';

/**
 * A PyPI version. PEP 440 versions fill the numeric fields; any other string is a "legacy" version whose
 * `legacy` key follows osv-scalibr's fallback (setuptools-style parts), and every legacy version sorts before
 * every PEP 440 version.
 */
export interface PypiVersion {
  /** Non-null for non-PEP 440 strings: the joined legacy comparison key. */
  readonly legacy: string | null;
  readonly epoch: string;
  /** Release numbers with trailing zeros removed (1.0 == 1). */
  readonly release: readonly string[];
  /** Pre-release phase rank (1 a, 2 b, 3 rc) and number, or null. */
  readonly pre: { readonly rank: number; readonly n: string } | null;
  readonly post: string | null;
  readonly dev: string | null;
  readonly local: readonly string[];
}

// PEP 440 appendix B, as osv-scalibr applies it to the lowercased string.
const PEP440 =
  /^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_.]?(?<pre_l>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?<pre_n>[0-9]+)?)?(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?))?(?<dev>[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>[0-9]+)?)?)(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/;

const PRE_RANK: Record<string, number> = { a: 1, alpha: 1, b: 2, beta: 2, c: 3, rc: 3, pre: 3, preview: 3 };

function legacyPart(part: string): string {
  const normal =
    part === 'pre' || part === 'preview' || part === 'rc'
      ? 'c'
      : part === '-'
        ? 'final-'
        : part === 'dev'
          ? '@'
          : part;
  const c = normal.charCodeAt(0);
  if (c >= 48 && c <= 57) return normal.padStart(8, '0');
  return `*${normal}`;
}

/** osv-scalibr's legacy key: setuptools-style parts, zero padded, joined. */
function legacyKey(str: string): string {
  const parts: string[] = [];
  const tokens: string[] = [...(str.match(/\d+|[a-z]+|\.|-/g) ?? [])];
  tokens.push('final');
  for (const token of tokens) {
    if (token === '.') continue;
    const part = legacyPart(token);
    if (part.startsWith('*')) {
      if (part < '*final') while (parts.length > 0 && parts[parts.length - 1] === '*final-') parts.pop();
      while (parts.length > 0 && parts[parts.length - 1] === '00000000') parts.pop();
    }
    parts.push(part);
  }
  return parts.join('');
}

const PLAIN_RELEASE = /^\d+(?:\.\d+)*$/;

function parsePypi(input: string): PypiVersion {
  assertVersionText('PyPI', input.trim());
  if (PLAIN_RELEASE.test(input)) {
    // Fast path for the common "1.2.3" form (same result as the PEP 440 regex).
    const release = input.split('.');
    while (release.length > 0 && /^0+$/.test(release[release.length - 1] as string)) release.pop();
    return { legacy: null, epoch: '0', release, pre: null, post: null, dev: null, local: [] };
  }
  const str = input.toLowerCase();
  const m = PEP440.exec(str);
  const g = m?.groups;
  if (!g) {
    return { legacy: legacyKey(str), epoch: '0', release: [], pre: null, post: null, dev: null, local: [] };
  }
  const release = (g.release as string).split('.');
  while (release.length > 0 && /^0+$/.test(release[release.length - 1] as string)) release.pop();
  const postN = g.post_n1 ?? g.post_n2;
  return {
    legacy: null,
    epoch: g.epoch ?? '0',
    release,
    pre: g.pre_l ? { rank: PRE_RANK[g.pre_l] as number, n: g.pre_n ?? '0' } : null,
    post: g.post_l || postN !== undefined ? (postN ?? '0') : null,
    dev: g.dev_l ? (g.dev_n ?? '0') : null,
    local: g.local ? g.local.split(/[-_.]/) : [],
  };
}

/** Pre-release ordering class: dev-only releases first (1.0.dev0 < 1.0a0), then pre-releases, then finals. */
function preClass(v: PypiVersion): number {
  if (v.pre === null && v.post === null && v.dev !== null) return 1;
  return v.pre === null ? 3 : 2;
}

function compareLocal(a: readonly string[], b: readonly string[]): Cmp {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const xn = isDigits(x);
    const yn = isDigits(y);
    const d = xn && yn ? compareDigits(x, y) : xn ? 1 : yn ? -1 : compareUtf8(x, y);
    if (d !== 0) return d;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareRelease(a: readonly string[], b: readonly string[]): Cmp {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (d !== 0) return d;
  }
  return 0;
}

function comparePypi(a: PypiVersion, b: PypiVersion): Cmp {
  if (a.legacy !== null || b.legacy !== null) {
    if (a.legacy === null) return 1;
    if (b.legacy === null) return -1;
    return compareUtf8(a.legacy, b.legacy);
  }
  let d = compareDigits(a.epoch, b.epoch) || compareRelease(a.release, b.release);
  if (d !== 0) return d;
  const pa = preClass(a);
  const pb = preClass(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.pre && b.pre) {
    if (a.pre.rank !== b.pre.rank) return a.pre.rank < b.pre.rank ? -1 : 1;
    d = compareDigits(a.pre.n, b.pre.n);
    if (d !== 0) return d;
  }
  if (a.post !== b.post) {
    if (a.post === null) return -1;
    if (b.post === null) return 1;
    d = compareDigits(a.post, b.post);
    if (d !== 0) return d;
  }
  if (a.dev !== b.dev) {
    if (a.dev === null) return 1;
    if (b.dev === null) return -1;
    d = compareDigits(a.dev, b.dev);
    if (d !== 0) return d;
  }
  return compareLocal(a.local, b.local);
}

/** Key of a version plus the lengths of two prefixes: up to the release (base) and up to the local part. */
function pypiKeyParts(v: PypiVersion): {
  key: string;
  baseLength: number;
  preLength: number;
  publicLength: number;
} {
  const w = keyWriter.begin();
  if (v.legacy !== null) {
    w.byte(1);
    w.text(v.legacy);
    const key = w.finish();
    return { key, baseLength: key.length, preLength: key.length, publicLength: key.length };
  }
  w.byte(2);
  w.digits(v.epoch, 0, v.epoch.length);
  for (const r of v.release) {
    w.byte(2);
    w.digits(r, 0, r.length);
  }
  w.byte(1);
  const baseLength = w.length;
  w.byte(preClass(v));
  if (v.pre) {
    w.byte(v.pre.rank);
    w.digits(v.pre.n, 0, v.pre.n.length);
  }
  const preLength = w.length;
  if (v.post === null) w.byte(1);
  else {
    w.byte(2);
    w.digits(v.post, 0, v.post.length);
  }
  if (v.dev === null) w.byte(2);
  else {
    w.byte(1);
    w.digits(v.dev, 0, v.dev.length);
  }
  const publicLength = w.length;
  for (const part of v.local) {
    if (isDigits(part)) {
      w.byte(3);
      w.digits(part, 0, part.length);
    } else {
      w.byte(2);
      w.text(part);
    }
  }
  w.byte(1);
  return { key: w.finish(), baseLength, preLength, publicLength };
}

/**
 * Key prefixes of a PEP 440 version, for building specifier intervals. Keys of versions that share a prefix are
 * contiguous: `base` (epoch and release) is shared by [base, base + "\x04"); `pre` (up to the pre-release) is
 * shared by the version, its post-releases and its local versions, all below `pre + "\x03"`; `public` is
 * shared by the version's local versions, in [public + "\x01", public + "\x04").
 */
export function pypiKeyPrefixes(v: PypiVersion): { key: string; base: string; pre: string; public: string } {
  const { key, baseLength, preLength, publicLength } = pypiKeyParts(v);
  return {
    key,
    base: key.slice(0, baseLength),
    pre: key.slice(0, preLength),
    public: key.slice(0, publicLength),
  };
}

/** The smallest key of any PEP 440 version (legacy versions sort below it). */
export const PEP440_MIN_KEY = '\x02';

/** PyPI: PEP 440 plus osv-scalibr's ordering for legacy (non-PEP 440) versions. */
export const pypi = defineEcosystem<PypiVersion>('PyPI', {
  parse: parsePypi,
  compare: comparePypi,
  key: (v) => pypiKeyParts(v).key,
  isPrerelease: (v) => v.legacy === null && (v.pre !== null || v.dev !== null),
});

/** Parses a PyPI version (exported for the PEP 440 specifier evaluator). */
export const parsePypiVersion = parsePypi;
