import fs from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import type { FuzzActor } from './actors';
import { billionLaughs, bombEntry, SHEET_HEAD, SHEET_TAIL, xlsxWith, xxe, zipOf } from './bombs';
import type { Harness } from './harness';
import { TRAVERSALS, UNICODE_EDGES } from './strings';
import { clientError, type Expect, type SuiteContext } from './suites';
import { canned } from './upload-cases';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const auth = (a: FuzzActor) => ({ authorization: `Bearer ${a.token}` });
const notLeaking = (res: LightMyRequestResponse) =>
  /root:.*:0:0:/.test(res.body) ? 'the response carries /etc/passwd' : null;

/** Sends an advisory set to the import route as the ministry. */
const advisoriesOf =
  ({ send, ministry }: SuiteContext) =>
  (name: string, body: Buffer | string, type: string, expect?: Expect) =>
    send(
      'uploads',
      name,
      {
        method: 'POST',
        url: '/api/match-advisories/import',
        headers: { ...auth(ministry), 'content-type': type },
        payload: body,
      },
      expect,
    );

/**
 * Zip and XML bombs against every archive or XML reader (registry XLSX import, OSV zips, SBOM uploads), traversal
 * in archive entry names and evidence file names, lying Content-Length headers, bodies past the streamed cap.
 */
export async function uploadSuite(ctx: SuiteContext) {
  const { h, send, ministry, gd, ent, log } = ctx;
  const advisories = advisoriesOf(ctx);
  // Registry import (XLSX is a zip of XML, read whole): bombs with honest and lying sizes, billion laughs, XXE.
  const importAs = (name: string, body: Buffer | string, type = XLSX, expect = clientError) =>
    send(
      'uploads',
      name,
      {
        method: 'POST',
        url: '/api/enterprises/import?preview=true',
        headers: { ...auth(gd), 'content-type': type },
        payload: body,
      },
      expect,
    );
  await importAs(
    'xlsx zip bomb, 2 GiB of XML in a 2 MiB file',
    xlsxWith(bombEntry('xl/worksheets/sheet1.xml', 2048, { head: SHEET_HEAD, tail: SHEET_TAIL })),
  );
  await importAs(
    'xlsx zip bomb, 2 GiB declared as 1000 bytes',
    xlsxWith(bombEntry('xl/worksheets/sheet1.xml', 2048, { head: SHEET_HEAD, tail: SHEET_TAIL, lie: true })),
  );
  await importAs('xlsx with billion laughs', canned('xlsx-lol'));
  await importAs(
    'xlsx with an external entity',
    canned('xlsx-xxe'),
    XLSX,
    (r) => clientError(r) ?? notLeaking(r),
  );
  await importAs('billion laughs sent as CSV', billionLaughs(), 'text/csv');
  await importAs('billion laughs sent as XML', billionLaughs(), 'application/xml');
  await send(
    'uploads',
    'import with 1 TiB Content-Length header',
    {
      method: 'POST',
      url: '/api/enterprises/import?preview=true',
      headers: { ...auth(gd), 'content-type': 'text/csv', 'content-length': String(2 ** 40) },
      payload: 'a,b',
    },
    clientError,
  );

  // Advisory sets (OSV zips are read entry by entry): bombs, lying sizes, JSON Lines bombs, traversal entry names.
  await advisories(
    'advisory zip bomb, 4 GiB declared honestly',
    zipOf([bombEntry('bomb.json', 4095)]),
    'application/zip',
  );
  await advisories(
    'advisory zip bomb, 1 GiB declared as 1000 bytes',
    zipOf([bombEntry('bomb.json', 1024, { lie: true })]),
    'application/zip',
  );
  await advisories(
    'advisory zip, JSON Lines entry of 1 GiB without a newline',
    zipOf([bombEntry('bomb.jsonl', 1024, { fill: 'x' })]),
    'application/zip',
  );
  const escapee = '/tmp/bulwark-fuzz-escape.json';
  fs.rmSync(escapee, { force: true });
  await advisories(
    'advisory zip with ../ and absolute entry names',
    canned('zip-traversal'),
    'application/zip',
    () => (fs.existsSync(escapee) ? `an entry was written outside the temporary folder: ${escapee}` : null),
  );
  await advisories('advisory zip inside a zip', canned('zip-nested'), 'application/zip');
  await advisories('billion laughs as an advisory set', billionLaughs(), 'application/json');
  await send('uploads', 'advisory set with 1 TiB Content-Length header', {
    method: 'POST',
    url: '/api/match-advisories/import',
    headers: { ...auth(ministry), 'content-type': 'application/json', 'content-length': String(2 ** 40) },
    payload: '{}',
  });
  await advisories(
    'advisory set over the 8 MiB streamed cap',
    `{"x":"${'a'.repeat(8 * 1024 * 1024)}"}`,
    'application/json',
    clientError,
  );

  // SBOM uploads (streamed JSON): XML bombs and documents, zips, over the streamed-upload cap.
  const assets = await h.inject({ method: 'GET', url: '/api/assets', headers: auth(ent) });
  const assetId = (assets.json() as { id: string }[])[0]?.id ?? (await createAsset(h, ent));
  const sbom = (name: string, body: Buffer | string, type: string, expect = clientError) =>
    send(
      'uploads',
      name,
      {
        method: 'PUT',
        url: `/api/assets/${assetId}/sbom`,
        headers: { ...auth(ent), 'content-type': type },
        payload: body,
      },
      expect,
    );
  await sbom('SBOM billion laughs as application/xml', billionLaughs(), 'application/xml');
  await sbom('SBOM billion laughs as CycloneDX JSON', billionLaughs(), 'application/vnd.cyclonedx+json');
  await sbom(
    'SBOM external entity as CycloneDX JSON',
    xxe(),
    'application/vnd.cyclonedx+json',
    (r) => clientError(r) ?? notLeaking(r),
  );
  await sbom('CycloneDX XML SBOM', canned('cdx-xml'), 'application/json');
  await sbom('SBOM zip bomb as application/zip', zipOf([bombEntry('bom.json', 1024)]), 'application/zip');
  await sbom(
    'SBOM over the 8 MiB streamed cap',
    `{"bomFormat":"CycloneDX","specVersion":"1.6","x":"${'a'.repeat(8 * 1024 * 1024)}"}`,
    'application/json',
  );
  await sbom(
    'SBOM nested 100k deep',
    `{"bomFormat":"CycloneDX","specVersion":"1.6","components":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    'application/json',
  );
  await send('uploads', 'SBOM with 1 TiB Content-Length header', {
    method: 'PUT',
    url: `/api/assets/${assetId}/sbom`,
    headers: { ...auth(ent), 'content-type': 'application/json', 'content-length': String(2 ** 40) },
    payload: '{}',
  });
  await send(
    'uploads',
    'JSON route given billion laughs as XML',
    {
      method: 'POST',
      url: '/api/tokens',
      headers: { ...auth(ent), 'content-type': 'application/xml' },
      payload: billionLaughs(),
    },
    (r) => (r.statusCode === 415 ? null : `expected 415, got ${r.statusCode}`),
  );

  // Evidence file names: stored and sent back without any path, control character or leading dot.
  const actions = await h.inject({ method: 'GET', url: '/api/corrective-actions', headers: auth(ent) });
  const actionId = (actions.json() as { items?: { id: string }[] }).items?.[0]?.id;
  if (actionId) {
    for (const filename of [...TRAVERSALS, ...UNICODE_EDGES.slice(0, 12), 'a'.repeat(300)]) {
      const up = await send('uploads', `evidence named ${JSON.stringify(filename).slice(0, 40)}`, {
        method: 'POST',
        url: `/api/corrective-actions/${actionId}/evidence`,
        headers: { ...auth(ent), 'content-type': 'application/json' },
        payload: JSON.stringify({ filename, contentType: 'application/pdf', contentBase64: 'JVBERi0xLjQK' }),
      });
      const id = up?.statusCode === 201 ? (up.json() as { id: string }).id : undefined;
      if (id)
        await send(
          'uploads',
          `download of evidence named ${JSON.stringify(filename).slice(0, 40)}`,
          {
            method: 'GET',
            url: `/api/evidence/${id}`,
            headers: auth(ent),
          },
          (r) =>
            r.statusCode === 200 && r.headers['content-disposition']
              ? null
              : `expected the file with a content-disposition, got ${r.statusCode}`,
        );
    }
  } else log('  (no corrective action to attach evidence to; evidence names are left to the random phase)');
}

/**
 * 16 KiB that unpack to 5.6 million tiny documents, each parsed and normalised inside the request. Known to outlive
 * the timeout (imports are bounded in bytes, not in documents or time); run last, as it keeps the event loop busy.
 */
export async function slowImportBomb(ctx: SuiteContext) {
  await advisoriesOf(ctx)(
    'advisory zip, JSON Lines entry of 16 MiB of "{}" lines',
    zipOf([bombEntry('bomb.jsonl', 16, { fill: '{}\n' })]),
    'application/zip',
  );
}

async function createAsset(h: Harness, a: FuzzActor): Promise<string> {
  const res = await h.inject({
    method: 'POST',
    url: '/api/assets',
    headers: auth(a),
    payload: { kind: 'system', name: 'fuzz asset' },
  });
  return (res.json() as { id: string }).id;
}
