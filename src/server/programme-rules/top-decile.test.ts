import { describe, expect, it } from 'vitest';
import { bundledProgrammePacks } from './programme-pack';
import { decileQuota, type EnterpriseRevenue, topDecileByProvince } from './top-decile';

const { plan } = bundledProgrammePacks();

/** A Guangdong manufacturer unless told otherwise. */
const ent = (
  uscc: string,
  annualRevenueYuan: number,
  over: Partial<EnterpriseRevenue> = {},
): EnterpriseRevenue => ({
  uscc,
  divisionCode: '440300',
  industryCode: '39',
  aboveScale: true,
  annualRevenueYuan,
  ...over,
});

describe('decileQuota = ceil(10 % of the count)', () => {
  it.each([
    [0, 0],
    [1, 1],
    [9, 1],
    [10, 1],
    [11, 2],
    [30, 3],
    [31, 4],
    [70, 7],
    [1_000_000, 100_000],
  ])('%i enterprises → %i', (count, quota) => {
    expect(decileQuota(count, 10)).toBe(quota);
  });
  it('is exact for fractional percents too', () => {
    expect(decileQuota(1000, 12.5)).toBe(125);
    expect(decileQuota(7, 12.5)).toBe(1);
  });
});

describe('topDecileByProvince', () => {
  it('groups by province, keeps only above-scale industrial enterprises, ranks by revenue', () => {
    const list = [
      ...Array.from({ length: 11 }, (_, i) => ent(`GD${String(i).padStart(2, '0')}`, (i + 1) * 1_000_000)),
      ent('GD-SOFTWARE', 9e12, { industryCode: '65' }), // section I: not industrial
      ent('GD-SMALL', 9e12, { aboveScale: false }),
      ent('ZJ01', 5e8, { divisionCode: '330106', industryCode: '4411' }), // section D
      ent('BJ-MINE', 1, { divisionCode: '110000', industryCode: '06' }), // section B
    ];
    const r = topDecileByProvince(plan, list);
    expect(r.map((p) => [p.provinceCode, p.population, p.quota, p.top.map((e) => e.uscc)])).toEqual([
      ['110000', 1, 1, ['BJ-MINE']],
      ['330000', 1, 1, ['ZJ01']],
      ['440000', 11, 2, ['GD10', 'GD09']],
    ]);
  });
  it('breaks revenue ties by USCC ascending, so the cut is deterministic', () => {
    const list = [
      ent('C', 5),
      ent('A', 5),
      ent('B', 5),
      ...Array.from({ length: 17 }, (_, i) => ent(`Z${i}`, 1)),
    ];
    expect(topDecileByProvince(plan, list)[0]?.top.map((e) => e.uscc)).toEqual(['A', 'B']);
    expect(topDecileByProvince(plan, [...list].reverse())[0]?.top.map((e) => e.uscc)).toEqual(['A', 'B']);
  });
  it('returns nothing for an empty population and does not mutate its input', () => {
    expect(topDecileByProvince(plan, [])).toEqual([]);
    const list = [ent('B', 1), ent('A', 2)];
    topDecileByProvince(plan, list);
    expect(list.map((e) => e.uscc)).toEqual(['B', 'A']);
  });
  it('reads the percentage from the pack', () => {
    const p = structuredClone(plan);
    p.topDecile.percent.value = 50;
    const list = [ent('A', 3), ent('B', 2), ent('C', 1)];
    expect(topDecileByProvince(p, list)[0]?.top.map((e) => e.uscc)).toEqual(['A', 'B']);
  });
  it('refuses a revenue that is not a number', () => {
    expect(() => topDecileByProvince(plan, [ent('A', Number.NaN)])).toThrow(/revenue of A/);
  });
});
