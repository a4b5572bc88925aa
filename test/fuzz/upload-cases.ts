import fs from 'node:fs';
import fc from 'fast-check';
import {
  billionLaughs,
  bombEntry,
  deflated,
  SHEET_HEAD,
  SHEET_TAIL,
  stored,
  xlsxWith,
  xxe,
  zipOf,
} from './bombs';
import type { Prepared } from './cases';
import { credHeaders, pickActor } from './cases';
import type { Harness } from './harness';
import { whoArb } from './requests';
import { Ref, versionArb } from './schema-arb';
import { corpusFiles, purlShapes } from './shapes';
import { HUGE_LENGTHS, huge, nastyString, TRAVERSALS, UNICODE_EDGES } from './strings';
import type { WhoSpec } from './types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where an upload goes. */
type Target = 'sbom' | 'advisories' | 'import' | 'evidence-ca' | 'evidence-exam' | 'attachment';

/** Prebuilt hostile archives and documents (built once, on first use). */
export type Canned =
  | 'zip-json-honest'
  | 'zip-json-lie'
  | 'zip-traversal'
  | 'zip-nested'
  | 'zip-truncated'
  | 'xlsx-lol'
  | 'xlsx-xxe'
  | 'xlsx-truncated'
  | 'xlsx-bomb-lie'
  | 'xml-lol'
  | 'xml-xxe'
  | 'cdx-xml';

/** An upload body as generated; archives and corpus files are built or read when sent. */
export type UploadBody =
  | { b: 'corpus'; kind: 'sbom' | 'osv'; n: number }
  | { b: 'cyclonedx'; comps: { name: string; purl?: string; version?: string }[]; spec: string }
  | { b: 'osv'; recs: { eco: string; name: string; introduced: string; fixed?: string }[]; jsonl: boolean }
  | { b: 'canned'; which: Canned }
  | { b: 'table'; rows: string[][]; as: 'csv' | 'xlsx'; enc: 'utf8' | 'bom' | 'utf16le' | 'latin1' }
  | { b: 'garbage'; bytes: number[] }
  | { b: 'empty' }
  | {
      b: 'file';
      filename: string;
      contentType: string;
      content: 'ok' | 'badBase64' | 'huge' | 'empty';
      exploitTool: boolean;
    };

/** One upload attack. */
export interface UploadCase {
  t: 'upload';
  who: WhoSpec;
  target: Target;
  body: UploadBody;
  ctype: string;
  n: number;
  preview: boolean;
}

const CANNED: Canned[] = [
  'zip-json-honest',
  'zip-json-lie',
  'zip-traversal',
  'zip-nested',
  'zip-truncated',
  'xlsx-lol',
  'xlsx-xxe',
  'xlsx-truncated',
  'xlsx-bomb-lie',
  'xml-lol',
  'xml-xxe',
  'cdx-xml',
];

const cannedCache = new Map<Canned, Buffer>();

const OSV_RECORD = (id: string) =>
  JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified: '2024-01-01T00:00:00Z',
    affected: [
      {
        package: { ecosystem: 'npm', name: 'lodash' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
      },
    ],
  });

/** The bytes of a canned hostile document. */
export function canned(which: Canned): Buffer {
  const hit = cannedCache.get(which);
  if (hit) return hit;
  const sheet = (rows: string) => `${SHEET_HEAD}${rows}${SHEET_TAIL}`;
  const built = ((): Buffer => {
    switch (which) {
      case 'zip-json-honest':
        return zipOf([bombEntry('all/bomb.json', 256)]);
      case 'zip-json-lie':
        return zipOf([bombEntry('bomb.json', 256, { lie: true })]);
      case 'zip-traversal':
        return zipOf([
          stored('../../../../tmp/bulwark-fuzz-escape.json', OSV_RECORD('FUZZ-TRAV-1')),
          stored('/etc/bulwark-fuzz.json', OSV_RECORD('FUZZ-TRAV-2')),
          stored('C:\\evil\\x.json', OSV_RECORD('FUZZ-TRAV-3')),
          stored('a\u0000b.json', OSV_RECORD('FUZZ-TRAV-4')),
        ]);
      case 'zip-nested':
        return zipOf([
          stored('inner.zip', zipOf([bombEntry('inner.json', 64)])),
          stored('x.jsonl', `${OSV_RECORD('FUZZ-N')}\n`),
        ]);
      case 'zip-truncated':
        return zipOf([deflated('a.json', OSV_RECORD('FUZZ-T'))]).subarray(0, 60);
      case 'xlsx-lol':
        return xlsxWith(
          deflated(
            'xl/worksheets/sheet1.xml',
            billionLaughs(
              sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>').replace(
                /^<\?xml[^>]*>/,
                '',
              ),
            ),
          ),
        );
      case 'xlsx-xxe':
        return xlsxWith(deflated('xl/worksheets/sheet1.xml', xxe('worksheet')));
      case 'xlsx-truncated':
        return xlsxWith(deflated('xl/worksheets/sheet1.xml', sheet(''))).subarray(0, 700);
      case 'xlsx-bomb-lie':
        return xlsxWith(
          bombEntry('xl/worksheets/sheet1.xml', 64, { head: SHEET_HEAD, tail: SHEET_TAIL, lie: true }),
        );
      case 'xml-lol':
        return Buffer.from(billionLaughs());
      case 'xml-xxe':
        return Buffer.from(xxe());
      case 'cdx-xml':
        return Buffer.from(
          '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1"><components><component type="library"><name>lodash</name><version>4.17.20</version><purl>pkg:npm/lodash@4.17.20</purl></component></components></bom>',
        );
    }
  })();
  cannedCache.set(which, built);
  return built;
}

const corpusCache = new Map<string, string[]>();
const corpus = (kind: 'sbom' | 'osv') => {
  const list = corpusCache.get(kind) ?? corpusFiles(kind);
  corpusCache.set(kind, list);
  return list;
};

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_EDGES, ...TRAVERSALS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('=1+1', '+CMD()', '-2', '@A1', '\t=1', '=HYPERLINK("http://x.invalid")'),
  },
  { weight: 1, arbitrary: fc.constantFrom(huge(40_000), '"', '""', '"a""b', 'a\r\nb', ',', ';') },
);
const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '省份',
  '城市',
  '行业代码',
  '所属领域',
  '规上',
  '年营业收入',
  'uscc',
  'name',
  '??',
];

const uploadBodyArb = (target: Target): fc.Arbitrary<UploadBody> => {
  const common: fc.Arbitrary<UploadBody>[] = [
    fc.constantFrom(...CANNED).map((which): UploadBody => ({ b: 'canned', which })),
    fc
      .array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 })
      .map((bytes): UploadBody => ({ b: 'garbage', bytes })),
    fc.constant<UploadBody>({ b: 'empty' }),
  ];
  switch (target) {
    case 'sbom':
      return fc.oneof(
        ...common,
        fc.nat().map((n): UploadBody => ({ b: 'corpus', kind: 'sbom', n })),
        fc.nat().map((n): UploadBody => ({ b: 'corpus', kind: 'sbom', n })),
        fc
          .record({
            comps: fc.array(
              fc.record(
                {
                  name: fc.string({ maxLength: 20 }),
                  purl: fc.constantFrom(...purlShapes()),
                  version: versionArb(),
                },
                { requiredKeys: ['name'] },
              ),
              { maxLength: 30 },
            ),
            spec: fc.constantFrom('1.2', '1.4', '1.5', '1.6', '1.7', '2.0', '', '1.6.1'),
          })
          .map((r): UploadBody => ({ b: 'cyclonedx', ...r })),
      );
    case 'advisories':
      return fc.oneof(
        ...common,
        fc.nat().map((n): UploadBody => ({ b: 'corpus', kind: 'osv', n })),
        fc
          .record({
            recs: fc.array(
              fc.record(
                {
                  eco: fc.constantFrom(
                    'npm',
                    'PyPI',
                    'Maven',
                    'Go',
                    'Debian',
                    'Alpine',
                    'RubyGems',
                    'crates.io',
                    'NuGet',
                    'Bogus',
                    '',
                  ),
                  name: fc.oneof(
                    fc.constantFrom('lodash', 'openssl', 'busybox'),
                    fc.string({ maxLength: 30 }),
                  ),
                  introduced: versionArb(),
                  fixed: versionArb(),
                },
                { requiredKeys: ['eco', 'name', 'introduced'] },
              ),
              { minLength: 1, maxLength: 10 },
            ),
            jsonl: fc.boolean(),
          })
          .map((r): UploadBody => ({ b: 'osv', ...r })),
      );
    case 'import':
      return fc.oneof(
        ...common,
        fc
          .record({
            rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 8 }),
            as: fc.constantFrom('csv' as const, 'xlsx' as const),
            enc: fc.constantFrom('utf8' as const, 'bom' as const, 'utf16le' as const, 'latin1' as const),
          })
          .map((r): UploadBody => ({ b: 'table', ...r, rows: [HEADER, ...r.rows] })),
      );
    default:
      return fc
        .record({
          filename: fc.oneof(
            fc.constantFrom(...TRAVERSALS),
            nastyString(),
            fc.constantFrom(...HUGE_LENGTHS).map((n) => huge(n, 'f')),
            fc.constant('evidence.pdf'),
          ),
          contentType: fc.constantFrom(
            'application/pdf',
            'text/html',
            'image/svg+xml',
            'x/../../y',
            'application/zip',
          ),
          // A 1.1 MB file is sealed on every upload (tens of ms), so it is drawn less often than the small ones.
          content: fc.oneof(
            { weight: 4, arbitrary: fc.constant('ok' as const) },
            { weight: 2, arbitrary: fc.constantFrom('badBase64' as const, 'empty' as const) },
            { weight: 1, arbitrary: fc.constant('huge' as const) },
          ),
          exploitTool: fc.boolean(),
        })
        .map((r): UploadBody => ({ b: 'file', ...r }));
  }
};

const CTYPES: Record<Target, string[]> = {
  sbom: [
    'application/vnd.cyclonedx+json',
    'application/spdx+json',
    'application/json',
    'application/zip',
    'application/octet-stream',
    'application/xml',
    'text/plain',
  ],
  advisories: [
    'application/json',
    'application/x-ndjson',
    'application/zip',
    'application/octet-stream',
    'application/xml',
  ],
  import: [
    'text/csv',
    'text/csv; charset=gb18030',
    'text/csv; charset=utf-16le',
    'text/csv; charset=latin1',
    'text/csv; charset=bogus',
    XLSX,
    'application/xml',
  ],
  'evidence-ca': ['application/json'],
  'evidence-exam': ['application/json'],
  attachment: ['application/json'],
};

/** Upload attacks on the SBOM, advisory-set and registry-import routes and on evidence and attachment uploads. */
export function uploadCaseArb(): fc.Arbitrary<UploadCase> {
  const targets: Target[] = ['sbom', 'advisories', 'import', 'evidence-ca', 'evidence-exam', 'attachment'];
  return fc.oneof(
    ...targets.map((target) =>
      fc.record({
        t: fc.constant('upload' as const),
        who: whoArb,
        target: fc.constant(target),
        body: uploadBodyArb(target),
        ctype: fc.constantFrom(...CTYPES[target]),
        n: fc.nat(),
        preview: fc.boolean(),
      }),
    ),
  );
}

/** Whether a UTF-16 code unit may appear in XML 1.0 text (§2.2: tab, LF, CR, and no surrogates or U+FFFE/U+FFFF). */
const xmlChar = (c: number) =>
  (c >= 0x20 || c === 9 || c === 10 || c === 13) && (c < 0xd800 || c > 0xdfff) && c < 0xfffe;

function tableBytes(rows: string[][], as: 'csv' | 'xlsx', enc: string): Buffer {
  if (as === 'xlsx') {
    const esc = (s: string) =>
      s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .split('')
        .filter((c) => xmlChar(c.charCodeAt(0)))
        .join('');
    const xml = rows
      .map(
        (r, i) =>
          `<row r="${i + 1}">${r.map((c) => `<c t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join('')}</row>`,
      )
      .join('');
    return xlsxWith(deflated('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${xml}${SHEET_TAIL}`));
  }
  const text = rows
    .map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');
  if (enc === 'bom') return Buffer.from(`\uFEFF${text}`);
  if (enc === 'utf16le') return Buffer.from(text, 'utf16le');
  if (enc === 'latin1') return Buffer.from(text, 'latin1');
  return Buffer.from(text);
}

function payloadOf(body: UploadBody): Buffer | string {
  switch (body.b) {
    case 'corpus': {
      const list = corpus(body.kind);
      return list.length ? fs.readFileSync(list[body.n % list.length]!) : '{}';
    }
    case 'cyclonedx':
      return JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: body.spec,
        version: 1,
        components: body.comps.map((c) => ({ type: 'library', ...c })),
      });
    case 'osv': {
      const recs = body.recs.map((r, i) => ({
        schema_version: '1.6.0',
        id: `FUZZ-${i}-${r.name.length}`,
        modified: '2024-01-01T00:00:00Z',
        affected: [
          {
            package: { ecosystem: r.eco, name: r.name },
            ranges: [
              {
                type: 'ECOSYSTEM',
                events: [{ introduced: r.introduced }, ...(r.fixed ? [{ fixed: r.fixed }] : [])],
              },
            ],
            versions: [r.introduced],
          },
        ],
      }));
      return body.jsonl ? recs.map((r) => JSON.stringify(r)).join('\n') : JSON.stringify(recs[0]);
    }
    case 'canned':
      return canned(body.which);
    case 'table':
      return tableBytes(body.rows, body.as, body.enc);
    case 'garbage':
      return Buffer.from(body.bytes);
    case 'empty':
      return '';
    case 'file':
      return '';
  }
}

/** The concrete request for an upload case. */
export function uploadRequest(h: Harness, c: UploadCase, resolve: (r: Ref) => string): Prepared {
  const route = {
    sbom: ['PUT', '/api/assets/:id/sbom'],
    advisories: ['POST', '/api/match-advisories/import'],
    import: ['POST', '/api/enterprises/import'],
    'evidence-ca': ['POST', '/api/corrective-actions/:id/evidence'],
    'evidence-exam': ['POST', '/api/examinations/:id/answers/:controlId/evidence'],
    attachment: ['POST', '/api/vulnerabilities/:id/attachments'],
  }[c.target] as ['PUT' | 'POST', string];
  const actor = pickActor(h, c.who, h.access.get(`${route[0]} ${route[1]}`));
  const url = {
    sbom: () => `/api/assets/${resolve(new Ref('/api/assets', c.n))}/sbom`,
    advisories: () => '/api/match-advisories/import',
    import: () => `/api/enterprises/import?preview=${c.preview}`,
    'evidence-ca': () =>
      `/api/corrective-actions/${resolve(new Ref('/api/corrective-actions', c.n))}/evidence`,
    'evidence-exam': () =>
      `/api/examinations/${resolve(new Ref('/api/examinations', c.n))}/answers/${encodeURIComponent(resolve(new Ref('controlId', c.n)))}/evidence`,
    attachment: () => `/api/vulnerabilities/${resolve(new Ref('/api/vulnerabilities', c.n))}/attachments`,
  }[c.target]();
  let payload: Buffer | string = payloadOf(c.body);
  if (c.body.b === 'file') {
    const b = c.body;
    const content = {
      ok: 'JVBERi0xLjQKJWZ1enoK',
      badBase64: '%%%not base64%%%',
      huge: huge(1_500_000, 'QUFB'),
      empty: '',
    }[b.content];
    payload = JSON.stringify({
      filename: b.filename,
      contentType: b.contentType,
      contentBase64: content,
      ...(c.target === 'attachment' ? { exploitTool: b.exploitTool } : {}),
    });
  }
  const headers = { ...credHeaders(actor, c.who), 'content-type': c.ctype };
  return {
    req: { method: route[0], url, headers, payload },
    family: `upload:${c.target}`,
    opKey: `${route[0]} ${route[1]} [${c.body.b === 'canned' ? c.body.which : c.body.b}]`,
    actor,
    validCred: !!actor && (c.who.cred === 'cookie' || c.who.cred === 'bearer'),
  };
}
