import { describe, expect, it } from 'vitest';
import { fileToBase64, gbtFrom, type IntakeFormValues, toIntake } from './intakeForm';

const base: IntakeFormValues = {
  productMode: 'catalogue',
  productId: '6b1f8a52-0000-4000-8000-000000000001',
  productText: { vendorName: 'ignored', productName: 'ignored' },
  affectedVersions: [' 5.2.3 ', ''],
  title: '  管理界面命令注入 ',
  description: ' 诊断功能未过滤 ping 参数，可导致任意命令执行。 ',
  cvss: ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', '  ', undefined],
  cwe: ' cwe-78 ',
};

const exploitability = {
  accessPath: 'network',
  trigger: 'low',
  privileges: 'low',
  interaction: 'not-required',
} as const;
const impact = { confidentiality: 'severe', integrity: 'severe', availability: 'general' } as const;

describe('toIntake', () => {
  it('sends the catalogue product only, trimmed text, and drops blank vectors and versions', () => {
    expect(toIntake(base)).toEqual({
      productId: base.productId,
      affectedVersions: ['5.2.3'],
      title: '管理界面命令注入',
      cwe: 'CWE-78',
      description: '诊断功能未过滤 ping 参数，可导致任意命令执行。',
      cvss: ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H'],
    });
  });

  it('sends free-text products without the catalogue id and keeps optional fields only when filled', () => {
    const body = toIntake({
      ...base,
      productMode: 'text',
      productText: { vendorName: ' 某厂商 ', productName: '某路由器', model: ' ' },
      cwe: '',
      onBehalfOf: ' 白帽子 张三 ',
      contactEmail: 'a@b.cn',
    });
    expect(body.productId).toBeUndefined();
    expect(body.productText).toEqual({ vendorName: '某厂商', productName: '某路由器', model: undefined });
    expect(body.cwe).toBeUndefined();
    expect(body.onBehalfOf).toBe('白帽子 张三');
    expect(body.contactEmail).toBe('a@b.cn');
  });

  it('sends GB/T indicators only when switched on and complete', () => {
    expect(toIntake({ ...base, useGbt: false, gbt: { exploitability, impact } }).gbt).toBeUndefined();
    expect(toIntake({ ...base, useGbt: true, gbt: { exploitability, impact } }).gbt).toEqual({
      exploitability,
      impact,
    });
  });
});

describe('gbtFrom', () => {
  it('needs every exploitability and impact indicator', () => {
    expect(gbtFrom({ exploitability, impact: { ...impact, availability: undefined } })).toBeUndefined();
    expect(gbtFrom(undefined)).toBeUndefined();
  });

  it('adds the environment factors only when all three are chosen', () => {
    const environment = { exploitationCost: 'low', fixDifficulty: 'high', impactScope: 'mid' } as const;
    expect(gbtFrom({ exploitability, impact, environment })).toEqual({ exploitability, impact, environment });
    expect(gbtFrom({ exploitability, impact, environment: { exploitationCost: 'low' } })).toEqual({
      exploitability,
      impact,
    });
  });
});

describe('fileToBase64', () => {
  it('encodes the bytes of a file, also beyond one chunk', async () => {
    expect(await fileToBase64(new Blob(['print(1)\n']))).toBe(Buffer.from('print(1)\n').toString('base64'));
    const big = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(await fileToBase64(new Blob([big]))).toBe(Buffer.from(big).toString('base64'));
  });
});
