import { describe, expect, it } from 'vitest';
import { CsvError, decodeCsvText, parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  it('splits records on CRLF, LF or CR and fields on commas, keeping empty fields', () => {
    expect(parseCsv('a,b,c\r\n1,,3\n4,5,\r6,7,8')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', ''],
      ['6', '7', '8'],
    ]);
  });
  it('does not start an empty record after a final line break, but keeps blank lines inside', () => {
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('')).toEqual([]);
  });
  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    expect(parseCsv('"x,1","line\r\nbreak","say ""hi""",""\n')).toEqual([
      ['x,1', 'line\r\nbreak', 'say "hi"', ''],
    ]);
  });
  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsv('5" pipe,b')).toEqual([['5" pipe', 'b']]);
  });
  it('reports an unclosed quote and text after a closing quote with the record number', () => {
    const unclosed = () => parseCsv('a\nb\n"open,\nstill open');
    expect(unclosed).toThrow(CsvError);
    expect(unclosed).toThrow(expect.objectContaining({ record: 3 }));
    expect(() => parseCsv('a\n"q"x,b')).toThrow(expect.objectContaining({ record: 2 }));
  });
});

describe('decodeCsvText', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsvText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('名称,a')]))).toBe('名称,a');
    expect(decodeCsvText(utf8('名称,a'))).toBe('名称,a');
  });
  it('falls back to GB 18030 (Excel on Chinese Windows) when the bytes are not UTF-8', () => {
    // 名称 in GBK.
    expect(decodeCsvText(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x61]))).toBe('名称,a');
  });
  it('honours a declared charset and refuses unknown ones or bytes that do not match', () => {
    expect(decodeCsvText(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6]), 'GBK')).toBe('名称');
    expect(() => decodeCsvText(new Uint8Array([0xc3, 0xfb]), 'utf-8')).toThrow(CsvError);
    expect(() => decodeCsvText(utf8('a'), 'latin1')).toThrow(/not supported/);
  });
});
