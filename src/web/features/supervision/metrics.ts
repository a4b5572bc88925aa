import type { AreaFigures } from '../../../contracts/supervision';
import { exposureTotal, incidentTotal, share } from './drill';

/** Figures of an area the map and the breakdown table compare, each with how to read it and its list. */
export const METRICS = {
  coverage: {
    get: (f: AreaFigures) => share(f.enterprisesCovered, f.enterprisesRegistered),
    pct: true,
    figure: null,
  },
  enterprisesRegistered: {
    get: (f: AreaFigures) => f.enterprisesRegistered,
    pct: false,
    figure: 'enterprisesRegistered',
  },
  enterprisesCovered: {
    get: (f: AreaFigures) => f.enterprisesCovered,
    pct: false,
    figure: 'enterprisesCovered',
  },
  topDecileCoverage: {
    get: (f: AreaFigures) => share(f.topDecileCovered, f.topDecileQuota),
    pct: true,
    figure: null,
  },
  topDecileCovered: { get: (f: AreaFigures) => f.topDecileCovered, pct: false, figure: 'topDecileCovered' },
  trainingPersonTimes: {
    get: (f: AreaFigures) => f.trainingPersonTimes,
    pct: false,
    figure: 'trainingPersonTimes',
  },
  talents: { get: (f: AreaFigures) => f.talents, pct: false, figure: 'talents' },
  drillsCompleted: { get: (f: AreaFigures) => f.drillsCompleted, pct: false, figure: 'drillsCompleted' },
  incidents: { get: incidentTotal, pct: false, figure: 'incidents' },
  nationalReportsOverdue: {
    get: (f: AreaFigures) => f.nationalReportsOverdue,
    pct: false,
    figure: 'nationalReports-overdue',
  },
  exposuresOpen: { get: exposureTotal, pct: false, figure: 'exposuresOpen' },
  filingsOverdue: { get: (f: AreaFigures) => f.filingsOverdue, pct: false, figure: 'filings-overdue' },
} satisfies Record<string, { get: (f: AreaFigures) => number | null; pct: boolean; figure: string | null }>;
/** A compared figure. */
export type MetricKey = keyof typeof METRICS;

/** The metrics the map can colour provinces by, coverage first. */
export const MAP_METRICS: MetricKey[] = [
  'coverage',
  'enterprisesCovered',
  'topDecileCoverage',
  'trainingPersonTimes',
  'talents',
  'incidents',
  'exposuresOpen',
  'filingsOverdue',
];

/** A metric's value as text: a percentage with one decimal or a count. */
export const formatMetric = (key: MetricKey, v: number | null): string =>
  v === null
    ? '—'
    : METRICS[key].pct
      ? `${v.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`
      : v.toLocaleString();
