import type { FuzzActor } from './actors';
import type { SuiteContext } from './suites';
import type { Concrete } from './types';
import { canned } from './upload-cases';

/**
 * Requests the random phase once answered with a 5xx or that crashed the process; each must now be answered
 * (and a 4xx must be a problem document).
 */
export async function regressionSuite(ctx: SuiteContext) {
  const { h, ministry, gd, ent, send } = ctx;
  const vendor = h.actors.find((a) => a.orgKind === 'vendor')!;
  const json = (a: FuzzActor) => ({ authorization: `Bearer ${a.token}`, 'content-type': 'application/json' });
  const cases: [string, Concrete][] = [
    [
      'advisory import without a body (crashed the process)',
      {
        method: 'POST',
        url: '/api/match-advisories/import',
        headers: { authorization: `Bearer ${ministry.token}` },
      },
    ],
    [
      'SBOM upload without a body',
      {
        method: 'PUT',
        url: '/api/assets/00000000-0000-4000-8000-000000000000/sbom',
        headers: { authorization: `Bearer ${ent.token}` },
      },
    ],
    [
      'path with a lone-surrogate escape (non-problem 400)',
      { method: 'GET', url: '/api/orgs/%ED%A0%80', headers: { authorization: `Bearer ${ent.token}` } },
    ],
    [
      'drill scenario id of 36 hex digits and dashes',
      {
        method: 'DELETE',
        url: '/api/drills/scenarios/02--a-f8fc821ec-d552aaa-eb-1-b-a1b-0',
        headers: { authorization: `Bearer ${ent.token}` },
      },
    ],
    [
      'drill scheduled from a malformed scenario id',
      {
        method: 'POST',
        url: '/api/drills',
        headers: json(ent),
        payload: JSON.stringify({
          scenarioId: 'b0-a7a64710d-e-b7e9--1ee-3-1-1b--d--',
          scheduledFor: '2030-01-01T00:00:00Z',
        }),
      },
    ],
    [
      'supervision report for month 29',
      {
        method: 'GET',
        url: '/api/supervision/report.pdf?province=440000&month=2026-29',
        headers: { authorization: `Bearer ${gd.token}` },
      },
    ],
    [
      'supervision list for month 00',
      {
        method: 'GET',
        url: '/api/supervision/lists/training?month=2026-00',
        headers: { authorization: `Bearer ${gd.token}` },
      },
    ],
    [
      'NUL in a query filter',
      {
        method: 'GET',
        url: '/api/audit?entityType=passwd%00.png',
        headers: { authorization: `Bearer ${ministry.token}` },
      },
    ],
    [
      'NUL in a jsonb array',
      {
        method: 'POST',
        url: '/api/webhooks',
        headers: json(ent),
        payload: JSON.stringify({ url: 'https://fuzz.invalid/', format: 'wecom', events: ['a\u0000b'] }),
      },
    ],
    [
      'asset naming a product that does not exist',
      {
        method: 'POST',
        url: '/api/assets',
        headers: json(ent),
        payload: JSON.stringify({
          kind: 'device',
          name: 'x',
          productId: 'f81f0a13-ba75-4671-823e-a3ce5124070b',
        }),
      },
    ],
    [
      'advisory import of a truncated zip',
      {
        method: 'POST',
        url: '/api/match-advisories/import',
        headers: { authorization: `Bearer ${ministry.token}`, 'content-type': 'application/zip' },
        payload: canned('zip-truncated'),
      },
    ],
    [
      'advisory set nested 10,000 lists deep (stack overflow)',
      {
        method: 'POST',
        url: '/api/match-advisories/import',
        headers: { authorization: `Bearer ${ministry.token}`, 'content-type': 'application/json' },
        payload: `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      },
    ],
  ];
  for (const [name, req] of cases) await send('regressions', name, req);
  const products = await h.inject({
    method: 'GET',
    url: '/api/products',
    headers: { authorization: `Bearer ${vendor.token}` },
  });
  const productId = products.json() as { items?: { id: string }[] } | { id: string }[];
  const id = Array.isArray(productId) ? productId[0]?.id : productId.items?.[0]?.id;
  await send('regressions', 'product with an unpaired surrogate in a version range (jsonb)', {
    method: 'POST',
    url: '/api/products',
    headers: json(vendor),
    payload: JSON.stringify({
      name: 'x',
      versionRanges: [{ introduced: '1', lastAffected: '\ude00\ud83d' }],
    }),
  });
  if (id)
    await send('regressions', 'component with a julia purl (its uuid qualifier is required)', {
      method: 'POST',
      url: `/api/products/${id}/components`,
      headers: json(vendor),
      payload: JSON.stringify({ purl: 'pkg:julia/Dates@1.9.0?uuid=ade2ca70-3891-5945-98fb-dc099432e06a' }),
    });
}
