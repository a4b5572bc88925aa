import type { AreaFigures, DrillKind } from '../../../contracts/supervision';

/** Every drill-down list, in the order the dashboard presents them. */
export const DRILL_KINDS = [
  'enterprises',
  'training',
  'talents',
  'drills',
  'incidents',
  'vulnerabilities',
  'exposures',
  'filings',
] as const satisfies readonly DrillKind[];

/** A drill-down filter the URL and the API share (DrillQuery without the paging fields). */
export type FilterKey =
  | 'province'
  | 'city'
  | 'covered'
  | 'topDecile'
  | 'industrySection'
  | 'tier'
  | 'month'
  | 'severity'
  | 'status'
  | 'q';
/** Filter values as they travel in query strings. */
export type DrillFilters = Partial<Record<FilterKey, string>>;

/** Incident tiers (214号). */
export const TIERS = ['I', 'II', 'III', 'IV'] as const;
/** Exposure severities as the overview counts them. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
/** States of the RMSV 7(2) national report. */
export const REPORT_STATUSES = ['on-time', 'late', 'overdue', 'pending'] as const;
/** States of a catalog filing the overview counts. */
export const FILING_STATUSES = ['pending', 'overdue'] as const;

// Vulnerability reports belong to vendors, which have a province but no city.
const AREA: FilterKey[] = ['province', 'city'];

/** The filters each list reads, besides the ones it ignores (DrillQuery rejects none). */
export const FILTERS_OF: Record<DrillKind, FilterKey[]> = {
  enterprises: [...AREA, 'covered', 'topDecile', 'industrySection', 'q'],
  training: [...AREA, 'month'],
  talents: [...AREA, 'month', 'q'],
  drills: [...AREA, 'month'],
  incidents: [...AREA, 'tier', 'month'],
  vulnerabilities: ['province', 'status'],
  exposures: [...AREA, 'severity'],
  filings: [...AREA, 'status'],
};

/** Whether a route segment names a drill-down list. */
export const isDrillKind = (v: string | undefined): v is DrillKind => DRILL_KINDS.includes(v as DrillKind);

/** The filters of `kind` found in a query string; the rest are dropped. */
export function filtersFrom(kind: DrillKind, params: URLSearchParams): DrillFilters {
  const out: DrillFilters = {};
  for (const key of FILTERS_OF[kind]) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  return out;
}

/** The query string of a filter set, keys in a stable order and empty values left out. */
export function queryOf(filters: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Where a list with these filters opens in the app. */
export const drillHref = (kind: DrillKind, filters: DrillFilters): string =>
  `/supervision/lists/${kind}${queryOf(filters)}`;

/** A figure of the dashboard: the list behind it and the filters that select it. */
export interface FigureRef {
  kind: DrillKind;
  filters: DrillFilters;
}

/** Names of the figures that open a list (data-testid `figure-link-<name>`). */
export const FIGURES = {
  enterprisesRegistered: { kind: 'enterprises', filters: {} },
  enterprisesCovered: { kind: 'enterprises', filters: { covered: 'true' } },
  enterprisesUncovered: { kind: 'enterprises', filters: { covered: 'false' } },
  topDecileMembers: { kind: 'enterprises', filters: { topDecile: 'true' } },
  topDecileCovered: { kind: 'enterprises', filters: { topDecile: 'true', covered: 'true' } },
  topDecileUncovered: { kind: 'enterprises', filters: { topDecile: 'true', covered: 'false' } },
  trainingPersonTimes: { kind: 'training', filters: {} },
  talents: { kind: 'talents', filters: {} },
  drillsCompleted: { kind: 'drills', filters: {} },
  incidents: { kind: 'incidents', filters: {} },
  vulnerabilityReports: { kind: 'vulnerabilities', filters: {} },
  exposuresOpen: { kind: 'exposures', filters: {} },
  filings: { kind: 'filings', filters: {} },
  ...Object.fromEntries(TIERS.map((tier) => [`incidents-${tier}`, { kind: 'incidents', filters: { tier } }])),
  ...Object.fromEntries(
    SEVERITIES.map((severity) => [`exposures-${severity}`, { kind: 'exposures', filters: { severity } }]),
  ),
  ...Object.fromEntries(
    REPORT_STATUSES.map((status) => [
      `nationalReports-${status}`,
      { kind: 'vulnerabilities', filters: { status } },
    ]),
  ),
  ...Object.fromEntries(
    FILING_STATUSES.map((status) => [`filings-${status}`, { kind: 'filings', filters: { status } }]),
  ),
} as Record<string, FigureRef>;

/** The area a figure belongs to: nothing for the nation, a province, or a city inside one. */
export interface Area {
  province?: string;
  city?: string;
}

/** Where the list behind a named figure of an area opens. */
export function figureHref(name: string, area: Area): string {
  const ref = FIGURES[name];
  if (!ref) throw new Error(`unknown figure ${name}`);
  const filters: DrillFilters = { ...area, ...ref.filters };
  if (!FILTERS_OF[ref.kind].includes('city')) delete filters.city;
  return drillHref(ref.kind, filters);
}

/** Total incidents of all tiers. */
export const incidentTotal = (f: AreaFigures): number => TIERS.reduce((n, k) => n + f.incidents[k], 0);

/** Total open exposures of all severities. */
export const exposureTotal = (f: AreaFigures): number =>
  SEVERITIES.reduce((n, k) => n + f.exposuresOpen[k], 0);

/** A share as a percentage with one decimal; null without a denominator. */
export const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
