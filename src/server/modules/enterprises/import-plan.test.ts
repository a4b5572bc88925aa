import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import type { ProfileWithName } from './enterprises.repository';
import { readCells, readHeader } from './import-columns';
import { placeAndName, planImport, type RegistryView } from './import-plan';

const NOW = new Date('2026-11-21T00:00:00Z');
const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  orgId: '00000000-0000-4000-8000-000000000001',
  orgKind: 'ministry',
  role: 'admin',
  provinceCode: null,
  via: 'token',
  ...over,
});
const { map } = readHeader([
  '统一社会信用代码',
  '企业名称',
  '省份',
  '城市',
  '行业代码',
  '规上',
  '年营业收入',
  '营业收入年度',
]);
const rows = (...lines: string[][]) => lines.map((cells, i) => ({ row: i + 2, ...readCells(map, cells) }));
const A = ['91441900MA4WFY3K2M', '东莞甲', '440000', '441900', '34', '否', '', ''];
const B = ['91440106MA59C8LX70', '东莞甲', '440000', '441900', '34', '否', '', ''];
const existing = {
  orgId: '00000000-0000-4000-8000-0000000000e1',
  uscc: A[0],
  name: '东莞甲',
  provinceCode: '440000',
  cityCode: '441900',
  industrySection: 'C',
  industryDivision: '34',
  sector: 'industry',
  aboveSize: false,
  annualRevenueYuan: null,
  revenueYear: null,
  officerName: null,
  officerTitle: null,
  officerPhone: null,
  officerEmail: null,
  topDecile: false,
  createdAt: NOW,
  updatedAt: NOW,
} as ProfileWithName;
const view = (v: Partial<RegistryView> = {}): RegistryView => ({
  existing: new Map(),
  unregistered: new Map(),
  ...v,
});
const summary = (r: ReturnType<typeof planImport>) => ({
  planned: r.planned.map((p) => `${p.outcome.row}:${p.outcome.action}`),
  invalid: r.invalid.map((i) => `${i.row}:${i.problem.column}:${i.problem.code}`),
});

describe('planImport', () => {
  it('creates unknown codes, links an unregistered org of the same place and name once, updates known codes', () => {
    const orgs = new Map([[placeAndName('440000', '东莞甲'), ['org-1']]]);
    expect(summary(planImport(rows(A, B), view({ unregistered: orgs }), actor(), NOW))).toEqual({
      planned: ['2:link'],
      invalid: ['3:name:import.duplicate_org'],
    });
    const two = new Map([[placeAndName('440000', '东莞甲'), ['org-1', 'org-2']]]);
    expect(summary(planImport(rows(A), view({ unregistered: two }), actor(), NOW)).invalid).toEqual([
      '2:name:import.ambiguous_org',
    ]);
    const known = view({ existing: new Map([[existing.uscc, existing]]) });
    expect(summary(planImport(rows(A, [...A.slice(0, 5), '是', '5', '2025']), known, actor(), NOW))).toEqual({
      planned: ['2:unchanged'],
      invalid: ['3:uscc:import.duplicate_uscc'],
    });
    expect(summary(planImport(rows(B), view(), actor(), NOW)).planned).toEqual(['2:create']);
  });

  it('keeps a province\u2019s rows in its scope', () => {
    const zj = actor({ orgKind: 'provincial-regulator', provinceCode: '330000' });
    const known = view({ existing: new Map([[existing.uscc, existing]]) });
    expect(summary(planImport(rows(A, B), known, zj, NOW)).invalid).toEqual([
      '2:uscc:enterprise.uscc_taken',
      '2:provinceCode:import.out_of_scope',
      '3:provinceCode:import.out_of_scope',
    ]);
  });

  it('reports every problem of a row, each column once', () => {
    const bad = ['91441900MA4WFY3K2N', '', '440000', '330100', '34', '是', '', ''];
    expect(summary(planImport(rows(bad), view(), actor(), NOW)).invalid).toEqual([
      '2:name:validation.required',
      '2:uscc:validation.uscc',
      '2:cityCode:validation.city_not_in_province',
      '2:annualRevenueYuan:validation.revenue_required',
    ]);
  });
});
