import fc from 'fast-check';
import type { Prepared } from './cases';
import { credHeaders, pickActor } from './cases';
import type { Harness } from './harness';
import { whoArb } from './requests';
import { Ref, versionArb } from './schema-arb';
import { purlShapes, versionShapes } from './shapes';
import { encodeSegment } from './strings';
import type { WhoSpec } from './types';

/** A purl or version of some shape sent where purls and versions are parsed. */
export interface ShapeCase {
  t: 'shape';
  who: WhoSpec;
  kind: 'advisoriesFor' | 'component' | 'product' | 'productPatch';
  purl: string;
  eco: string;
  name: string;
  versions: string[];
  n: number;
}

/** Purls from the purl-spec suites and versions from the ecosystems' own comparison tests, into every parser route. */
export function shapeCaseArb(): fc.Arbitrary<ShapeCase> {
  const ecosystems = [...versionShapes().keys()].filter((e) => e !== '*');
  return fc.record({
    t: fc.constant('shape' as const),
    who: whoArb,
    kind: fc.constantFrom(
      'advisoriesFor' as const,
      'component' as const,
      'product' as const,
      'productPatch' as const,
    ),
    purl: fc.constantFrom(...purlShapes()),
    eco: fc.oneof(
      fc.constantFrom(...ecosystems, 'npm', 'Go', 'crates.io'),
      fc.constantFrom('', 'NPM', 'Debian:12', 'Alpine:v3.19', '../x'),
    ),
    name: fc.constantFrom(
      'lodash',
      'openssl',
      'busybox',
      'django',
      'org.apache.logging.log4j:log4j-core',
      'github.com/x/y',
      '@scope/pkg',
      '',
    ),
    versions: fc.array(versionArb(), { minLength: 1, maxLength: 6 }),
    n: fc.nat(),
  });
}

/** The concrete request for a shape case. */
export function shapeRequest(h: Harness, c: ShapeCase, resolve: (r: Ref) => string): Prepared {
  const v = c.versions[0]!;
  const ranges = c.versions.slice(1).map((x, i) => (i % 2 ? { fixed: x } : { introduced: x }));
  const spec = {
    advisoriesFor: {
      method: 'GET' as const,
      route: '/api/components/advisories',
      url: `/api/components/advisories?ecosystem=${encodeSegment(c.eco)}&name=${encodeSegment(c.name)}&version=${encodeSegment(v)}`,
    },
    component: {
      method: 'POST' as const,
      route: '/api/products/:id/components',
      url: `/api/products/${resolve(new Ref('/api/products', c.n))}/components`,
      body: { purl: c.purl },
    },
    product: {
      method: 'POST' as const,
      route: '/api/products',
      url: '/api/products',
      body: {
        name: `shape ${c.n % 1000}`,
        versions: c.versions,
        versionRanges: ranges.slice(0, 2),
        purl: c.purl,
      },
    },
    productPatch: {
      method: 'PATCH' as const,
      route: '/api/products/:id',
      url: `/api/products/${resolve(new Ref('/api/products', c.n))}`,
      body: { versions: c.versions, versionRanges: ranges, purl: c.purl },
    },
  }[c.kind];
  const actor = pickActor(h, c.who, h.access.get(`${spec.method} ${spec.route}`));
  const body = 'body' in spec ? JSON.stringify(spec.body) : undefined;
  return {
    req: {
      method: spec.method,
      url: spec.url,
      headers: { ...credHeaders(actor, c.who), ...(body ? { 'content-type': 'application/json' } : {}) },
      payload: body,
    },
    family: 'shapes:purl+version',
    opKey: `${spec.method} ${spec.route} [shapes]`,
    actor,
    validCred: !!actor && (c.who.cred === 'cookie' || c.who.cred === 'bearer'),
  };
}
