/**
 * Package URL (purl) parsing, building and normalisation per the current purl specification (ECMA-427 and
 * the purl-spec test suite, which is the reference: ../shared/vectors/purl).
 *
 * - `parsePurl(s)` decodes a purl and applies the registered type rules (case folding, pypi/pub name
 *   normalisation, required/prohibited namespaces, required qualifiers, chrome-extension/cpan name rules,
 *   git host/path layout). It is strict by default, like the spec's "required" tests; `{ lenient: true }`
 *   repairs what the "recommended" tests normalise (upper-case qualifier keys, unencoded `@`).
 * - `buildPurl(parts)` returns the canonical string: lowercase type, percent-encoding of everything except
 *   `A-Z a-z 0-9 . - _ ~ :`, empty qualifiers dropped, qualifiers sorted by key, `.`/`..`/empty subpath
 *   segments removed.
 * - `normalizePurl(s)` = lenient parse + build.
 * - `purlChecksums(purl)` splits the `checksum` qualifier; `purlToOsvEcosystem(purl)` maps to OSV names, and
 *   `normalizeOsvPackageName` puts an OSV record's package name in the same form.
 *
 * Errors are {@link PurlError} with the offending `component`.
 *
 * @packageDocumentation
 */

export { buildPurl, normalizePurl } from './build';
export { type PurlChecksum, purlChecksums } from './checksum';
export { type PurlComponent, PurlError } from './errors';
export { normalizeOsvPackageName, type OsvPackage, purlToOsvEcosystem } from './osv';
export { parsePurl } from './parse';
export type { ParsePurlOptions, Purl, PurlParts, PurlQualifierInput } from './types';
