/** Why a CSV document could not be read; `record` is the 1-based record (not physical line) it broke on. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(message);
  }
}

/**
 * RFC 4180 records: comma-separated fields, CRLF (also bare LF or CR) between records, double-quoted fields that
 * may hold commas, line breaks and doubled quotes. A final line break does not start an empty record. A quote
 * inside an unquoted field is kept as text (Excel writes such files); text after a closing quote is an error.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      const start = records.length + 1;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError('a quoted field is not closed', start);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError('text follows a closing quote', records.length + 1);
      }
      if (next === undefined) break;
      continue;
    }
    if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  const last = text.at(-1);
  if (text.length > 0 && last !== '\n' && last !== '\r') endRecord();
  return records;
}

const GB_CHARSETS = new Set(['gbk', 'gb2312', 'gb18030', 'cp936']);

/**
 * Text of an uploaded CSV: the declared charset when given (UTF-8 or a GB charset), else UTF-8 (with or without a
 * BOM), else GB 18030, which Excel on Chinese Windows writes for "CSV (逗号分隔)".
 */
export function decodeCsvText(bytes: Uint8Array, charset?: string): string {
  const cs = charset?.trim().toLowerCase();
  if (cs && GB_CHARSETS.has(cs)) return new TextDecoder('gb18030').decode(bytes);
  if (cs && cs !== 'utf-8' && cs !== 'utf8') throw new CsvError(`charset ${charset} is not supported`, 1);
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (cs) throw new CsvError('the body is not valid UTF-8', 1);
    return new TextDecoder('gb18030').decode(bytes);
  }
}
