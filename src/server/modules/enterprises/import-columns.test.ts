import { describe, expect, it } from 'vitest';
import { readCells, readHeader } from './import-columns';

const HEADER = ['统一社会信用代码', '企业名称', '省份', '城市', '行业代码', '规上'];
const cells = (header: string[], row: string[]) => readCells(readHeader(header).map, row);

describe('import headers', () => {
  it('accepts Chinese and English headers, ignoring case, spacing, width and a serial-number column', () => {
    const zh = readHeader(['序号', ...HEADER, '年营业收入（万元）', '营业收入年度']);
    const en = readHeader([
      'No.',
      'USCC',
      'Name',
      'Province',
      'City',
      'Industry',
      'Above size',
      'Annual Revenue',
      'revenue_year',
    ]);
    expect(zh.problems).toEqual([]);
    expect(en.problems).toEqual([]);
    expect([...zh.map.columns.values()]).toEqual([...en.map.columns.values()]);
    expect(zh.map.revenueScale).toBe(4);
    expect(zh.map.labels.annualRevenueYuan).toBe('年营业收入（万元）');
  });
  it.each([
    ['年营业收入(元)', 0],
    ['年营业收入（千元）', 3],
    ['营业收入 (亿元)', 8],
  ])('reads the revenue unit of %s', (h, scale) => {
    expect(readHeader([...HEADER, h]).map.revenueScale).toBe(scale);
  });
  it('reports unknown, repeated and missing columns, unknown units and a partial officer', () => {
    const { problems } = readHeader([
      'USCC',
      '统一社会信用代码',
      '电话',
      '营业收入（美元）',
      '数据安全负责人',
    ]);
    expect(problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      'uscc:import.duplicate_column',
      'null:import.unknown_column',
      'annualRevenueYuan:import.unknown_unit',
      'name:import.missing_column',
      'provinceCode:import.missing_column',
      'cityCode:import.missing_column',
      'industryDivision:import.missing_column',
      'aboveSize:import.missing_column',
      'officerTitle:import.missing_column',
      'officerPhone:import.missing_column',
      'officerEmail:import.missing_column',
    ]);
  });
});

describe('import cells', () => {
  const row = (over: Partial<Record<string, string>>) => {
    const v = {
      uscc: '91441900ma4wfy3k2m',
      name: ' 粤海 ',
      province: '440000',
      city: '441900',
      industry: '34',
      above: '是',
      ...over,
    };
    return [v.uscc, v.name, v.province, v.city, v.industry, v.above];
  };
  it('converts codes, names, flags and trims', () => {
    expect(cells(HEADER, row({})).present).toEqual({
      uscc: '91441900MA4WFY3K2M',
      name: '粤海',
      provinceCode: '440000',
      cityCode: '441900',
      industryDivision: '34',
      aboveSize: true,
    });
    const named = cells(
      HEADER,
      row({ province: '浙江', city: '宁波市', industry: 'C3914', above: 'N' }),
    ).present;
    expect(named).toMatchObject({
      provinceCode: '330000',
      cityCode: '330200',
      industryDivision: '39',
      aboveSize: false,
    });
    expect(cells(HEADER, row({ province: '上海市', city: '上海' })).present.cityCode).toBe('310100');
    expect(
      cells(HEADER, row({ industry: '计算机、通信和其他电子设备制造业' })).present.industryDivision,
    ).toBe('39');
  });
  it('reports what it cannot convert by column', () => {
    const { problems } = cells(
      HEADER,
      row({ province: '广', city: '杭州', industry: 'D39', above: 'maybe', name: '' }),
    );
    expect(problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      'provinceCode:validation.unknown_province',
      'name:validation.required',
      'cityCode:validation.unknown_city',
      'industryDivision:validation.unknown_industry',
      'aboveSize:validation.invalid_value',
    ]);
  });
  it.each([
    ['年营业收入', '1,234,567', 1_234_567],
    ['年营业收入（千元）', '1234.567', 1_234_567],
    ['年营业收入（万元）', '12.5', 125_000],
    ['年营业收入（亿元）', '3 250', 325_000_000_000],
    ['年营业收入', '1000元', 1000],
  ])('reads %s = %s as %i yuan, exactly', (header, text, yuan) => {
    expect(cells([...HEADER, header], [...row({}), text]).present.annualRevenueYuan).toBe(yuan);
  });
  it.each([
    ['年营业收入', '12.5', 'validation.fractional_yuan'],
    ['年营业收入', '-5', 'validation.not_a_number'],
    ['年营业收入（亿元）', '99999999999', 'validation.too_big'],
  ])('refuses %s = %s', (header, text, code) => {
    expect(cells([...HEADER, header], [...row({}), text]).problems.map((p) => p.code)).toEqual([code]);
  });
  it('reads empty optional cells as null and years with or without 年', () => {
    const h = [...HEADER, '营业收入', '营业收入年度', '所属领域'];
    expect(cells(h, [...row({}), '', '2025年', '电信']).present).toMatchObject({
      annualRevenueYuan: null,
      revenueYear: 2025,
      sector: 'telecom',
    });
    expect(cells(h, [...row({}), '', '', '']).problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      'sector:validation.required',
    ]);
  });
});
