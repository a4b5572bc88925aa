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

/** Rejects inputs no ecosystem accepts: non-strings, empty strings and strings with whitespace or controls. */
export function assertVersionText(ecosystem: string, version: string): void {
  if (typeof version !== 'string') throw new InvalidVersionError(ecosystem, String(version), 'not a string');
  if (version.length === 0) throw new InvalidVersionError(ecosystem, version, 'empty version');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is rejected
  if (/[\s\u0000-\u001f\u007f]/.test(version)) {
    throw new InvalidVersionError(ecosystem, version, 'contains whitespace or control characters');
  }
}
