import zlib from 'node:zlib';

/** One zip entry: its name, raw deflate data (or stored bytes), CRC-32 and sizes, which may lie. */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size written in the headers (defaults to the true size). */
  declaredSize?: number;
}

/** A zip archive (APPNOTE 6.3.10 §4.3, zip32) of the given entries, headers written as told, lies included. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const declared = Math.min(e.declaredSize ?? e.size, 0xffffffff);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A stored (uncompressed) entry. */
export const stored = (name: string, text: string | Buffer): ZipEntry => {
  const data = Buffer.from(text);
  return { name, method: 0, data, crc: zlib.crc32(data), size: data.length };
};

/** A deflated entry. */
export const deflated = (name: string, text: string | Buffer): ZipEntry => {
  const raw = Buffer.from(text);
  return { name, method: 8, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
};

/**
 * A deflate stream that inflates to `head`, then `chunk` repeated `times`, then `tail`, built without ever holding
 * the expansion: each part is compressed once with a full flush (self-contained, byte-aligned blocks), the chunk's
 * blocks are repeated, and a final empty stored block ends the stream. 1 GiB of one byte costs about 1 MiB.
 */
export function deflateRepeated(head: Buffer, chunk: Buffer, times: number, tail: Buffer) {
  const part = (b: Buffer) => zlib.deflateRawSync(b, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const c = part(chunk);
  let crc = zlib.crc32(head);
  for (let i = 0; i < times; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(tail, crc);
  const data = Buffer.concat([
    part(head),
    ...new Array<Buffer>(times).fill(c),
    part(tail),
    Buffer.from([1, 0, 0, 0xff, 0xff]),
  ]);
  return { data, crc, size: head.length + chunk.length * times + tail.length };
}

/** A bomb entry: `mib` MiB of `fill` between `head` and `tail`, optionally declaring a small size. */
export function bombEntry(
  name: string,
  mib: number,
  opts: { fill?: string; head?: string; tail?: string; lie?: boolean } = {},
): ZipEntry {
  const unit = Buffer.from(opts.fill ?? ' ');
  const chunk = Buffer.alloc(Math.floor((1024 * 1024) / unit.length) * unit.length, unit);
  const d = deflateRepeated(Buffer.from(opts.head ?? ''), chunk, mib, Buffer.from(opts.tail ?? ''));
  return { name, method: 8, data: d.data, crc: d.crc, size: d.size, declaredSize: opts.lie ? 1000 : d.size };
}

/** Billion laughs (10 levels of 10 references: 10^9 "lol"s) around a root element. */
export function billionLaughs(
  root = '<bom xmlns="http://cyclonedx.org/schema/bom/1.5">&lol9;</bom>',
): string {
  const ents = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${ents.join('\n')}\n]>\n${root}`;
}

/** An external-entity (XXE) document that names a local file. */
export const xxe = (root = 'bom') =>
  `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><${root}>&xxe;</${root}>`;

const XLSX_CT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const XLSX_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const XLSX_WB =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const XLSX_WB_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
/** Opening and closing of a worksheet part. */
export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
/** Closing of a worksheet part. */
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A minimal XLSX package around the given worksheet entry. */
export const xlsxWith = (sheet: ZipEntry) =>
  zipOf([
    deflated('[Content_Types].xml', XLSX_CT),
    deflated('_rels/.rels', XLSX_RELS),
    deflated('xl/workbook.xml', XLSX_WB),
    deflated('xl/_rels/workbook.xml.rels', XLSX_WB_RELS),
    sheet,
  ]);
