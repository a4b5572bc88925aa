import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../../contracts/enterprises';
import { usccCheckCharacter } from '../../../lib/china/uscc';
import { DEMO_PROFILES } from '../../seed/demo';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';
import { MAX_IMPORT_ROWS } from './import.service';

let t: TestApp;
let ministry: As;
let gd: As;
beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.login('ministry.admin@bulwark.demo');
  gd = await t.login('gd.admin@bulwark.demo');
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uscc = (n: number, division = '440300') => {
  const first17 = `91${division}MB${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
};
const HEADER = '统一社会信用代码,企业名称,省份,城市,行业代码,所属领域,规上,年营业收入（万元）,营业收入年度';
const csv = (...lines: string[]) => `\ufeff${[HEADER, ...lines].join('\r\n')}\r\n`;
const upload = (as: As, body: string | Buffer, query = '', type = 'text/csv; charset=utf-8') =>
  t.app.inject({
    method: 'POST',
    url: `/api/enterprises/import${query}`,
    headers: { ...as.headers, 'content-type': type },
    payload: body,
  });
const byUscc = async (code: string): Promise<Enterprise | undefined> =>
  (await t.app.inject({ url: `/api/enterprises?q=${code}`, headers: ministry.headers })).json().items[0];
const auditHead = async () =>
  (await t.app.inject({ url: '/api/audit?limit=1', headers: ministry.headers })).json().items[0]
    .seq as number;
const gdTop = async () =>
  (await t.app.inject({ url: '/api/enterprises/top-decile', headers: gd.headers })).json() as {
    population: number;
    items: Enterprise[];
  };

describe('enterprise import (CSV and XLSX)', () => {
  const yuehai = DEMO_PROFILES.粤海精密制造有限公司!;
  const file = csv(
    `${uscc(1)},深圳微电子有限公司,440000,440300,39,工业,是,"52,000",2025`,
    `${uscc(2)},"广州""精工""机械有限公司",广东,广州,C34,industry,否,,`,
    `${yuehai.uscc},${yuehai.name},440000,441900,34,工业,是,900000,2025`,
  );

  it('previews what a CSV would do and writes nothing', async () => {
    const head = await auditHead();
    const res = await upload(gd, file, '?preview=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      preview: true,
      applied: false,
      total: 3,
      created: 2,
      updated: 1,
      skipped: 0,
      rows: [],
      outcomes: [
        { row: 2, action: 'create', enterpriseId: null },
        { row: 3, name: '广州"精工"机械有限公司', action: 'create' },
        { row: 4, action: 'update', enterpriseId: expect.any(String) },
      ],
    });
    expect(await byUscc(uscc(1))).toBeUndefined();
    expect((await byUscc(yuehai.uscc))?.annualRevenueYuan).toBe(yuehai.annualRevenueYuan);
    expect(await auditHead()).toBe(head);
  });

  it('applies every row of a CSV in one go, audited, and re-ranks the province', async () => {
    expect((await gdTop()).items.map((e) => e.name)).toEqual(['珠江智能装备股份有限公司']);
    const res = await upload(gd, file);
    expect(res.json()).toMatchObject({ applied: true, created: 2, updated: 1 });
    const created = await byUscc(uscc(1));
    expect(created).toMatchObject({ cityCode: '440300', annualRevenueYuan: 520_000_000, aboveSize: true });
    expect(await byUscc(uscc(2))).toMatchObject({
      cityCode: '440100',
      industryDivision: '34',
      aboveSize: false,
    });
    // 900,000 万元 = 9 × 10^9 yuan: 粤海 now leads its province (population 3, quota 1).
    expect(await gdTop()).toMatchObject({
      population: 3,
      items: [{ name: yuehai.name, annualRevenueYuan: 9e9 }],
    });
    const trail = (await t.app.inject({ url: '/api/audit?limit=4', headers: ministry.headers })).json().items;
    expect(trail.map((a: { action: string }) => a.action)).toEqual([
      'enterprise.imported',
      'enterprise.updated',
      'enterprise.created',
      'enterprise.created',
    ]);
    expect(trail[0].data).toMatchObject({
      format: 'csv',
      total: 3,
      created: 2,
      updated: 1,
      sha256: expect.any(String),
    });
    const again = await upload(gd, file);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('writes nothing when a row is invalid and reports every problem by row and column', async () => {
    const head = await auditHead();
    const bad = uscc(3).slice(0, 17) + (uscc(3).endsWith('0') ? '1' : '0');
    const res = await upload(
      gd,
      csv(
        `${uscc(4)},有效的一行有限公司,440000,440600,39,工业,是,100,2025`,
        `${bad},校验码错误有限公司,440000,330100,39,工业,也许,100,2025`,
        '',
        `${uscc(4)},重复代码有限公司,440000,440600,39,工业,是,1.23456,2025`,
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('import.invalid_rows');
    expect(body.rows).toEqual([
      expect.objectContaining({
        row: 3,
        column: '规上',
        field: 'aboveSize',
        code: 'validation.invalid_value',
      }),
      expect.objectContaining({ row: 3, column: '统一社会信用代码', field: 'uscc', code: 'validation.uscc' }),
      expect.objectContaining({
        row: 3,
        column: '城市',
        field: 'cityCode',
        code: 'validation.city_not_in_province',
      }),
      expect.objectContaining({ row: 5, column: '年营业收入（万元）', code: 'validation.fractional_yuan' }),
      expect.objectContaining({ row: 5, column: '统一社会信用代码', code: 'import.duplicate_uscc' }),
    ]);
    expect(body.errors[0].path).toBe('body.rows.3.aboveSize');
    expect(await byUscc(uscc(4))).toBeUndefined();
    expect(await auditHead()).toBe(head);

    const skipping = await upload(
      gd,
      csv(
        `${uscc(4)},有效的一行有限公司,440000,440600,39,工业,是,100,2025`,
        `${bad},坏,440000,440300,39,工业,是,1,2025`,
      ),
      '?skipInvalid=true',
    );
    expect(skipping.json()).toMatchObject({
      applied: true,
      created: 1,
      skipped: 1,
      rows: [{ row: 3, field: 'uscc' }],
    });
    expect(await byUscc(uscc(4))).toMatchObject({ annualRevenueYuan: 1_000_000 });
  });

  it('keeps a province inside its scope: other provinces and other provinces\u2019 codes are row errors', async () => {
    const zjCode = DEMO_PROFILES.钱塘新材料科技有限公司!.uscc;
    const res = await upload(
      gd,
      csv(
        `${uscc(5, '330100')},杭州企业,330000,330100,39,工业,是,1,2025`,
        `${zjCode},钱塘,440000,440300,26,工业,是,1,2025`,
      ),
    );
    expect(res.json().rows).toEqual([
      expect.objectContaining({ row: 2, column: '省份', code: 'import.out_of_scope' }),
      expect.objectContaining({ row: 3, column: '统一社会信用代码', code: 'enterprise.uscc_taken' }),
    ]);
    expect(res.body).not.toContain('钱塘新材料');
  });

  it('reads XLSX with English headers, hyperlinked emails, names for places, and links a same-named org', async () => {
    const org = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: gd.headers,
      payload: { kind: 'enterprise', name: '汕头玩具实业有限公司', provinceCode: '440000' },
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('registry');
    ws.addRow([
      'No.',
      'USCC',
      'Name',
      'Province',
      'City',
      'Industry',
      'Sector',
      'Above size',
      'Annual revenue (亿元)',
      'Revenue year',
      'Officer name',
      'Officer title',
      'Officer phone',
      'Officer email',
    ]);
    const officer = ['林某', '数据安全负责人', '0754-88888888'];
    ws.addRow([
      1,
      uscc(6),
      '汕头玩具实业有限公司',
      '广东',
      '汕头',
      'C24',
      'industry',
      'yes',
      12.5,
      2025,
      ...officer,
      {
        text: 'dso@toys.example.cn',
        hyperlink: 'mailto:dso@toys.example.cn',
      },
    ]);
    ws.addRow([
      2,
      uscc(7),
      '北京研发中心有限公司',
      '北京',
      '北京',
      'I65',
      'industry',
      'no',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(ministry, bytes, '', XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      linked: 1,
      created: 1,
      outcomes: [{ action: 'link', enterpriseId: org.json().id }, {}],
    });
    expect(await byUscc(uscc(6))).toMatchObject({
      id: org.json().id,
      cityCode: '440500',
      industryDivision: '24',
      annualRevenueYuan: 1_250_000_000,
      officer: { name: '林某', email: 'dso@toys.example.cn' },
    });
    expect(await byUscc(uscc(7))).toMatchObject({
      provinceCode: '110000',
      cityCode: '110100',
      officer: null,
    });
  });

  it('reads a GB 18030 CSV as Excel on Chinese Windows saves it, with revenue in 千元', async () => {
    const hex = (h: string) => Buffer.from(h, 'hex');
    // "统一社会信用代码,企业名称,省份,城市,行业代码,规上,年营业收入（千元）,营业收入年度" and "深圳光电有限公司" in GBK.
    const header = hex(
      'cdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb2cc6f3d2b5c3fbb3c62ccaa1b7dd2cb3c7cad02cd0d0d2b5b4fac2eb2cb9e6c9cf2cc4ead3aad2b5cad5c8eba3a8c7a7d4aaa3a92cd3aad2b5cad5c8ebc4eab6c80d0a',
    );
    const name = hex('c9eedbdab9e2b5e7d3d0cfdeb9abcbbe');
    const body = Buffer.concat([
      header,
      Buffer.from(`${uscc(8)},`),
      name,
      Buffer.from(',440000,440300,39,1,1234567,2025\r\n'),
    ]);
    const res = await upload(gd, body, '', 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(await byUscc(uscc(8))).toMatchObject({
      name: '深圳光电有限公司',
      annualRevenueYuan: 1_234_567_000,
    });
  });

  it('refuses files that are not registry files, and callers who may not import', async () => {
    const header = await upload(gd, '企业名称,电话号码\r\nx,1\r\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().code).toBe('import.invalid_header');
    expect(header.json().rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: null, code: 'import.unknown_column' }),
        expect.objectContaining({ row: 1, column: 'uscc', code: 'import.missing_column' }),
      ]),
    );
    expect((await upload(gd, csv())).json().code).toBe('import.empty');
    const tooMany = await upload(gd, csv(...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => 'x')));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().code).toBe('import.too_many_rows');
    expect((await upload(gd, Buffer.from('not a zip'), '', XLSX)).json().code).toBe('import.unreadable');
    expect((await upload(gd, '"unclosed\r\n')).json().code).toBe('import.unreadable');
    const json = await upload(gd, '{}', '', 'application/json');
    expect(json.statusCode).toBe(415);
    const member = await t.login('ent.gd1@bulwark.demo');
    expect((await upload(member, csv())).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      headers: { 'content-type': 'text/csv' },
      payload: csv(),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
