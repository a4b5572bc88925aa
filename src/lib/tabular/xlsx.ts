import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/**
 * Most bytes a workbook may unpack to. A 50,000-row, 13-column registry workbook (the import's row cap) is about
 * 32 MiB of XML; exceljs inflates every part into memory, so a 1 MiB zip bomb of 2 GiB would exhaust the heap.
 */
export const MAX_XLSX_UNPACKED_BYTES = 128 * 1024 * 1024;

/** The workbook unpacks to more than the limit (a zip bomb, or a workbook too large to read whole). */
export class XlsxTooLargeError extends Error {}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = (f: () => void) => {
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      f();
    };
    zip.once('entry', (e: yauzl.Entry) => settle(() => resolve(e)));
    zip.once('end', () => settle(() => resolve(null)));
    zip.once('error', (err: Error) => settle(() => reject(err)));
    zip.readEntry();
  });
}

/**
 * Inflates every part once, counting the bytes that really come out (yauzl also refuses a part larger than its
 * header declares), and throws XlsxTooLargeError past `limit`; memory stays at one chunk whatever the archive says.
 */
async function checkUnpackedSize(bytes: Buffer, limit: number): Promise<void> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  let total = 0;
  const tooLarge = () => new XlsxTooLargeError(`the workbook unpacks to more than ${limit} bytes`);
  try {
    for (let e = await nextEntry(zip); e !== null; e = await nextEntry(zip)) {
      if (total + e.uncompressedSize > limit) throw tooLarge();
      const stream = await zip.openReadStreamPromise(e);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limit) {
          stream.destroy();
          throw tooLarge();
        }
      }
    }
  } finally {
    zip.close();
  }
}

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
 * than `maxRows` rows, and with XlsxTooLargeError when it unpacks to more than `maxUnpackedBytes`.
 */
export async function readXlsxRows(
  bytes: Buffer,
  maxRows: number,
  maxUnpackedBytes = MAX_XLSX_UNPACKED_BYTES,
): Promise<string[][]> {
  await checkUnpackedSize(bytes, maxUnpackedBytes);
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
