import { getEcosystem } from '../ecosystems/registry';
import { InvalidRangeError } from '../errors';
import {
  ALL,
  type CompiledRange,
  type KeyBound,
  type KeyInterval,
  matchesCompiled,
  plainRange,
  pointInterval,
} from '../interval';

/**
 * Maven / NuGet interval notation: "[1.0,2.0)", "(,1.0]", "[1.5]", unions joined by "," such as
 * "(,1.0],[1.2,)". A bare version is not a range in either tool; here it means exactly that version for Maven
 * (Maven's "soft requirement", read as the version an advisory names) and "at least" that version for NuGet
 * (NuGet's documented meaning of "1.0").
 */
export type BracketEcosystem = 'Maven' | 'NuGet';

function bound(eco: BracketEcosystem, version: string, inclusive: boolean, raw: string): KeyBound {
  try {
    return { key: getEcosystem(eco).sortKey(version), inclusive, version };
  } catch (error) {
    throw new InvalidRangeError(eco === 'Maven' ? 'maven' : 'nuget', raw, (error as Error).message);
  }
}

/** Parses a bracket range into key intervals (in written order); throws InvalidRangeError. */
export function parseBracketRange(range: string, ecosystem: BracketEcosystem): KeyInterval[] {
  const syntax = ecosystem === 'Maven' ? 'maven' : 'nuget';
  if (typeof range !== 'string') throw new InvalidRangeError(syntax, String(range), 'not a string');
  const text = range.trim();
  if (text === '') throw new InvalidRangeError(syntax, range, 'empty range');
  if (!text.startsWith('[') && !text.startsWith('(')) {
    if (/[[\](),]/.test(text)) throw new InvalidRangeError(syntax, range, 'unbalanced brackets');
    const b = bound(ecosystem, text, true, range);
    return [ecosystem === 'Maven' ? pointInterval(b.key, text) : { lower: b, upper: null }];
  }
  const out: KeyInterval[] = [];
  let rest = text;
  while (rest !== '') {
    const m = /^([[(])([^[\]()]*)([\])])\s*(?:,\s*|$)/.exec(rest);
    if (!m) throw new InvalidRangeError(syntax, range, `cannot parse ${JSON.stringify(rest)}`);
    const [whole, open, body, close] = m as unknown as [string, string, string, string];
    rest = rest.slice(whole.length);
    const comma = body.indexOf(',');
    if (comma < 0) {
      if (open !== '[' || close !== ']' || body.trim() === '') {
        throw new InvalidRangeError(syntax, range, 'a single version must be written [v]');
      }
      const b = bound(ecosystem, body.trim(), true, range);
      out.push(pointInterval(b.key, body.trim()));
      continue;
    }
    if (body.indexOf(',', comma + 1) >= 0) throw new InvalidRangeError(syntax, range, 'too many commas');
    const lo = body.slice(0, comma).trim();
    const hi = body.slice(comma + 1).trim();
    const lower = lo === '' ? null : bound(ecosystem, lo, open === '[', range);
    const upper = hi === '' ? null : bound(ecosystem, hi, close === ']', range);
    if (
      lower &&
      upper &&
      (lower.key > upper.key || (lower.key === upper.key && !(lower.inclusive && upper.inclusive)))
    ) {
      throw new InvalidRangeError(syntax, range, 'the lower bound is above the upper bound');
    }
    out.push(lower === null && upper === null ? ALL : { lower, upper });
  }
  return out;
}

/** Compiles a Maven or NuGet bracket range. */
export function compileBracketRange(range: string, ecosystem: BracketEcosystem): CompiledRange {
  return plainRange(parseBracketRange(range, ecosystem));
}

/** True when `version` is inside a Maven or NuGet bracket range. */
export function satisfiesBracketRange(version: string, range: string, ecosystem: BracketEcosystem): boolean {
  return matchesCompiled(
    compileBracketRange(range, ecosystem),
    getEcosystem(ecosystem).sortKey(version),
    false,
  );
}
