import { describe, expect, it } from 'vitest';
import { type DuplicateSubject, duplicateScore, validateNationalReport } from './national-report';
import { bundledPacks } from './regulation-pack';

const rmsv = bundledPacks().rmsv;

const complete = {
  productName: 'AX3000 路由器',
  productModel: 'AX3000',
  productVersion: '1.0.2',
  technicalCharacteristics: 'Web 管理接口命令注入',
  harm: '远程执行任意命令',
  scope: '约 20 万台在网设备',
};

describe('validateNationalReport (RMSV art. 7(2))', () => {
  it('accepts a complete report and keeps extra fields (the list ends in 等)', () => {
    const r = validateNationalReport({ ...complete, cwe: 'CWE-78' }, rmsv);
    expect(r).toEqual({ ok: true, report: { ...complete, cwe: 'CWE-78' } });
  });
  it('trims values', () => {
    const r = validateNationalReport({ ...complete, harm: '  远程执行任意命令 ' }, rmsv);
    expect(r.ok && r.report.harm).toBe('远程执行任意命令');
  });
  it('names every missing or blank field', () => {
    const { productModel: _m, scope: _s, ...rest } = complete;
    const r = validateNationalReport({ ...rest, harm: '   ' }, rmsv);
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          path: 'productModel',
          message: 'required by RMSV art. 7(2)',
          code: 'national-report.field-missing',
        },
        { path: 'harm', message: 'required by RMSV art. 7(2)', code: 'national-report.field-missing' },
        { path: 'scope', message: 'required by RMSV art. 7(2)', code: 'national-report.field-missing' },
      ],
    });
  });
  it('refuses a non-object at the root', () => {
    const r = validateNationalReport('report', rmsv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]?.path).toBe('(root)');
  });
  it('follows the required list in the pack', () => {
    const pack = structuredClone(rmsv);
    pack.provider.nationalReportRequiredFields.value = ['productName', 'harm'];
    expect(validateNationalReport({ productName: 'x', harm: 'y' }, pack).ok).toBe(true);
    expect(validateNationalReport({ productName: 'x', harm: 'y' }, rmsv).ok).toBe(false);
  });
});

describe('duplicateScore', () => {
  const a: DuplicateSubject = {
    product: 'acme/ax3000',
    cwe: 'CWE-78',
    versions: [{ from: '1.0', to: '1.1' }],
    title: 'AX3000 路由器 Web 管理接口命令注入漏洞',
  };

  it('scores the same report 1 and flags it', () => {
    expect(duplicateScore(a, a, rmsv)).toEqual({
      score: 1,
      candidate: true,
      parts: { product: 1, cwe: 1, versions: 1, title: 1 },
    });
  });
  it('normalises product and CWE spellings', () => {
    const b = { ...a, product: ' ACME/AX3000 ', cwe: '78', title: 'AX3000路由器存在Web管理接口命令注入漏洞' };
    const r = duplicateScore(a, b, rmsv);
    expect(r.parts).toMatchObject({ product: 1, cwe: 1, versions: 1 });
    expect(r.candidate).toBe(true);
  });
  it('does not flag another product with a similar title', () => {
    const r = duplicateScore(a, { ...a, product: 'acme/ax6000', versions: ['2.0'] }, rmsv);
    expect(r.parts).toMatchObject({ product: 0, versions: 0 });
    expect(r.score).toBeCloseTo((0.2 + 0.25) / 1);
    expect(r.candidate).toBe(false);
  });
  it('leaves unknown parts out instead of counting them as mismatches', () => {
    const r = duplicateScore({ ...a, cwe: null, versions: [] }, a, rmsv);
    expect(r.parts).toEqual({ product: 1, cwe: null, versions: null, title: 1 });
    expect(r.score).toBe(1);
  });
  it('uses the pack threshold and weights', () => {
    const b = { ...a, cwe: 'CWE-77' };
    expect(duplicateScore(a, b, rmsv)).toMatchObject({ score: 0.8, candidate: true });
    const pack = structuredClone(rmsv);
    pack.workflow.duplicateScoring.value.threshold = 0.9;
    expect(duplicateScore(a, b, pack).candidate).toBe(false);
    pack.workflow.duplicateScoring.value.weights.cwe = 0;
    expect(duplicateScore(a, b, pack)).toMatchObject({ score: 1, candidate: true });
  });
});
