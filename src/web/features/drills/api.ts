import type { z } from 'zod';
import type {
  AfterActionReport,
  Drill,
  DrillCorrectiveBody,
  DrillDetail,
  MarkExpectationBody,
  RecordActionBody,
  Scenario,
  ScenarioDefinition,
  ScheduleDrillBody,
} from '../../../contracts/drills';
import { http } from '../../lib/api';
import type { Page } from '../../lib/types';

const seg = encodeURIComponent;
const at = (id: string, rest = '') => `/api/drills/${seg(id)}${rest}`;

/** The drill endpoints. */
export const drillsApi = {
  scenarios: () => http.get<Scenario[]>('/api/drills/scenarios'),
  scenario: (id: string) => http.get<Scenario>(`/api/drills/scenarios/${seg(id)}`),
  copyScenario: (copyOf: string) => http.post<Scenario>('/api/drills/scenarios', { copyOf }),
  saveScenario: (id: string, def: z.input<typeof ScenarioDefinition>) =>
    http.put<Scenario>(`/api/drills/scenarios/${seg(id)}`, def),
  deleteScenario: (id: string) => http.del<void>(`/api/drills/scenarios/${seg(id)}`),
  list: (q: { cursor?: string; filed?: 'true' | 'false' } = {}) => http.get<Page<Drill>>('/api/drills', q),
  schedule: (body: z.input<typeof ScheduleDrillBody>) => http.post<DrillDetail>('/api/drills', body),
  get: (id: string) => http.get<DrillDetail>(at(id)),
  start: (id: string) => http.post<DrillDetail>(at(id, '/start')),
  advance: (id: string, by: { to: 'next' } | { minutes: number }) =>
    http.post<DrillDetail>(at(id, '/advance'), by),
  sync: (id: string) => http.post<DrillDetail>(at(id, '/sync')),
  record: (id: string, body: z.input<typeof RecordActionBody>) =>
    http.post<DrillDetail>(at(id, '/actions'), body),
  mark: (id: string, body: z.input<typeof MarkExpectationBody>) =>
    http.post<DrillDetail>(at(id, '/expectations'), body),
  complete: (id: string) => http.post<DrillDetail>(at(id, '/complete')),
  lessons: (id: string, lessons: string[]) => http.put<DrillDetail>(at(id, '/lessons'), { lessons }),
  corrective: (id: string, body: z.input<typeof DrillCorrectiveBody>) =>
    http.post<DrillDetail>(at(id, '/corrective-actions'), body),
  file: (id: string) => http.post<DrillDetail>(at(id, '/file')),
  report: (id: string) => http.get<AfterActionReport>(at(id, '/report')),
};

/** Where the after-action PDF downloads from (a plain link: the session cookie authenticates it). */
export const reportPdfUrl = (id: string) => at(id, '/report.pdf');
