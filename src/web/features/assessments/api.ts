import type { z } from 'zod';
import type {
  AnswersBody,
  ControlLibrary,
  CorrectiveAction,
  CorrectiveTransitionBody,
  CorrectiveUpdateBody,
  EvidenceFile,
  Examination,
  ExaminationDiff,
  ExaminationSummary,
  RiskAssessment,
  RiskAssessmentBody,
  RiskAssessmentStatus,
  RiskAssessmentTemplate,
} from '../../../contracts/assessments';
import { http } from '../../lib/api';
import type { User } from '../../lib/types';
import { fileToBase64 } from '../vulnerabilities/intakeForm';

const seg = encodeURIComponent;

/** A browser file as the JSON evidence upload. */
const evidenceBody = async (file: File) => ({
  filename: file.name,
  contentType: file.type || 'application/octet-stream',
  contentBase64: await fileToBase64(file),
});

/** Where an evidence file downloads (the browser sends the session cookie). */
export const evidenceUrl = (id: string) => `/api/evidence/${seg(id)}`;

/** Largest evidence file the server accepts (10 MiB before sealing). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** The self-examination, corrective-action and risk-assessment endpoints. */
export const assessmentsApi = {
  library: () => http.get<ControlLibrary>('/api/controls'),
  examinations: () => http.get<ExaminationSummary[]>('/api/examinations'),
  examination: (id: string) => http.get<Examination>(`/api/examinations/${seg(id)}`),
  start: () => http.post<Examination>('/api/examinations'),
  answer: (id: string, body: z.input<typeof AnswersBody>) =>
    http.patch<Examination>(`/api/examinations/${seg(id)}/answers`, body),
  answerEvidence: async (id: string, controlId: string, file: File) =>
    http.post<EvidenceFile>(
      `/api/examinations/${seg(id)}/answers/${seg(controlId)}/evidence`,
      await evidenceBody(file),
    ),
  complete: (id: string) => http.post<Examination>(`/api/examinations/${seg(id)}/complete`),
  diff: (id: string) => http.get<ExaminationDiff>(`/api/examinations/${seg(id)}/diff`),

  actions: (q: { status?: string; overdue?: string; sourceId?: string } = {}) =>
    http.get<CorrectiveAction[]>('/api/corrective-actions', q),
  updateAction: (id: string, body: z.input<typeof CorrectiveUpdateBody>) =>
    http.patch<CorrectiveAction>(`/api/corrective-actions/${seg(id)}`, body),
  moveAction: (id: string, body: CorrectiveTransitionBody) =>
    http.post<CorrectiveAction>(`/api/corrective-actions/${seg(id)}/transitions`, body),
  actionEvidence: async (id: string, file: File) =>
    http.post<EvidenceFile>(`/api/corrective-actions/${seg(id)}/evidence`, await evidenceBody(file)),
  orgUsers: (orgId: string) => http.get<User[]>(`/api/orgs/${seg(orgId)}/users`),

  riskTemplate: () => http.get<z.infer<typeof RiskAssessmentTemplate>>('/api/risk-assessments/template'),
  riskStatus: () => http.get<RiskAssessmentStatus>('/api/risk-assessments/status'),
  risks: () => http.get<RiskAssessment[]>('/api/risk-assessments'),
  createRisk: (body: z.input<typeof RiskAssessmentBody>) =>
    http.post<RiskAssessment>('/api/risk-assessments', body),
  updateRisk: (id: string, body: z.input<typeof RiskAssessmentBody>) =>
    http.put<RiskAssessment>(`/api/risk-assessments/${seg(id)}`, body),
  submitRisk: (id: string) => http.post<RiskAssessment>(`/api/risk-assessments/${seg(id)}/submit`),
  receiveRisk: (id: string) => http.post<RiskAssessment>(`/api/risk-assessments/${seg(id)}/receive`),
};
