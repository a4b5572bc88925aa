import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { inertText, toCsv, toXlsx } from './write';
import { readXlsxRows } from './xlsx';

describe('tabular export', () => {
  it('neutralizes every formula trigger, half- and full-width, and leaves other text alone', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x']) {
      expect(inertText(s)).toBe(`'${s}`);
    }
    for (const s of ['广东', 'a=b', '1-2', '']) expect(inertText(s)).toBe(s);
  });

  it('writes CSV that the repo’s own parser reads back cell for cell, with a BOM and quoting', () => {
    const rows = [
      ['粤海, "精密"', 12, true, null],
      ['=HYPERLINK("x")', -3, false, 'line\nbreak'],
    ] as const;
    const bytes = toCsv(['name', 'n', 'flag', 'note'], rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(bytes.subarray(3).toString('utf8'))).toEqual([
      ['name', 'n', 'flag', 'note'],
      ['粤海, "精密"', '12', 'true', ''],
      [`'=HYPERLINK("x")`, '-3', 'false', 'line\nbreak'],
    ]);
  });

  it('writes XLSX whose cells read back as written, numbers kept numeric', async () => {
    const bytes = await toXlsx(
      '列表',
      ['name', 'revenue'],
      [
        ['粤海', 1_234_567],
        ['@cmd', 0],
      ],
    );
    expect(await readXlsxRows(bytes, 10)).toEqual([
      ['name', 'revenue'],
      ['粤海', '1234567'],
      ["'@cmd", '0'],
    ]);
  });
});
