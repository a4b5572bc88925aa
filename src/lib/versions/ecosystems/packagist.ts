import { type Cmp, compareDigits, isDigits, keyWriter } from '../sort-key';
import { assertVersionText, defineEcosystem } from './define';

/**
 * Packagist (PHP version_compare, as osv-scalibr canonicalises it): a leading v/V is dropped, "-", "_" and "+"
 * become ".", and a "." is inserted wherever digits and other characters meet. Non-numeric parts only count by
 * their special-form weight (dev < alpha/a < beta/b < RC/rc < # < pl/p; other words weigh like dev), a
 * number weighs like "#" against a word, and the end of a version behaves like "#" (so 1.0 > 1 and
 * 1 > 1-beta).
 */
export type PackagistVersion = readonly string[];

function parsePackagist(input: string): PackagistVersion {
  assertVersionText('Packagist', input);
  let v = input.startsWith('v') ? input.slice(1) : input;
  if (v.startsWith('V')) v = v.slice(1);
  // Fast path: plain dotted numbers need no canonicalisation.
  if (/^\d+(?:\.\d+)*$/.test(v)) return v.split('.');
  v = v
    .replace(/[-_+]/g, '.')
    .replace(/([^\d.])(\d)/g, '$1.$2')
    .replace(/(\d)([^\d.])/g, '$1.$2');
  const parts = v.split('.');
  // Trailing "#..." parts equal the implicit end; dropping them keeps equal versions' keys equal.
  while (parts.length > 1 && (parts[parts.length - 1] as string).startsWith('#')) parts.pop();
  return parts;
}

function weight(s: string): number {
  if (s.startsWith('RC')) return 3;
  if (s.startsWith('dev')) return 0;
  if (s.startsWith('a')) return 1;
  if (s.startsWith('b')) return 2;
  if (s.startsWith('rc')) return 3;
  if (s.startsWith('#')) return 4;
  if (s.startsWith('p')) return 5;
  return 0;
}

// Ranks: words by weight (1..4), "#" followed by something lower (5), END (6), "#" followed by something
// higher (7), numbers (8), p/pl (9).
const END = 6;

function rankOf(s: string): number {
  if (isDigits(s)) return 8;
  const w = weight(s);
  return w === 5 ? 9 : w + 1;
}

function rankAt(parts: PackagistVersion, i: number): number {
  const s = parts[i];
  if (s === undefined) return END;
  const r = rankOf(s);
  if (r !== 5) return r;
  for (let j = i + 1; j < parts.length; j++) {
    const next = rankOf(parts[j] as string);
    if (next !== 5) return next < 5 ? 5 : 7;
  }
  return 7;
}

function comparePackagist(a: PackagistVersion, b: PackagistVersion): Cmp {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ra = rankAt(a, i);
    const rb = rankAt(b, i);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (ra === 8) {
      const d = compareDigits(a[i] as string, b[i] as string);
      if (d !== 0) return d;
    }
  }
  return 0;
}

function packagistKey(parts: PackagistVersion): string {
  const w = keyWriter.begin();
  for (let i = 0; i < parts.length; i++) {
    const r = rankAt(parts, i);
    w.byte(r);
    if (r === 8) {
      const s = parts[i] as string;
      w.digits(s, 0, s.length);
    }
  }
  w.byte(END);
  return w.finish();
}

/** Packagist (PHP version_compare ordering). */
export const packagist = defineEcosystem<PackagistVersion>('Packagist', {
  parse: parsePackagist,
  compare: comparePackagist,
  key: packagistKey,
  isPrerelease: (parts) => parts.some((p) => !isDigits(p) && weight(p) < 4),
});
