import { describe, expect, it } from 'vitest';
import { ID_FORMAT_STATUS, isVulnId, normalizeVulnId, parseVulnId } from './ids';

describe('parseVulnId', () => {
  it.each([
    ['CVE-2021-44228', { kind: 'cve', id: 'CVE-2021-44228', year: 2021, month: null, sequence: '44228' }],
    ['cve-2024-1234', { kind: 'cve', id: 'CVE-2024-1234', year: 2024, month: null, sequence: '1234' }],
    [
      'CVE-2023-1234567',
      { kind: 'cve', id: 'CVE-2023-1234567', year: 2023, month: null, sequence: '1234567' },
    ],
    [
      '  CNVD-2021-95914 ',
      { kind: 'cnvd', id: 'CNVD-2021-95914', year: 2021, month: null, sequence: '95914' },
    ],
    ['CNVD-2020-0001', { kind: 'cnvd', id: 'CNVD-2020-0001', year: 2020, month: null, sequence: '0001' }],
    ['CNNVD-202112-799', { kind: 'cnnvd', id: 'CNNVD-202112-799', year: 2021, month: 12, sequence: '799' }],
    ['cnnvd-202401-1234', { kind: 'cnnvd', id: 'CNNVD-202401-1234', year: 2024, month: 1, sequence: '1234' }],
    ['NVDB-2024-00123', { kind: 'nvdb', id: 'NVDB-2024-00123', year: 2024, month: null, sequence: '00123' }],
    ['NVDB-202403-123', { kind: 'nvdb', id: 'NVDB-202403-123', year: 2024, month: 3, sequence: '123' }],
    [
      'nvdb-cicsvd-2023-4567',
      { kind: 'nvdb', id: 'NVDB-CICSVD-2023-4567', year: 2023, month: null, sequence: '4567' },
    ],
    [
      'ＣＶＥ－２０２１－４４２２８',
      { kind: 'cve', id: 'CVE-2021-44228', year: 2021, month: null, sequence: '44228' },
    ],
    [
      'CNVD\u20132021\u201395914',
      { kind: 'cnvd', id: 'CNVD-2021-95914', year: 2021, month: null, sequence: '95914' },
    ],
  ] as const)('%j parses', (raw, expected) => {
    expect(parseVulnId(raw)).toEqual(expected);
  });

  it.each([
    'CVE-2021-123',
    'CVE-21-44228',
    'CVE-1998-0001',
    'CVE 2021 44228',
    'CNVD-2021-123',
    'CNVD-202112-12345',
    'CNNVD-2021-799',
    'CNNVD-202113-799',
    'CNNVD-202100-799',
    'CNNVD-202112-79',
    'NVDB-2024-12',
    'NVDB--2024-123',
    'XCVE-2021-44228',
    'CVE-2021-44228x',
    '',
  ])('%j is rejected', (raw) => {
    expect(parseVulnId(raw)).toBeNull();
  });
});

describe('helpers', () => {
  it('normalises case, width, dashes and whitespace', () => {
    expect(normalizeVulnId('\tcnnvd\u2014202112\u2212799\n')).toBe('CNNVD-202112-799');
  });
  it('checks one scheme', () => {
    expect(isVulnId('cve-2021-44228', 'cve')).toBe(true);
    expect(isVulnId('CVE-2021-44228', 'cnvd')).toBe(false);
  });
  it('marks the Chinese formats unconfirmed', () => {
    expect(ID_FORMAT_STATUS).toEqual({
      cve: 'final',
      cnvd: 'unconfirmed',
      cnnvd: 'unconfirmed',
      nvdb: 'unconfirmed',
    });
  });
});
