import type { Draft } from './draft';
import { percentEncode } from './encoding';
import { PurlError } from './errors';
import { addQualifier, finalize } from './normalize';
import { parsePurl } from './parse';
import { typeRule } from './type-rules';
import type { Purl, PurlParts, PurlQualifierInput } from './types';

function optionalString(value: unknown, component: 'namespace' | 'version' | 'subpath'): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') throw new PurlError(component, `The purl ${component} must be a string.`);
  return value;
}

function qualifierValue(key: string, value: PurlQualifierInput): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // known-qualifiers: "checksum" is a list of "algorithm:value" items joined with ",".
  if (key === 'checksum' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.join(',');
  }
  throw new PurlError('qualifiers', `The value of qualifier "${key}" must be a string.`);
}

/** Serialises a normalised {@link Purl} in canonical form (how-to-build; qualifiers sorted by key). */
function formatPurl(purl: Purl): string {
  const encodeSegments = (value: string, component: 'namespace' | 'name' | 'subpath') =>
    value
      .split('/')
      .map((s) => percentEncode(s, component))
      .join('/');
  let out = `pkg:${purl.type}/`;
  if (purl.namespace !== null) out += `${encodeSegments(purl.namespace, 'namespace')}/`;
  out += typeRule(purl.type).segmentedName
    ? encodeSegments(purl.name, 'name')
    : percentEncode(purl.name, 'name');
  if (purl.version !== null) out += `@${percentEncode(purl.version, 'version')}`;
  if (purl.qualifiers !== null) {
    const pairs = Object.entries(purl.qualifiers).map(([k, v]) => `${k}=${percentEncode(v, 'qualifiers')}`);
    out += `?${pairs.join('&')}`;
  }
  if (purl.subpath !== null) out += `#${encodeSegments(purl.subpath, 'subpath')}`;
  return out;
}

/** Normalises decoded components with the type rules and returns the canonical purl string. */
export function buildPurl(parts: PurlParts): string {
  if (typeof parts.name !== 'string') throw new PurlError('name', 'A purl name is required.');
  const qualifiers = new Map<string, string>();
  for (const [key, value] of Object.entries(parts.qualifiers ?? {})) {
    // how-to-build: the key is lowercased before it is validated and joined.
    addQualifier(qualifiers, key.toLowerCase(), qualifierValue(key, value));
  }
  const draft: Draft = {
    type: parts.type,
    namespace: optionalString(parts.namespace, 'namespace')
      .split('/')
      .filter((s) => s !== ''),
    name: parts.name.replace(/^\/+|\/+$/g, ''),
    version: optionalString(parts.version, 'version') || null,
    qualifiers,
    subpath: optionalString(parts.subpath, 'subpath').split('/'),
  };
  return formatPurl(finalize(draft));
}

/** Parses any accepted purl spelling (leniently) and returns its canonical form. */
export function normalizePurl(input: string): string {
  return formatPurl(parsePurl(input, { lenient: true }));
}
