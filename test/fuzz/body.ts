import fc from 'fast-check';
import type { Schema } from './openapi';
import { Ref, validArb } from './schema-arb';
import { HUGE_LENGTHS, huge, nastyString, UNICODE_EDGES } from './strings';

/** How one mostly-valid body is broken: at one position picked by `pick`, in one way. */
export type Mutation =
  | { m: 'wrongType' | 'null' | 'delete' | 'emptyContainer' | 'negative' | 'float' | 'protoKey' }
  | { m: 'hugeString'; size: number }
  | { m: 'hugeNumber'; raw: string }
  | { m: 'nanLike'; text: string }
  | { m: 'nasty'; text: string }
  | { m: 'deep'; depth: number; brackets: boolean }
  | { m: 'manyKeys'; keys: number }
  | { m: 'longArray'; length: number }
  | { m: 'unknownField'; key: string }
  | { m: 'duplicateKey'; raw: string };

/** Garbage in place of a JSON body; large texts are described here and built only when sent. */
export type Garbage =
  | { g: 'bytes'; bytes: number[] }
  | { g: 'truncated'; at: number }
  | { g: 'bom' | 'utf16' | 'invalidUtf8' | 'trailing' | 'proto' | 'constructorProto' }
  | { g: 'scalar'; text: string }
  | { g: 'deep'; depth: number; brackets: boolean }
  | { g: 'manyKeys'; keys: number }
  | { g: 'hugeString'; size: number }
  | { g: 'longNumber'; digits: number }
  | { g: 'escapes'; count: number };

/** A request body as generated: pure data, materialised to bytes when the request is sent. */
export type BodySpec =
  | { kind: 'none' }
  | { kind: 'valid'; value: unknown }
  | { kind: 'mutated'; value: unknown; mutation: Mutation; pick: number }
  | { kind: 'garbage'; value: unknown; garbage: Garbage }
  | { kind: 'wrongContentType'; value: unknown; contentType: string };

/** Content types a JSON route must refuse (415) or read as JSON anyway, never crash on. */
export const ODD_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'application/xml',
  'text/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset="gb18030"',
  'application/JSON',
  'application/json;',
  'application/json;;;charset',
  'application/json, text/plain',
  'application/merge-patch+json',
  'application/problem+json',
  ' application/json ',
  'application/vnd.cyclonedx+json',
  'application/zip',
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '*/*',
  '',
  'application',
  `application/${'x'.repeat(4000)}`,
  'application/json\u0000',
];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom<Mutation>(
    { m: 'wrongType' },
    { m: 'null' },
    { m: 'delete' },
    { m: 'emptyContainer' },
    { m: 'negative' },
    { m: 'float' },
    { m: 'protoKey' },
  ),
  fc.constantFrom(...HUGE_LENGTHS).map((size): Mutation => ({ m: 'hugeString', size })),
  fc
    .constantFrom(
      '1e308',
      '-1e308',
      '1e999',
      '-1e999',
      '9007199254740993',
      '123456789012345678901234567890',
      '1e-400',
      '-0',
      '0.0000000000000000000000001',
      '1E2',
    )
    .map((raw): Mutation => ({ m: 'hugeNumber', raw })),
  fc
    .constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '0x10',
      '  1',
      '1_000',
      '٣',
      '１２',
      '',
      ' ',
      '1.5',
      'null',
    )
    .map((text): Mutation => ({ m: 'nanLike', text })),
  nastyString().map((text): Mutation => ({ m: 'nasty', text })),
  fc
    .record({ depth: fc.constantFrom(64, 1_000, 10_000, 100_000), brackets: fc.boolean() })
    .map((d): Mutation => ({ m: 'deep', ...d })),
  fc.constantFrom(1_000, 20_000).map((keys): Mutation => ({ m: 'manyKeys', keys })),
  fc.constantFrom(1_000, 100_000).map((length): Mutation => ({ m: 'longArray', length })),
  fc
    .oneof(
      fc.constantFrom('isAdmin', 'role', 'orgId', 'id', 'createdAt', 'status'),
      fc.constantFrom(...UNICODE_EDGES),
    )
    .map((key): Mutation => ({ m: 'unknownField', key })),
  fc
    .constantFrom('null', '12345', '"x"', '[]', '{}', 'true')
    .map((raw): Mutation => ({ m: 'duplicateKey', raw })),
);

const garbageArb: fc.Arbitrary<Garbage> = fc.oneof(
  fc
    .array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 })
    .map((bytes): Garbage => ({ g: 'bytes', bytes })),
  fc.nat(400).map((at): Garbage => ({ g: 'truncated', at })),
  fc.constantFrom<Garbage>(
    { g: 'bom' },
    { g: 'utf16' },
    { g: 'invalidUtf8' },
    { g: 'trailing' },
    { g: 'proto' },
    { g: 'constructorProto' },
  ),
  fc
    .constantFrom(
      'null',
      '[]',
      '""',
      '0',
      'true',
      '"x"',
      '-0',
      '1e999',
      ' ',
      '{}{}',
      '[',
      ']',
      '{',
      '\u0000',
      '"\\ud800"',
    )
    .map((text): Garbage => ({ g: 'scalar', text })),
  fc
    .record({ depth: fc.constantFrom(1_000, 10_000, 100_000), brackets: fc.boolean() })
    .map((d): Garbage => ({ g: 'deep', ...d })),
  fc.constantFrom(10_000, 50_000).map((keys): Garbage => ({ g: 'manyKeys', keys })),
  fc.constantFrom(100_000, 2_000_000).map((size): Garbage => ({ g: 'hugeString', size })),
  fc.constantFrom(400, 100_000).map((digits): Garbage => ({ g: 'longNumber', digits })),
  fc.constant<Garbage>({ g: 'escapes', count: 50_000 }),
);

/** Bodies for an operation with a JSON request schema: valid, one field broken, garbage, or the wrong media type. */
export function bodyArb(schema: Schema | undefined): fc.Arbitrary<BodySpec> {
  if (!schema) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
      {
        weight: 1,
        arbitrary: fc
          .record({ value: fc.jsonValue({ maxDepth: 2 }), garbage: garbageArb })
          .map((r): BodySpec => ({ kind: 'garbage', ...r })),
      },
      {
        weight: 1,
        arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value): BodySpec => ({ kind: 'valid', value })),
      },
    );
  }
  const valid = validArb(schema, 'body');
  return fc.oneof(
    { weight: 5, arbitrary: valid.map((value): BodySpec => ({ kind: 'valid', value })) },
    {
      weight: 9,
      arbitrary: fc
        .record({ value: valid, mutation: mutationArb, pick: fc.nat() })
        .map((r): BodySpec => ({ kind: 'mutated', ...r })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ value: valid, garbage: garbageArb })
        .map((r): BodySpec => ({ kind: 'garbage', ...r })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ value: valid, contentType: fc.constantFrom(...ODD_CONTENT_TYPES) })
        .map((r): BodySpec => ({ kind: 'wrongContentType', ...r })),
    },
    { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
  );
}

/** Replaces every Ref with a concrete id from the pool. */
export function resolveRefs(v: unknown, resolve: (r: Ref) => string): unknown {
  if (v instanceof Ref) return resolve(v);
  if (Array.isArray(v)) return v.map((x) => resolveRefs(x, resolve));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = resolveRefs(x, resolve);
    return out;
  }
  return v;
}

type Path = (string | number)[];

function positions(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (out.length > 200) return out;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) positions(x, [...at, i], out);
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) positions(x, [...at, k], out);
  return out;
}

const RAW = '\u0001FUZZRAW\u0001';
const RAW_KEY = '\u0001FUZZKEY\u0001';

const deepText = (depth: number, brackets: boolean) =>
  brackets ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const manyKeysText = (keys: number) =>
  `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(',')}}`;

function setAt(root: unknown, at: Path, value: unknown): unknown {
  if (at.length === 0) return value;
  let cur = root as Record<string | number, unknown>;
  for (const k of at.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[at.at(-1)!] = value;
  return root;
}

function getAt(root: unknown, at: Path): unknown {
  let cur = root;
  for (const k of at) cur = (cur as Record<string | number, unknown>)[k];
  return cur;
}

function wrongTypeOf(v: unknown): unknown {
  if (typeof v === 'string') return 12345;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return 'true';
  if (Array.isArray(v)) return { 0: v[0] ?? null };
  if (v && typeof v === 'object') return [v];
  return 0;
}

/** The JSON text of `value` with `mutation` applied at the `pick`-th position. */
export function mutatedText(value: unknown, mutation: Mutation, pick: number): string {
  const root = structuredClone(value);
  const all = positions(root);
  const at = all[pick % all.length]!;
  const here = getAt(root, at);
  // The nearest object at or above the position, for mutations that add keys.
  let objAt = at;
  while (
    objAt.length &&
    !(getAt(root, objAt) && typeof getAt(root, objAt) === 'object' && !Array.isArray(getAt(root, objAt)))
  )
    objAt = objAt.slice(0, -1);
  const obj = getAt(root, objAt);
  const isObj = obj !== null && typeof obj === 'object' && !Array.isArray(obj);
  const withRaw = (raw: string, target = at) =>
    JSON.stringify(setAt(root, target, RAW)).replace(JSON.stringify(RAW), raw);
  const withRawKey = (raw: string) => {
    if (!isObj) return JSON.stringify(wrongTypeOf(root));
    (obj as Record<string, unknown>)[RAW_KEY] = 0;
    return JSON.stringify(root).replace(`${JSON.stringify(RAW_KEY)}:0`, raw);
  };
  switch (mutation.m) {
    case 'wrongType':
      return JSON.stringify(setAt(root, at, wrongTypeOf(here)));
    case 'null':
      return JSON.stringify(setAt(root, at, null));
    case 'delete': {
      if (at.length === 0) return '{}';
      const parent = getAt(root, at.slice(0, -1));
      if (Array.isArray(parent)) parent.splice(at.at(-1) as number, 1);
      else delete (parent as Record<string, unknown>)[at.at(-1) as string];
      return JSON.stringify(root);
    }
    case 'emptyContainer':
      return JSON.stringify(setAt(root, at, Array.isArray(here) ? [] : typeof here === 'string' ? '' : {}));
    case 'negative':
      return JSON.stringify(setAt(root, at, typeof here === 'number' ? -here - 1 : -2147483649));
    case 'float':
      return JSON.stringify(setAt(root, at, 1.5));
    case 'hugeString':
      return JSON.stringify(setAt(root, at, huge(mutation.size, 'Ab中\u202E')));
    case 'hugeNumber':
      return withRaw(mutation.raw);
    case 'nanLike':
      return JSON.stringify(setAt(root, at, mutation.text));
    case 'nasty':
      return JSON.stringify(setAt(root, at, mutation.text));
    case 'deep':
      return withRaw(deepText(mutation.depth, mutation.brackets));
    case 'manyKeys':
      return withRaw(manyKeysText(mutation.keys));
    case 'longArray':
      return withRaw(`[${new Array(mutation.length).fill('0').join(',')}]`);
    case 'unknownField':
      return withRawKey(`${JSON.stringify(mutation.key)}:true`);
    case 'protoKey':
      return withRawKey('"__proto__":{"polluted":"yes","isAdmin":true}');
    case 'duplicateKey': {
      const keys = isObj ? Object.keys(obj as object) : [];
      const key = keys[pick % Math.max(1, keys.length)];
      return key === undefined
        ? withRawKey('"a":1,"a":2')
        : withRawKey(`${JSON.stringify(key)}:${mutation.raw}`);
    }
  }
}

/** The bytes of a garbage body (built from the valid value where it needs one). */
export function garbageBytes(value: unknown, g: Garbage): Buffer | string {
  const text = JSON.stringify(value) ?? 'null';
  switch (g.g) {
    case 'bytes':
      return Buffer.from(g.bytes);
    case 'truncated':
      return text.slice(0, g.at % Math.max(1, text.length));
    case 'bom':
      return `\uFEFF${text}`;
    case 'utf16':
      return Buffer.from(text, 'utf16le');
    case 'invalidUtf8':
      return Buffer.concat([
        Buffer.from('{"a":"'),
        Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]);
    case 'trailing':
      return `${text}${text}`;
    case 'proto':
      return `{"__proto__":{"polluted":"yes"},${text.startsWith('{') ? text.slice(1) : '"x":1}'}`;
    case 'constructorProto':
      return '{"constructor":{"prototype":{"polluted":"yes"}}}';
    case 'scalar':
      return g.text;
    case 'deep':
      return deepText(g.depth, g.brackets);
    case 'manyKeys':
      return manyKeysText(g.keys);
    case 'hugeString':
      return `"${huge(g.size)}"`;
    case 'longNumber':
      return '1'.repeat(g.digits);
    case 'escapes':
      return `"${'\\u0000\\ud800'.repeat(g.count)}"`;
  }
}

/** The payload and content type to send for a body spec, with Refs already resolved in `value`. */
export function bodyBytes(
  spec: BodySpec,
  value: unknown,
): { payload?: string | Buffer; contentType?: string } {
  switch (spec.kind) {
    case 'none':
      return {};
    case 'valid':
      return { payload: JSON.stringify(value) ?? 'null', contentType: 'application/json' };
    case 'mutated':
      return { payload: mutatedText(value, spec.mutation, spec.pick), contentType: 'application/json' };
    case 'garbage':
      return { payload: garbageBytes(value, spec.garbage), contentType: 'application/json' };
    case 'wrongContentType':
      return { payload: JSON.stringify(value) ?? 'null', contentType: spec.contentType };
  }
}
