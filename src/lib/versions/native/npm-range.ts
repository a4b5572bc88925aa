import { npm } from '../ecosystems/semver';
import { InvalidRangeError } from '../errors';
import {
  ALL,
  type CompiledRange,
  intersectIntervals,
  type KeyInterval,
  matchesCompiled,
  normalizeIntervals,
  pointInterval,
  unionCompiled,
} from '../interval';

/**
 * node-semver range syntax (semver 7, default options: not loose, pre-releases excluded unless a comparator of
 * the same [major, minor, patch] names one). Ranges are desugared the way node-semver does it (hyphen ranges,
 * x-ranges, "~", "^", "*", comparator whitespace) into comparator sets, then compiled to key intervals.
 */

// node-semver's strict grammar (internal/re.js).
const NUM = '0|[1-9]\\d*';
const NUM_LOOSE = '\\d+';
const NONNUM = '\\d*[a-zA-Z-][a-zA-Z0-9-]*';
const PRE = `(?:-((?:${NONNUM}|${NUM})(?:\\.(?:${NONNUM}|${NUM}))*))`;
const PRE_LOOSE = `(?:-?((?:${NONNUM}|${NUM_LOOSE})(?:\\.(?:${NONNUM}|${NUM_LOOSE}))*))`;
const BUILD = '(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))';
const FULLPLAIN = `v?(${NUM})\\.(${NUM})\\.(${NUM})${PRE}?${BUILD}?`;
const LOOSEPLAIN = `[v=\\s]*(${NUM_LOOSE})\\.(${NUM_LOOSE})\\.(${NUM_LOOSE})${PRE_LOOSE}?${BUILD}?`;
const GTLT = '((?:<|>)?=?)';
const XID = `${NUM}|x|X|\\*`;
const XPLAIN = `[v=\\s]*(${XID})(?:\\.(${XID})(?:\\.(${XID})(?:${PRE})?${BUILD}?)?)?`;

const RE = {
  build: new RegExp(BUILD),
  buildAll: new RegExp(BUILD, 'g'),
  hyphen: new RegExp(`^\\s*(${XPLAIN})\\s+-\\s+(${XPLAIN})\\s*$`),
  comparatorTrim: new RegExp(`(\\s*)${GTLT}\\s*(${LOOSEPLAIN}|${XPLAIN})`, 'g'),
  tildeTrim: /(\s*)(?:~>?)\s+/g,
  caretTrim: /(\s*)(?:\^)\s+/g,
  tilde: new RegExp(`^(?:~>?)${XPLAIN}$`),
  caret: new RegExp(`^(?:\\^)${XPLAIN}$`),
  xrange: new RegExp(`^${GTLT}\\s*${XPLAIN}$`),
  star: /(<|>)?=?\s*\*/,
  gte0: /^\s*>=\s*0\.0\.0\s*$/,
  comparator: new RegExp(`^${GTLT}\\s*(${FULLPLAIN})$|^$`),
  full: new RegExp(`^${FULLPLAIN}$`),
};

type Op = '' | '<' | '<=' | '>' | '>=';

/** One desugared node-semver comparator; `version` null means "any version". */
export interface NpmComparator {
  readonly op: Op;
  readonly version: string | null;
}

const isX = (id: string | undefined) => !id || id.toLowerCase() === 'x' || id === '*';

function replaceTilde(comp: string): string {
  return comp.replace(RE.tilde, (_m, M: string, m: string, p: string, pr: string) => {
    if (isX(M)) return '';
    if (isX(m)) return `>=${M}.0.0 <${+M + 1}.0.0-0`;
    if (isX(p)) return `>=${M}.${m}.0 <${M}.${+m + 1}.0-0`;
    if (pr) return `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
    return `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
  });
}

function replaceCaret(comp: string): string {
  return comp.replace(RE.caret, (_m, M: string, m: string, p: string, pr: string) => {
    if (isX(M)) return '';
    if (isX(m)) return `>=${M}.0.0 <${+M + 1}.0.0-0`;
    if (isX(p)) return M === '0' ? `>=${M}.${m}.0 <${M}.${+m + 1}.0-0` : `>=${M}.${m}.0 <${+M + 1}.0.0-0`;
    const from = pr ? `>=${M}.${m}.${p}-${pr}` : `>=${M}.${m}.${p}`;
    if (M !== '0') return `${from} <${+M + 1}.0.0-0`;
    if (m !== '0') return `${from} <${M}.${+m + 1}.0-0`;
    return `${from} <${M}.${m}.${+p + 1}-0`;
  });
}

function replaceXRange(input: string): string {
  const comp = input.trim();
  return comp.replace(RE.xrange, (whole, gtltIn: string, M: string, mIn: string, pIn: string) => {
    // node-semver leaves "1.x.2"-style inputs alone (they then fail as comparators).
    if ((isX(M) && !isX(mIn)) || (isX(mIn) && pIn && !isX(pIn))) return comp;
    let gtlt = gtltIn;
    const xM = isX(M);
    const xm = xM || isX(mIn);
    const anyX = xm || isX(pIn);
    if (gtlt === '=' && anyX) gtlt = '';
    if (xM) return gtlt === '>' || gtlt === '<' ? '<0.0.0-0' : '*';
    if (gtlt && anyX) {
      let major = +M;
      let minor = xm ? 0 : +mIn;
      if (gtlt === '>') {
        gtlt = '>=';
        if (xm) major += 1;
        else minor += 1;
      } else if (gtlt === '<=') {
        gtlt = '<';
        if (xm) major += 1;
        else minor += 1;
      }
      return `${gtlt}${major}.${minor}.0${gtlt === '<' ? '-0' : ''}`;
    }
    if (xm) return `>=${M}.0.0 <${+M + 1}.0.0-0`;
    if (anyX) return `>=${M}.${mIn}.0 <${M}.${+mIn + 1}.0-0`;
    return whole;
  });
}

function hyphenReplace(range: string): string {
  return range.replace(
    RE.hyphen,
    (
      _m,
      from: string,
      fM: string,
      fm: string,
      fp: string,
      _fpr: string,
      _fb: string,
      to: string,
      tM: string,
      tm: string,
      tp: string,
      tpr: string,
    ) => {
      let lower: string;
      if (isX(fM)) lower = '';
      else if (isX(fm)) lower = `>=${fM}.0.0`;
      else if (isX(fp)) lower = `>=${fM}.${fm}.0`;
      else lower = `>=${from}`;
      let upper: string;
      if (isX(tM)) upper = '';
      else if (isX(tm)) upper = `<${+tM + 1}.0.0-0`;
      else if (isX(tp)) upper = `<${tM}.${+tm + 1}.0-0`;
      else if (tpr) upper = `<=${tM}.${tm}.${tp}-${tpr}`;
      else upper = `<=${to}`;
      return `${lower} ${upper}`.trim();
    },
  );
}

function parseComparatorText(comp: string): string {
  let c = comp.replace(RE.build, '');
  c = c
    .trim()
    .split(/\s+/)
    .map((x) => replaceCaret(x))
    .join(' ');
  c = c
    .trim()
    .split(/\s+/)
    .map((x) => replaceTilde(x))
    .join(' ');
  c = c
    .split(/\s+/)
    .map((x) => replaceXRange(x))
    .join(' ');
  return c.trim().replace(RE.star, '');
}

function toComparator(raw: string, text: string): NpmComparator {
  const m = RE.comparator.exec(text);
  if (!m) throw new InvalidRangeError('npm', raw, `invalid comparator ${JSON.stringify(text)}`);
  const op = (m[1] === '=' ? '' : (m[1] ?? '')) as Op;
  if (!m[2]) return { op, version: null };
  const [major, minor, patch, pre] = [m[3], m[4], m[5], m[6]] as string[];
  for (const n of [major, minor, patch]) {
    if (Number(n) > Number.MAX_SAFE_INTEGER)
      throw new InvalidRangeError('npm', raw, `number too large: ${n}`);
  }
  return { op, version: `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}` };
}

const isNullSet = (c: NpmComparator) => c.op === '<' && c.version === '0.0.0-0';
const isAny = (c: NpmComparator) => c.version === null;
const comparatorValue = (c: NpmComparator) => (c.version === null ? '' : `${c.op}${c.version}`);

function parseSet(raw: string, part: string): NpmComparator[] {
  let range = part.replace(RE.buildAll, '');
  range = hyphenReplace(range);
  range = range.replace(RE.comparatorTrim, '$1$2$3');
  range = range.replace(RE.tildeTrim, '$1~');
  range = range.replace(RE.caretTrim, '$1^');
  const list = range
    .split(' ')
    .map(parseComparatorText)
    .join(' ')
    .split(/\s+/)
    .map((c) => c.trim().replace(RE.gte0, ''));
  const byValue = new Map<string, NpmComparator>();
  for (const text of list) {
    const c = toComparator(raw, text);
    if (isNullSet(c)) return [c];
    byValue.set(comparatorValue(c), c);
  }
  if (byValue.size > 1) byValue.delete('');
  return [...byValue.values()];
}

/** Parses a node-semver range into its comparator sets (OR of ANDs); throws InvalidRangeError. */
export function parseNpmRange(range: string): NpmComparator[][] {
  if (typeof range !== 'string') throw new InvalidRangeError('npm', String(range), 'not a string');
  const raw = range.trim().replace(/\s+/g, ' ');
  let sets = raw
    .split('||')
    .map((part) => parseSet(range, part.trim()))
    .filter((s) => s.length > 0);
  if (sets.length === 0) throw new InvalidRangeError('npm', range, 'no comparator sets');
  if (sets.length > 1) {
    const first = sets[0] as NpmComparator[];
    sets = sets.filter((s) => !isNullSet(s[0] as NpmComparator));
    if (sets.length === 0) sets = [first];
    else if (sets.length > 1) {
      const any = sets.find((s) => s.length === 1 && isAny(s[0] as NpmComparator));
      if (any) sets = [any];
    }
  }
  return sets;
}

function comparatorInterval(c: NpmComparator): KeyInterval {
  if (c.version === null) return ALL;
  const key = npm.sortKey(c.version);
  const bound = { key, inclusive: c.op === '' || c.op === '<=' || c.op === '>=', version: c.version };
  if (c.op === '') return pointInterval(key, c.version);
  return c.op === '<' || c.op === '<=' ? { lower: null, upper: bound } : { lower: bound, upper: null };
}

/** The pre-releases of one [major, minor, patch]: from M.m.p-0 (the lowest) up to M.m.p. */
function prereleaseBlock(version: string): KeyInterval {
  const core = version.replace(/-.*$/, '');
  return {
    lower: { key: npm.sortKey(`${core}-0`), inclusive: true, version: `${core}-0` },
    upper: { key: npm.sortKey(core), inclusive: false, version: core },
  };
}

/** Compiles a node-semver range; non-pre-release versions match `stableIntervals`, pre-releases `intervals`. */
export function compileNpmRange(range: string): CompiledRange {
  let out: CompiledRange = { intervals: [], stableIntervals: [] };
  for (const set of parseNpmRange(range)) {
    let interval: KeyInterval[] = [ALL];
    for (const c of set) interval = intersectIntervals(interval, [comparatorInterval(c)]);
    const blocks = normalizeIntervals(
      set.filter((c) => c.version?.includes('-')).map((c) => prereleaseBlock(c.version as string)),
    );
    out = unionCompiled(out, { intervals: intersectIntervals(interval, blocks), stableIntervals: interval });
  }
  return out;
}

/**
 * node-semver `satisfies(version, range)` with default options. Versions that are not strict SemVer (which
 * node-semver rejects) are still evaluated by their npm ordering; a string that is not a version at all
 * throws InvalidVersionError, and an invalid range InvalidRangeError.
 */
export function satisfiesNpm(version: string, range: string | CompiledRange): boolean {
  const compiled = typeof range === 'string' ? compileNpmRange(range) : range;
  return matchesCompiled(compiled, npm.sortKey(version), npm.isPrerelease(version));
}

/** True when `version` is strict SemVer 2.0 as node-semver parses it. */
export function isStrictSemver(version: string): boolean {
  return typeof version === 'string' && version.trim().length <= 256 && RE.full.test(version.trim());
}
