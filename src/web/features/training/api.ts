import type { z } from 'zod';
import type {
  CreateTalentBody,
  CreateTrainingSessionBody,
  Talent,
  TrainingSession,
  TrainingSummary,
} from '../../../contracts/training';
import { http } from '../../lib/api';
import type { Page } from '../../lib/types';

const seg = encodeURIComponent;
type List = { orgId?: string; provinceCode?: string; cursor?: string; limit?: number };

/** The training endpoints. */
export const trainingApi = {
  sessions: (q: List = {}) => http.get<Page<TrainingSession>>('/api/training/sessions', q),
  createSession: (body: z.input<typeof CreateTrainingSessionBody>) =>
    http.post<TrainingSession>('/api/training/sessions', body),
  deleteSession: (id: string) => http.del<void>(`/api/training/sessions/${seg(id)}`),
  talents: (q: List = {}) => http.get<Page<Talent>>('/api/training/talents', q),
  createTalent: (body: z.input<typeof CreateTalentBody>) => http.post<Talent>('/api/training/talents', body),
  deleteTalent: (id: string) => http.del<void>(`/api/training/talents/${seg(id)}`),
  summary: (provinceCode?: string) => http.get<TrainingSummary>('/api/training/summary', { provinceCode }),
};
