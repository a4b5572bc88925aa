import { describe, expect, it } from 'vitest';
import { labelFor, sniff } from './sniff';

const b = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('content sniffing', () => {
  it('names documents, images and archives by their magic numbers, whatever they claim to be', () => {
    expect(sniff(b('%PDF-1.7\n...'))).toEqual({ mime: 'application/pdf', executable: false });
    expect(sniff(b([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0]))).toMatchObject({ mime: 'image/png' });
    expect(sniff(b([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ mime: 'image/jpeg' });
    expect(sniff(b('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toMatchObject({ mime: 'image/webp' });
    expect(sniff(b('PK', [3, 4, 20, 0]))).toMatchObject({ mime: 'application/zip' });
    expect(sniff(b([0x1f, 0x8b, 8, 0]))).toMatchObject({ mime: 'application/gzip' });
  });

  it('flags native executables and interpreter scripts', () => {
    for (const exe of [
      b('MZ', [0x90, 0]),
      b([0x7f], 'ELF', [2, 1, 1]),
      b([0xcf, 0xfa, 0xed, 0xfe]),
      b('#!/bin/sh\nrm -rf /'),
    ]) {
      expect(sniff(exe).executable).toBe(true);
    }
  });

  it('reads UTF-8 text, Chinese included and cut mid-character at 8 KiB, and calls binary noise octet-stream', () => {
    expect(sniff(Buffer.from('离线备份记录\r\n第二行\t完'))).toEqual({
      mime: 'text/plain',
      executable: false,
    });
    const long = Buffer.from('备'.repeat(5000));
    expect(sniff(long).mime).toBe('text/plain');
    expect(sniff(b([0, 1, 2, 3, 0xff, 0xfe])).mime).toBe('application/octet-stream');
    expect(sniff(b([0xc3, 0x28])).mime).toBe('application/octet-stream');
  });

  it('labels a file by what it is: proven formats win, textual declarations stand only for text', () => {
    const pdf = sniff(b('%PDF-1.4'));
    expect(labelFor('image/png', pdf)).toBe('application/pdf');
    const text = sniff(Buffer.from('a,b\n1,2\n'));
    expect(labelFor('text/csv; charset=utf-8', text)).toBe('text/csv');
    expect(labelFor('application/json', text)).toBe('application/json');
    expect(labelFor('application/pdf', text)).toBe('text/plain');
    expect(labelFor('text/html', sniff(b([0x7f], 'ELF')))).toBe('application/x-elf');
    expect(labelFor('image/png', sniff(b([0, 0, 0])))).toBe('application/octet-stream');
  });
});
