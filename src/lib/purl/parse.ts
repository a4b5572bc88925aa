import type { Draft } from './draft';
import { percentDecode } from './encoding';
import { PurlError } from './errors';
import { addQualifier, finalize } from './normalize';
import type { ParsePurlOptions, Purl } from './types';

/** Splits `s` once at the last `separator`: [left, right], or [s, null] when absent. */
function splitRight(s: string, separator: string): [string, string | null] {
  const at = s.lastIndexOf(separator);
  return at < 0 ? [s, null] : [s.slice(0, at), s.slice(at + 1)];
}

/** Decodes `/`-separated segments; a decoded segment must not contain `/` (ECMA-427 Namespace, Subpath). */
function decodeSegments(raw: string, component: 'namespace' | 'subpath'): string[] {
  return raw.split('/').map((segment) => {
    const decoded = percentDecode(segment, component);
    if (decoded.includes('/')) {
      throw new PurlError(component, `A ${component} segment must not contain an encoded "/": "${segment}".`);
    }
    return decoded;
  });
}

function parseQualifiers(raw: string, lenient: boolean): Map<string, string> {
  const qualifiers = new Map<string, string>();
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : percentDecode(pair.slice(eq + 1), 'qualifiers');
    addQualifier(qualifiers, lenient ? key.toLowerCase() : key, value);
  }
  return qualifiers;
}

/** Parses a purl (purl-spec how-to-parse, right to left), applying the type rules; throws PurlError. */
export function parsePurl(input: string, options: ParsePurlOptions = {}): Purl {
  if (typeof input !== 'string') throw new PurlError('scheme', 'A purl must be a string.');
  const lenient = options.lenient === true;

  const [beforeHash, rawSubpath] = splitRight(input, '#');
  const [beforeQuery, rawQualifiers] = splitRight(beforeHash, '?');

  const colon = beforeQuery.indexOf(':');
  if (colon < 0 || beforeQuery.slice(0, colon).toLowerCase() !== 'pkg') {
    throw new PurlError('scheme', `A purl must start with the "pkg:" scheme: "${input}".`);
  }
  // ECMA-427 Scheme: slashes after "pkg:" are accepted and ignored.
  const path = beforeQuery.slice(colon + 1).replace(/^\/+/, '');
  const slash = path.indexOf('/');
  if (slash < 0) throw new PurlError('type', `A purl needs "pkg:<type>/<name>": "${input}".`);
  const type = path.slice(0, slash);

  let remainder = path.slice(slash + 1);
  let version: string | null = null;
  const at = remainder.lastIndexOf('@');
  // An "@" followed by a "/" cannot start the version; it is an unencoded "@" in the namespace.
  if (at >= 0 && !remainder.includes('/', at)) {
    version = percentDecode(remainder.slice(at + 1), 'version');
    remainder = remainder.slice(0, at);
  }
  if (!lenient && remainder.includes('@')) {
    const component = remainder.lastIndexOf('@') > remainder.lastIndexOf('/') ? 'name' : 'namespace';
    throw new PurlError(
      component,
      `An "@" inside the ${component} must be percent-encoded as %40: "${input}".`,
    );
  }

  const [rawNamespace, rawName] = remainder.includes('/') ? splitRight(remainder, '/') : ['', remainder];
  const draft: Draft = {
    type,
    namespace: decodeSegments(rawNamespace ?? '', 'namespace').filter((s) => s !== ''),
    name: percentDecode(rawName ?? '', 'name'),
    version,
    qualifiers: rawQualifiers === null ? new Map() : parseQualifiers(rawQualifiers, lenient),
    subpath: rawSubpath === null ? [] : decodeSegments(rawSubpath, 'subpath'),
  };
  return finalize(draft);
}
