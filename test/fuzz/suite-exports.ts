import type { LightMyRequestResponse } from 'fastify';
import { DrillKind } from '../../src/contracts/supervision';
import { usccCheckCharacter } from '../../src/lib/china/uscc';
import { decodeCsvText, parseCsv } from '../../src/lib/tabular/csv';
import { readXlsxRows } from '../../src/lib/tabular/xlsx';
import type { FuzzActor } from './actors';
import type { SuiteContext } from './suites';

/** Text a spreadsheet would evaluate (OWASP CSV injection), as src/lib/tabular/write.ts defines it. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** Text cells of a CSV or XLSX export that a spreadsheet would run as a formula. */
export function liveFormulas(rows: string[][]): string[] {
  return rows.flat().filter((c) => FORMULA_START.test(c) && !NUMBER.test(c));
}

/** Values that start like formulas, put into every text field that reaches a supervision export. */
export const FORMULAS = [
  '=HYPERLINK("https://x.invalid","点击")',
  '+SUM(1,1)',
  '-2+3',
  '@cmd',
  '\t=1+1',
  '\r=2+2',
  '＝1+1',
  '=cmd|"/c calc"!A1',
];

/**
 * CSV/XLSX formula injection: enterprise names, training topics and trainers, talent names, certificates and
 * issuers that start like formulas, then every supervision list downloaded as CSV and XLSX by the ministry and a
 * province; every text cell must come back inert (an apostrophe before the formula character).
 */
export async function exportSuite(ctx: SuiteContext) {
  const { ministry, gd, ent, send, note } = ctx;
  const auth = (a: FuzzActor) => ({ authorization: `Bearer ${a.token}`, 'content-type': 'application/json' });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const created = (r: LightMyRequestResponse) =>
    r.statusCode === 201 ? null : `expected 201, got ${r.statusCode}: ${r.body.slice(0, 300)}`;
  for (const [i, f] of FORMULAS.entries()) {
    const first17 = `91440300MD${String(Date.now() % 1e6).padStart(6, '0')}${i}`;
    await send(
      'exports',
      `enterprise named ${JSON.stringify(f)}`,
      {
        method: 'POST',
        url: '/api/enterprises',
        headers: auth(gd),
        payload: JSON.stringify({
          uscc: first17 + usccCheckCharacter(first17),
          name: `${f} 企业${i}`,
          provinceCode: '440000',
          cityCode: '440300',
          industryDivision: '39',
          sector: 'industry',
          aboveSize: true,
          annualRevenueYuan: 1_000_000_000 + i,
          revenueYear: 2025,
        }),
      },
      created,
    );
    await send(
      'exports',
      `training topic ${JSON.stringify(f)}`,
      {
        method: 'POST',
        url: '/api/training/sessions',
        headers: auth(ent),
        payload: JSON.stringify({ heldOn: today, topic: f, trainer: f, hours: 2, attendees: [f, '张三'] }),
      },
      created,
    );
    await send(
      'exports',
      `talent named ${JSON.stringify(f)}`,
      {
        method: 'POST',
        url: '/api/training/talents',
        headers: auth(ent),
        payload: JSON.stringify({
          name: f,
          certificate: f,
          certificateNo: f,
          issuer: f,
          issuedOn: today,
          validUntil: null,
        }),
      },
      created,
    );
  }
  for (const a of [ministry, gd]) {
    for (const kind of DrillKind.options) {
      for (const format of ['csv', 'xlsx'] as const) {
        const res = await send('exports', `${a.label} export ${kind}.${format}`, {
          method: 'GET',
          url: `/api/supervision/lists/${kind}/export?format=${format}${a === ministry ? '' : '&province=440000'}`,
          headers: { authorization: `Bearer ${a.token}` },
        });
        if (res?.statusCode !== 200) continue;
        const rows =
          format === 'csv'
            ? parseCsv(decodeCsvText(res.rawPayload))
            : await readXlsxRows(res.rawPayload, 100_000);
        const live = liveFormulas(rows);
        const inert = rows.flat().filter((c) => c.startsWith("'") && FORMULA_START.test(c.slice(1)));
        const expectInert = ['enterprises', 'training', 'talents'].includes(kind);
        const problem = live.length
          ? `cells a spreadsheet would evaluate: ${JSON.stringify(live.slice(0, 5))}`
          : expectInert && inert.length === 0
            ? `none of the ${FORMULAS.length} formula-like values came back (inert or otherwise) in ${rows.length} rows`
            : null;
        note({
          suite: 'exports',
          name: `${a.label} ${kind}.${format}: no live formula (${inert.length} cells neutralised)`,
          status: res.statusCode,
          ms: 0,
          problem: problem ?? undefined,
        });
      }
    }
  }
}
