import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../../lib/china/uscc';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROWS = 50_000;
/** The spreadsheet row (the header is row 1) whose USCC the strict run breaks. */
const BAD_ROW = 31_337;

let t: TestApp;
let ministry: As;
beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.login('ministry.admin@bulwark.demo');
});
afterAll(() => t.close());

const usccOf = (n: number) => {
  const first17 = `91440300MD${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
};

/** A one-sheet registry workbook of ROWS Guangdong enterprises; `broken` rows get a wrong check character. */
async function workbook(broken?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow([
    '统一社会信用代码',
    '企业名称',
    '省份',
    '城市',
    '行业代码',
    '所属领域',
    '规上',
    '年营业收入',
    '营业收入年度',
  ]);
  for (let i = 0; i < ROWS; i++) {
    const row = i + 2;
    let code = usccOf(i);
    if (row === broken) code = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    ws.addRow([
      code,
      `大规模导入测试企业${i}有限公司`,
      '440000',
      '440300',
      '39',
      '工业',
      '是',
      1_000_000 + i,
      2025,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const profiles = async () =>
  Number(
    (await t.database.raw.query<{ n: string }>('select count(*) as n from enterprise_profiles')).rows[0]!.n,
  );
const upload = (body: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: '/api/enterprises/import',
    headers: { ...ministry.headers, 'content-type': XLSX },
    payload: body,
  });

describe('enterprise import at province scale (50,000-row XLSX)', () => {
  it('rejects the whole file for one broken USCC, naming its row, and imports nothing', async () => {
    const file = await workbook(BAD_ROW);
    console.log(`50,000-row XLSX with one bad row: ${(file.length / 1_048_576).toFixed(1)} MiB`);
    const before = await profiles();
    const res = await upload(file);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    const body = res.json();
    expect(body.code).toBe('import.invalid_rows');
    expect(body.rows).toEqual([expect.objectContaining({ row: BAD_ROW, field: 'uscc' })]);
    expect(await profiles()).toBe(before);
  }, 300_000);

  it('imports all 50,000 rows of the corrected file in under a minute', async () => {
    const file = await workbook();
    const before = await profiles();
    const started = performance.now();
    const res = await upload(file);
    const seconds = (performance.now() - started) / 1000;
    console.log(`imported ${ROWS} XLSX rows in ${seconds.toFixed(1)} s`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, total: ROWS, created: ROWS, skipped: 0 });
    expect(await profiles()).toBe(before + ROWS);
    expect(seconds).toBeLessThan(60);
  }, 600_000);
});
