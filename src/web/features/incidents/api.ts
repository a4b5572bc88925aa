import type { z } from 'zod';
import type { CorrectiveAction } from '../../../contracts/assessments';
import type {
  AnnualSummary,
  ClassifyResult,
  Incident,
  IncidentDetail,
  IncidentFactsBody,
  MinistryReportBody,
  NotifyUsersBody,
  ReportIncidentBody,
} from '../../../contracts/incidents';
import { http } from '../../lib/api';

/** A corrective action on the programme's board. */
export type CorrectiveActionT = z.infer<typeof CorrectiveAction>;

/** An incident as listed. */
export type IncidentT = z.infer<typeof Incident>;
/** An incident with its classification and timeline. */
export type IncidentDetailT = z.infer<typeof IncidentDetail>;
/** The tiering facts. */
export type FactsInput = z.input<typeof IncidentFactsBody>;
/** A classification. */
export type ClassificationT = z.infer<typeof ClassifyResult>['classification'];
/** One reporting clock. */
export type IncidentClockT = IncidentT['clocks'][number];
/** The inbox page with open counts per tier. */
export type Inbox = { items: IncidentT[]; nextCursor: string | null; openByTier: Record<string, number> };

const seg = encodeURIComponent;
const at = (id: string, tail = '') => `/api/incidents/${seg(id)}${tail}`;

/** The incident endpoints (214号). */
export const incidentsApi = {
  list: (q: { tier?: string; status?: string; cursor?: string }) => http.get<Inbox>('/api/incidents', q),
  get: (id: string) => http.get<IncidentDetailT>(at(id)),
  classify: (facts: FactsInput) =>
    http.post<z.infer<typeof ClassifyResult>>('/api/incidents/classify', facts),
  report: (body: z.input<typeof ReportIncidentBody>) => http.post<IncidentDetailT>('/api/incidents', body),
  updateFacts: (id: string, body: FactsInput & { note: string }) =>
    http.put<IncidentDetailT>(at(id, '/facts'), body),
  followUp: (id: string, text: string) => http.post<IncidentDetailT>(at(id, '/follow-ups'), { text }),
  contain: (id: string, note: string) => http.post<IncidentDetailT>(at(id, '/contain'), { note }),
  ministryReport: (id: string, body: z.input<typeof MinistryReportBody>) =>
    http.post<IncidentDetailT>(at(id, '/ministry-reports'), body),
  notifyUsers: (id: string, body: z.input<typeof NotifyUsersBody>) =>
    http.post<IncidentDetailT>(at(id, '/user-notifications'), body),
  raiseAction: (id: string, body: { title: string; detail?: string; dueOn?: string }) =>
    http.post<IncidentDetailT>(at(id, '/corrective-actions'), body),
  actionsOf: (id: string) => http.get<CorrectiveActionT[]>('/api/corrective-actions', { sourceId: id }),
  close: (id: string, summary: string) => http.post<IncidentDetailT>(at(id, '/close'), { summary }),
  annual: (year: number, orgId?: string) =>
    http.get<z.infer<typeof AnnualSummary>>('/api/incidents/annual-summary', { year, orgId }),
};
