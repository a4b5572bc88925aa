import ExcelJS from 'exceljs';

/** A cell value an export can hold. */
export type ExportCell = string | number | boolean | null;

/** Characters that make a spreadsheet read a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell made inert for spreadsheets: text that a spreadsheet would evaluate as a formula (=, +, -, @, tab,
 * CR and their full-width forms) gets a leading apostrophe, as OWASP's CSV-injection guidance recommends.
 */
export const inertText = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

const csvField = (v: ExportCell) => {
  if (v === null) return '';
  const s = typeof v === 'string' ? inertText(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with CRLF line ends and a UTF-8 BOM (so Excel opens Chinese text correctly), text cells inert. */
export function toCsv(header: readonly string[], rows: readonly (readonly ExportCell[])[]): Buffer {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** One worksheet with a bold, frozen header row; numbers and booleans keep their type, text cells are inert. */
export async function toXlsx(
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly ExportCell[])[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bulwark';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? inertText(v) : v)));
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(48, Math.max(10, h.length + 4));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
