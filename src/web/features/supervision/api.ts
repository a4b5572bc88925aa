import type { z } from 'zod';
import type {
  DrillKind,
  DrillPage,
  RefreshResult,
  SupervisionOverview,
  SupervisionTrends,
} from '../../../contracts/supervision';
import { http } from '../../lib/api';
import { type DrillFilters, queryOf } from './drill';

const seg = encodeURIComponent;

/** The supervision dashboard endpoints; a ministry user names a province or none (the nation). */
export const supervisionApi = {
  overview: (province?: string) => http.get<SupervisionOverview>('/api/supervision/overview', { province }),
  trends: (province?: string) => http.get<SupervisionTrends>('/api/supervision/trends', { province }),
  list: (kind: DrillKind, filters: DrillFilters, cursor?: string, limit = 50) =>
    http.get<DrillPage>(`/api/supervision/lists/${seg(kind)}`, { ...filters, cursor, limit }),
  refresh: () => http.post<z.infer<typeof RefreshResult>>('/api/supervision/refresh'),
};

/** Where a list downloads as CSV or XLSX (a plain link: the session cookie authenticates it). */
export const exportUrl = (kind: DrillKind, filters: DrillFilters, format: 'csv' | 'xlsx'): string =>
  `/api/supervision/lists/${seg(kind)}/export${queryOf({ ...filters, format })}`;

/** Where the printable monthly report of an area downloads (PDF). */
export const reportUrl = (province: string | undefined, month: string): string =>
  `/api/supervision/report.pdf${queryOf({ province, month })}`;
