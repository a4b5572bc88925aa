import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DrillKind, DrillQuery, ExportQuery } from '../../../contracts/supervision';
import { PROVINCES } from '../../../lib/china/gbt2260';
import { DRILL_KINDS, FIGURES, FILTERS_OF, figureHref, filtersFrom } from './drill';

const geo = JSON.parse(readFileSync(new URL('./geo/china-provinces.json', import.meta.url), 'utf8')) as {
  UTF8Encoding?: boolean;
  features: { properties: { id: string; name: string } }[];
};

describe('the China map data', () => {
  it('has one feature per GB/T 2260 province-level division, keyed by its code', () => {
    const ids = geo.features.map((f) => f.properties.id).sort();
    expect(ids).toEqual(PROVINCES.map((p) => p.code).sort());
    for (const f of geo.features) {
      const official = PROVINCES.find((p) => p.code === f.properties.id)!;
      expect(official.name.startsWith(f.properties.name), f.properties.name).toBe(true);
    }
  });

  it('includes Taiwan, Hong Kong and Macao and stays in the encoding ECharts decodes', () => {
    const names = geo.features.map((f) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['台湾', '香港', '澳门', '海南']));
    expect(geo.UTF8Encoding).toBe(true);
  });
});

describe('drill-down links', () => {
  it('cover exactly the contract’s list kinds and filters', () => {
    expect([...DRILL_KINDS].sort()).toEqual([...DrillKind.options].sort());
    const known = Object.keys(DrillQuery.shape);
    for (const keys of Object.values(FILTERS_OF)) for (const k of keys) expect(known).toContain(k);
  });

  it('open the uncovered top 10 % of a province with the filters the API reads', () => {
    expect(figureHref('topDecileUncovered', { province: '440000' })).toBe(
      '/supervision/lists/enterprises?province=440000&topDecile=true&covered=false',
    );
    expect(figureHref('incidents-II', { province: '440000', city: '440300' })).toBe(
      '/supervision/lists/incidents?province=440000&city=440300&tier=II',
    );
    expect(figureHref('enterprisesRegistered', {})).toBe('/supervision/lists/enterprises');
  });

  it('drop the city for vulnerability reports, which belong to vendors without one', () => {
    expect(figureHref('nationalReports-overdue', { province: '440000', city: '440300' })).toBe(
      '/supervision/lists/vulnerabilities?province=440000&status=overdue',
    );
  });

  it('only build queries the API accepts', () => {
    for (const [name, ref] of Object.entries(FIGURES)) {
      const filters = { province: '440000', city: '440300', ...ref.filters };
      expect(DrillQuery.safeParse(filters).success, name).toBe(true);
      expect(ExportQuery.safeParse({ ...filters, format: 'xlsx' }).success, name).toBe(true);
      for (const k of Object.keys(ref.filters)) expect(FILTERS_OF[ref.kind], name).toContain(k);
    }
  });

  it('read back only the filters of the list kind from a URL', () => {
    const params = new URLSearchParams('province=440000&tier=I&covered=true&month=2026-05&cursor=x');
    expect(filtersFrom('incidents', params)).toEqual({ province: '440000', tier: 'I', month: '2026-05' });
    expect(filtersFrom('enterprises', params)).toEqual({ province: '440000', covered: 'true' });
  });
});
