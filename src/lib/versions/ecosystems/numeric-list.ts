import { InvalidVersionError } from '../errors';
import { type Cmp, compareDigits, isDigits, keyWriter } from '../sort-key';
import type { EcosystemName } from '../types';
import { assertVersionText, defineEcosystem } from './define';

/** Compares digit-string lists lexicographically; a proper prefix sorts first ([1] < [1,0]). */
function compareLists(a: readonly string[], b: readonly string[]): Cmp {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = compareDigits(a[i] as string, b[i] as string);
    if (d !== 0) return d;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function listKey(parts: readonly string[]): string {
  const w = keyWriter.begin();
  for (const p of parts) {
    w.byte(2);
    w.digits(p, 0, p.length);
  }
  w.byte(1);
  return w.finish();
}

function defineNumericList(name: EcosystemName, split: (v: string) => string[]) {
  return defineEcosystem<readonly string[]>(name, {
    parse(version) {
      assertVersionText(name, version);
      const parts = split(version);
      if (!parts.every(isDigits)) throw new InvalidVersionError(name, version, 'components must be numbers');
      return parts;
    },
    compare: compareLists,
    key: listKey,
  });
}

/** CRAN (R package_version): numbers separated by "." or "-", compared as lists. */
export const cran = defineNumericList('CRAN', (v) => v.split(/[.-]/));

/** Hackage (Haskell Data.Version): dot-separated numbers compared as lists (1.0 > 1). */
export const hackage = defineNumericList('Hackage', (v) => v.split('.'));
