import ExcelJS from 'exceljs';

/** A cell as the text a user sees (hyperlinks by their text, formulas by their result, dates as YYYY-MM-DD). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'result' in v && v.result instanceof Date) {
    return v.result.toISOString().slice(0, 10);
  }
  return cell.text;
}

/**
 * The first worksheet of an XLSX workbook as rows of cell text, row i of the result being sheet row i + 1 (blank
 * rows included, so row numbers match what the user sees). Throws when the workbook cannot be read or has more
 * than `maxRows` rows.
 */
export async function readXlsxRows(bytes: Buffer, maxRows: number): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own global Buffer type; Node's Buffer is what it reads at run time.
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > maxRows) throw new RangeError(`the worksheet has more than ${maxRows} rows`);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    rows.push(cells);
  }
  return rows;
}
