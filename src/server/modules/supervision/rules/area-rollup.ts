import type { AreaFigures } from '../../../../contracts/supervision';

/** The national area code. */
export const NATION = 'CN';

/** Where a counted row belongs: its province and city (GB/T 2260), either possibly unknown. */
export interface Place {
  p: string | null;
  c: string | null;
}

/** An area being rolled up. */
export interface Area {
  code: string;
  level: 'nation' | 'province' | 'city';
  parent: string | null;
  figures: AreaFigures;
}

/** All-zero figures; cities start with null vulnerability figures. */
export function emptyFigures(level: Area['level']): AreaFigures {
  const vuln = level === 'city' ? null : 0;
  return {
    enterprisesRegistered: 0,
    enterprisesCovered: 0,
    topDecileQuota: 0,
    topDecileMembers: 0,
    topDecileCovered: 0,
    trainingPersonTimes: 0,
    talents: 0,
    drillsCompleted: 0,
    incidents: { I: 0, II: 0, III: 0, IV: 0 },
    vulnerabilityReports: vuln,
    nationalReportsOnTime: vuln,
    nationalReportsLate: vuln,
    nationalReportsOverdue: vuln,
    nationalReportsPending: vuln,
    exposuresOpen: { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 },
    filingsPending: 0,
    filingsOverdue: 0,
  };
}

/** A city code belongs to a province when they share the first two digits (GB/T 2260). */
const cityOf = (place: Place) =>
  place.c && place.p && place.c.slice(0, 2) === place.p.slice(0, 2) && place.c !== place.p ? place.c : null;

/**
 * Rolls counted rows up into the nation, its provinces and their cities, so each row counts exactly once at each
 * level: a row with an unknown province counts only nationally, one with an unknown city only up to its province.
 */
export class AreaRollup {
  readonly areas = new Map<string, Area>();

  constructor(provinces: readonly string[] = []) {
    this.area(NATION, 'nation', null);
    for (const p of provinces) this.area(p, 'province', NATION);
  }

  private area(code: string, level: Area['level'], parent: string | null): Area {
    let a = this.areas.get(code);
    if (!a) {
      a = { code, level, parent, figures: emptyFigures(level) };
      this.areas.set(code, a);
    }
    return a;
  }

  /** The areas a place counts in, nation first. */
  private chain(place: Place): Area[] {
    const out = [this.area(NATION, 'nation', null)];
    if (!place.p) return out;
    out.push(this.area(place.p, 'province', NATION));
    const c = cityOf(place);
    if (c) out.push(this.area(c, 'city', place.p));
    return out;
  }

  /** Adds `n` to a numeric figure at every level of the place. */
  add(place: Place, key: NumericKey, n: number): void {
    if (!n) return;
    for (const a of this.chain(place)) {
      const v = a.figures[key];
      if (v !== null) a.figures[key] = v + n;
    }
  }

  /** Adds `n` to one bucket of a grouped figure at every level of the place. */
  addTo<K extends 'incidents' | 'exposuresOpen'>(
    place: Place,
    key: K,
    bucket: keyof AreaFigures[K],
    n: number,
  ): void {
    if (!n) return;
    for (const a of this.chain(place)) {
      const group = a.figures[key] as Record<string, number>;
      group[bucket as string] = (group[bucket as string] ?? 0) + n;
    }
  }

  /** Every area, nation first, then provinces and cities by code. */
  list(): Area[] {
    const rank = { nation: 0, province: 1, city: 2 } as const;
    return [...this.areas.values()].sort(
      (a, b) => rank[a.level] - rank[b.level] || a.code.localeCompare(b.code),
    );
  }
}

/** The numeric (non-grouped) figure keys. */
export type NumericKey = Exclude<keyof AreaFigures, 'incidents' | 'exposuresOpen'>;

/** Severity bucket of an exposure's rank (4 critical … 1 low, 0 unknown), as the exposure engine ranks them. */
export function severityBucket(rank: number): keyof AreaFigures['exposuresOpen'] {
  return (
    (['unknown', 'low', 'medium', 'high', 'critical'] as const)[Math.max(0, Math.min(4, rank))] ?? 'unknown'
  );
}
