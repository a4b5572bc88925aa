import fc from 'fast-check';
import { type BodySpec, bodyArb } from './body';
import type { Operation, Param } from './openapi';
import { Ref, validArb } from './schema-arb';
import { encodeSegment, HUGE_LENGTHS, huge, nastyString, RAW_URL_PIECES, TRAVERSALS } from './strings';
import type { WhoSpec } from './types';

/** A path parameter as generated. */
export type ParamSpec =
  | { p: 'valid'; v: unknown }
  | { p: 'uuid'; v: string }
  | { p: 'nasty'; v: string }
  | { p: 'raw'; v: string }
  | { p: 'huge'; n: number }
  | { p: 'empty' };

/** A query value as generated: right type, wrong type or text, or repeated. */
export type QVal = { q: 'valid'; v: unknown } | { q: 'wrong'; v: string } | { q: 'array'; v: unknown[] };

/** A query string: one slot per declared parameter (null = left out) plus raw extra pieces. */
export interface QuerySpec {
  values: (QVal | null)[];
  extra: string[];
}

/** One schema-driven request. */
export interface ApiCase {
  t: 'api';
  op: number;
  who: WhoSpec;
  params: ParamSpec[];
  query: QuerySpec;
  body: BodySpec;
  accept?: string;
  /** A Content-Length that lies: 1 TiB, one byte short, or ten bytes long. */
  length?: 'huge' | 'short' | 'long';
}

/** Who sends: mostly an actor the route admits, with a session cookie and CSRF token or an API token. */
export const whoArb: fc.Arbitrary<WhoSpec> = fc.record({
  mode: fc.oneof(
    { weight: 15, arbitrary: fc.constant('admitted' as const) },
    { weight: 3, arbitrary: fc.constant('any' as const) },
    { weight: 2, arbitrary: fc.constant('anon' as const) },
  ),
  pick: fc.nat(),
  cred: fc.oneof(
    { weight: 12, arbitrary: fc.constant('cookie' as const) },
    { weight: 7, arbitrary: fc.constant('bearer' as const) },
    { weight: 1, arbitrary: fc.constantFrom('nocsrf' as const, 'badBearer' as const, 'badCookie' as const) },
  ),
});

const WRONG_QUERY = [
  'abc',
  '-1',
  '0',
  '1.5',
  '1e999',
  'NaN',
  '',
  ' ',
  'true',
  'null',
  '[]',
  '{}',
  '99999999999999999999',
  '0x1F',
  huge(1001),
  ...TRAVERSALS.slice(0, 6),
];

const EXTRA_QUERY = [
  'sudo=1',
  '%%%',
  'a[b]=1',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  '&&&',
  '=',
  '==',
  'limit',
  'limit=1&limit=2',
  `x=${huge(5000)}`,
  ...RAW_URL_PIECES,
];

/** The collection path a path parameter indexes: the template up to that parameter. */
const collectionOf = (op: Operation, p: Param) => op.path.slice(0, op.path.indexOf(`{${p.name}}`) - 1);

function paramArb(op: Operation, p: Param): fc.Arbitrary<ParamSpec> {
  const isUuid = p.schema.format === 'uuid';
  const hint = isUuid ? collectionOf(op, p) : p.name;
  const known = p.schema.enum?.length
    ? validArb(p.schema, p.name)
    : fc.oneof(
        { weight: 3, arbitrary: fc.nat().map((n) => new Ref(hint, n) as unknown) },
        { weight: 1, arbitrary: validArb(p.schema, p.name) },
      );
  return fc.oneof(
    { weight: 16, arbitrary: known.map((v): ParamSpec => ({ p: 'valid', v })) },
    { weight: 2, arbitrary: fc.uuid({ version: 4 }).map((v): ParamSpec => ({ p: 'uuid', v })) },
    { weight: 2, arbitrary: nastyString().map((v): ParamSpec => ({ p: 'nasty', v })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...RAW_URL_PIECES, ...TRAVERSALS).map((v): ParamSpec => ({ p: 'raw', v })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_LENGTHS).map((n): ParamSpec => ({ p: 'huge', n })) },
    { weight: 1, arbitrary: fc.constant<ParamSpec>({ p: 'empty' }) },
  );
}

function queryValueArb(p: Param): fc.Arbitrary<QVal | null> {
  const valid = validArb(p.schema, p.name);
  return fc.oneof(
    { weight: p.required ? 1 : 6, arbitrary: fc.constant(null) },
    { weight: 8, arbitrary: valid.map((v): QVal => ({ q: 'valid', v })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constantFrom(...WRONG_QUERY), nastyString())
        .map((v): QVal => ({ q: 'wrong', v })),
    },
    {
      weight: 1,
      arbitrary: fc.array(valid, { minLength: 2, maxLength: 3 }).map((v): QVal => ({ q: 'array', v })),
    },
  );
}

function queryArb(op: Operation): fc.Arbitrary<QuerySpec> {
  return fc.record({
    values: fc.tuple(...op.query.map(queryValueArb)),
    extra: fc.oneof(
      { weight: 9, arbitrary: fc.constant([] as string[]) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...EXTRA_QUERY), { minLength: 1, maxLength: 2 }) },
    ),
  });
}

/** Requests for one operation: path parameters, query and body each mostly right, sometimes hostile. */
export function apiCaseArb(op: Operation, index: number): fc.Arbitrary<ApiCase> {
  return fc.record({
    t: fc.constant('api' as const),
    op: fc.constant(index),
    who: whoArb,
    params: fc.tuple(...op.pathParams.map((p) => paramArb(op, p))),
    query: queryArb(op),
    body: op.method === 'GET' || op.method === 'DELETE' ? bodyArb(undefined) : bodyArb(op.body),
    accept: fc.option(
      fc.constantFrom('application/xml', 'text/csv', '*/*', 'application/json;q=0', 'x'.repeat(2000)),
      { freq: 20, nil: undefined },
    ),
    length: fc.option(fc.constantFrom('huge' as const, 'short' as const, 'long' as const), {
      freq: 30,
      nil: undefined,
    }),
  });
}

/** The URL path segment for a parameter spec, with Refs resolved by `resolve`. */
export function segment(spec: ParamSpec, resolve: (r: Ref) => string): string {
  switch (spec.p) {
    case 'valid':
      return encodeSegment(spec.v instanceof Ref ? resolve(spec.v) : String(spec.v));
    case 'uuid':
      return spec.v;
    case 'nasty':
      return encodeSegment(spec.v);
    case 'raw':
      return spec.v;
    case 'huge':
      return huge(spec.n);
    case 'empty':
      return '';
  }
}

/** The query string (without `?`) for a query spec. */
export function queryString(op: Operation, q: QuerySpec, resolve: (r: Ref) => string): string {
  const parts: string[] = [];
  const text = (v: unknown) =>
    encodeSegment(v instanceof Ref ? resolve(v) : typeof v === 'string' ? v : JSON.stringify(v));
  q.values.forEach((v, i) => {
    const name = op.query[i]!.name;
    if (!v) return;
    if (v.q === 'array') for (const x of v.v) parts.push(`${name}=${text(x)}`);
    else parts.push(`${name}=${v.q === 'wrong' ? encodeSegment(v.v) : text(v.v)}`);
  });
  parts.push(...q.extra);
  return parts.join('&');
}
