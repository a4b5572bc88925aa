import type {
  ControlLibrary,
  CorrectiveAction,
  EvidenceFile,
  Examination,
  ExaminationScore,
  ExaminationSummary,
  RiskAssessment,
} from '../../../contracts/assessments';
import { SCENARIO_KEYS } from '../../programme-rules/controls-schema';
import type { ProgrammePacks } from '../../programme-rules/programme-pack';
import { shanghaiDate } from '../../regulations/working-days';
import type { ActionWithNames, Named } from './assessments.repository';
import type { ExaminationAnswerRow, ExaminationRow, RiskAssessmentRow } from './assessments.table';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// The plan names four scenarios; "general management" is Bulwark's fifth heading for controls outside them.
const GENERAL = { zh: '数据安全通用管理', en: 'General data-security management' };

/**
 * The control library grouped by each control's primary (first) scenario, with the plan's scenario names: a
 * control listed under several scenarios still scores in each, but is shown (and answered) once.
 */
export function controlLibrary(packs: ProgrammePacks): ControlLibrary {
  const { controls, plan } = packs;
  const names = plan.riskScenarios;
  return {
    version: controls.version,
    title: controls.title,
    scoring: {
      clause: controls.scoring.clause,
      source: controls.scoring.source,
      status: controls.scoring.status,
      note: controls.scoring.note,
    },
    groups: SCENARIO_KEYS.map((scenario) => {
      const named = names.value.find((s) => s.key === scenario);
      return {
        scenario,
        label: named ? { zh: named.zh, en: named.en } : GENERAL,
        labelStatus: named ? names.status : 'Bulwark',
        controls: controls.controls
          .filter((c) => c.value.scenarios[0] === scenario)
          .map((c) => ({ ...c.value, clause: c.clause, source: c.source, status: c.status })),
      };
    }),
  };
}

/** An examination in a list. */
export const toSummary = (e: Named<ExaminationRow>, overall: number | null): ExaminationSummary => ({
  id: e.id,
  orgId: e.orgId,
  orgName: e.orgName,
  year: e.year,
  libraryVersion: e.libraryVersion,
  status: e.status as ExaminationSummary['status'],
  previousId: e.previousId,
  overall,
  startedAt: e.startedAt.toISOString(),
  completedAt: iso(e.completedAt),
});

/** An examination with everything its page needs. */
export const toExamination = (
  e: Named<ExaminationRow>,
  answers: ExaminationAnswerRow[],
  evidence: EvidenceFile[],
  score: ExaminationScore,
  canEdit: boolean,
): Examination => ({
  ...toSummary(e, score.overall.score),
  startedBy: e.startedBy,
  completedBy: e.completedBy,
  answers: answers.map((a) => ({
    controlId: a.controlId,
    answer: a.answer as Examination['answers'][number]['answer'],
    note: a.note,
    answeredBy: a.answeredBy,
    answeredAt: a.answeredAt.toISOString(),
  })),
  evidence,
  score,
  canEdit,
});

/** A corrective action with its evidence; overdue means past due and not yet resolved, in Shanghai days. */
export const toAction = (a: ActionWithNames, evidence: EvidenceFile[], now: Date): CorrectiveAction => ({
  id: a.id,
  orgId: a.orgId,
  orgName: a.orgName,
  sourceKind: a.sourceKind as CorrectiveAction['sourceKind'],
  sourceId: a.sourceId,
  controlId: a.controlId,
  scenarios: a.scenarios,
  title: a.title,
  detail: a.detail,
  ownerUserId: a.ownerUserId,
  ownerName: a.ownerName,
  dueOn: a.dueOn,
  overdue: (a.status === 'open' || a.status === 'in-progress') && a.dueOn < shanghaiDate(now),
  status: a.status as CorrectiveAction['status'],
  resolution: a.resolution,
  resolvedAt: iso(a.resolvedAt),
  resolvedBy: a.resolvedBy,
  verificationNote: a.verificationNote,
  verifiedAt: iso(a.verifiedAt),
  verifiedBy: a.verifiedBy,
  evidence,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** A risk assessment. */
export const toRisk = (r: Named<RiskAssessmentRow>): RiskAssessment => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName,
  provinceCode: r.provinceCode,
  performedBy: r.performedBy as RiskAssessment['performedBy'],
  assessorName: r.assessorName,
  sections: r.sections,
  status: r.status as RiskAssessment['status'],
  issuedOn: r.issuedOn,
  validUntil: r.validUntil,
  submittedAt: iso(r.submittedAt),
  receivedAt: iso(r.receivedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
