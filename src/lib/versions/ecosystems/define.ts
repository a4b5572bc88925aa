import { InvalidVersionError } from '../errors';
import type { Ecosystem, EcosystemImpl, EcosystemName } from '../types';

/** Builds an {@link Ecosystem} from its parse, compare and key functions. */
export function defineEcosystem<P>(name: EcosystemName, impl: EcosystemImpl<P>): Ecosystem<P> {
  const { parse, compare, key, isPrerelease } = impl;
  return {
    name,
    parse,
    isValid(version) {
      try {
        parse(version);
        return true;
      } catch (error) {
        if (error instanceof InvalidVersionError) return false;
        throw error;
      }
    },
    compare: (a, b) => compare(parse(a), parse(b)),
    compareParsed: compare,
    sortKey: (version) => key(parse(version)),
    sortKeyParsed: key,
    isPrerelease: (version) => (isPrerelease ? isPrerelease(parse(version)) : false),
  };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Rejects what no version can be: a non-string, an empty string, or text with an unpaired UTF-16 surrogate. */
export function assertWellFormed(ecosystem: string, version: string): void {
  if (typeof version !== 'string') throw new InvalidVersionError(ecosystem, String(version), 'not a string');
  if (version.length === 0) throw new InvalidVersionError(ecosystem, version, 'empty version');
  if (LONE_SURROGATE.test(version)) throw new InvalidVersionError(ecosystem, version, 'unpaired surrogate');
}

/** {@link assertWellFormed}, and no whitespace or control characters (no ecosystem allows them). */
export function assertVersionText(ecosystem: string, version: string): void {
  assertWellFormed(ecosystem, version);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is rejected
  if (/[\s\u0000-\u001f\u007f]/.test(version)) {
    throw new InvalidVersionError(ecosystem, version, 'contains whitespace or control characters');
  }
}
