import fc from 'fast-check';
import { PREFECTURES } from '../../src/lib/china/gbt2260';
import { usccCheckCharacter } from '../../src/lib/china/uscc';
import type { Schema } from './openapi';
import { purlShapes, versionShapes } from './shapes';
import { nastyString } from './strings';

/**
 * A reference to an existing object, resolved against the harvested id pool when the request is sent, so the
 * generated value stays pure (fast-check can replay it from seed and path) while still naming real rows.
 */
export class Ref {
  constructor(
    /** A collection path (`/api/products`) or a field name stem (`product`). */
    readonly hint: string,
    readonly n: number,
  ) {}
}

const PROVINCES = ['440000', '330000', '110000', '310000', '510000'];
const CITIES = PREFECTURES.filter((p) => PROVINCES.includes(`${p.code.slice(0, 2)}0000`)).map((p) => p.code);
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A GB 32100-2015 code with a correct check character, so registry writes get past the code check. */
const uscc = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 16, maxLength: 16 }).map((cs) => {
  const first = `9${cs.join('')}`;
  return first + (usccCheckCharacter(first) ?? '0');
});

const day = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/), fc.nat(9999))
  .map(([l, n]) => `${l}.${n}@fuzz.bulwark.test`);
/** Webhook and link targets under the reserved .invalid TLD (RFC 6761), so nothing leaves the machine. */
const uri = fc
  .tuple(fc.nat(0xffff), fc.stringMatching(/^[a-z0-9/]{0,12}$/))
  .map(([n, p]) => `https://fuzz-${n.toString(16)}.invalid/${p}`);

/** Domain-shaped values by field name, so more mostly-valid bodies reach the rules behind validation. */
function hinted(name: string): fc.Arbitrary<unknown> | undefined {
  const n = name.toLowerCase();
  if (n === 'uscc') return uscc;
  if (n === 'provincecode' || n === 'province') return fc.constantFrom(...PROVINCES);
  if (n === 'citycode' || n === 'city') return fc.constantFrom(...CITIES);
  if (n === 'industrydivision') return fc.constantFrom('13', '26', '34', '39', '63', '65');
  if (n === 'purl') return fc.constantFrom(...purlShapes());
  if (n === 'version' || n === 'releaseversion' || n === 'productversion') return versionArb();
  if (n === 'password' || n === 'newpassword') return fc.constant('Fuzz-Password-2026!');
  return undefined;
}

/** A version string of any ecosystem's shape, or an edge case. */
export function versionArb(): fc.Arbitrary<string> {
  const all = [...versionShapes().values()].flat();
  return all.length ? fc.constantFrom(...all) : fc.string({ maxLength: 20 });
}

const MAX_DEPTH = 6;

/** A value the schema accepts (as far as JSON Schema can say; zod refinements may still reject it). */
export function validArb(s: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const base = validInner(s, name, depth);
  return s.nullable ? fc.option(base, { nil: null, freq: 6 }) : base;
}

function validInner(s: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alts = s.oneOf ?? s.anyOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => validArb(a, name, depth + 1)));
  if (s.allOf?.length) return validArb(s.allOf[0]!, name, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s, name);
    case 'integer':
      return integerArb(s);
    case 'number':
      return fc.double({
        min: s.minimum ?? -1e6,
        max: s.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? min + 3, min + 3);
      return fc.array(validArb(s.items ?? {}, singular(name), depth + 1), { minLength: min, maxLength: max });
    }
    case 'object':
      return objectArb(s, depth);
    default:
      if (s.properties) return objectArb(s, depth);
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const singular = (name: string) => (name.endsWith('s') ? name.slice(0, -1) : name);

function stringArb(s: Schema, name: string): fc.Arbitrary<unknown> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  const fits = (v: string) => v.length >= min && v.length <= max;
  const hint = hinted(name);
  if (s.format === 'uuid') {
    const stem = name.endsWith('Id') ? name.slice(0, -2) : name;
    return fc.oneof(
      { weight: 3, arbitrary: fc.nat().map((n) => new Ref(stem || 'id', n)) },
      { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    );
  }
  if (hint) return fc.oneof({ weight: 4, arbitrary: hint }, { weight: 1, arbitrary: plain(min, max) });
  if (s.format === 'email') return email;
  if (s.format === 'date') return day;
  if (s.format === 'date-time') return instant;
  if (s.format === 'uri') return uri;
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
    } catch {
      return plain(min, max);
    }
  }
  return plain(min, max);
}

/** Printable text of a length the schema allows, with an occasional edge-case string that happens to fit. */
function plain(min: number, max: number): fc.Arbitrary<string> {
  const upper = Math.max(min, Math.min(max, min + 24));
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: Math.max(min, 1), maxLength: upper }),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: upper }) },
    { weight: 1, arbitrary: nastyString().filter((v) => v.length >= min && v.length <= max) },
  );
}

function integerArb(s: Schema): fc.Arbitrary<number> {
  const lo = s.minimum ?? -1000;
  const hi = s.maximum ?? 1_000_000;
  const int32 = (v: number) => Math.max(-0x80000000, Math.min(0x7fffffff, v));
  if (lo >= -0x80000000 && hi <= 0x7fffffff) return fc.integer({ min: lo, max: hi });
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.integer({ min: int32(Math.max(lo, 0)), max: int32(Math.min(hi, 10_000_000)) }),
    },
    { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
  );
}

function objectArb(s: Schema, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) shape[k] = validArb(v, k, depth + 1);
  const record = fc.record(shape, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
  if (typeof s.additionalProperties === 'object' && Object.keys(props).length === 0) {
    return fc.dictionary(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
      validArb(s.additionalProperties, '', depth + 1),
      { maxKeys: 3 },
    );
  }
  return record;
}
