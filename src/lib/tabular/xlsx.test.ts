import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from './xlsx';

const workbook = async (rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('ignored').addRow(['not read']);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('readXlsxRows', () => {
  it('reads the first worksheet as the text users see', async () => {
    const bytes = await workbook([
      ['代码', '邮箱', '收入', '公式', '日期', '是否'],
      [
        440300,
        { text: 'dso@example.cn', hyperlink: 'mailto:dso@example.cn' },
        1234567890123,
        { formula: '1+1', result: 2 },
        new Date(Date.UTC(2024, 11, 31)),
        true,
      ],
      [{ richText: [{ text: '富' }, { text: '文本' }] }],
    ]);
    expect(await readXlsxRows(bytes, 10)).toEqual([
      ['代码', '邮箱', '收入', '公式', '日期', '是否'],
      ['440300', 'dso@example.cn', '1234567890123', '2', '2024-12-31', 'true'],
      ['富文本'],
    ]);
  });
  it('keeps blank rows so row numbers match the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 'h';
    ws.getCell('A3').value = 'x';
    const rows = await readXlsxRows(Buffer.from(await wb.xlsx.writeBuffer()), 10);
    expect(rows).toEqual([['h'], [], ['x']]);
  });
  it('refuses more rows than allowed and bytes that are not a workbook', async () => {
    const bytes = await workbook([['h'], ['1'], ['2']]);
    await expect(readXlsxRows(bytes, 2)).rejects.toThrow(/more than 2 rows/);
    await expect(readXlsxRows(Buffer.from('not a zip'), 2)).rejects.toThrow();
  });
});
