/** Public surface of the assessments module: self-examinations, corrective actions, annual risk assessments. */
export { assessmentJobs, createRiskReminders } from './assessments.jobs';
export { assessmentsRepository } from './assessments.repository';
export { type AssessmentsRouteDeps, assessmentsRoutes } from './assessments.routes';
export {
  type CorrectiveActionsService,
  createCorrectiveActionsService,
  type RaiseInput,
} from './corrective-actions.service';
export { createExaminationsService, type ExaminationsService } from './examinations.service';
export { createRiskAssessmentsService, type RiskAssessmentsService } from './risk-assessments.service';
