/** Public surface of the vulnerabilities module: RMSV intake, lifecycle, national reports and disclosure. */
export { createAdvisoriesService } from './advisories.service';
export { createAttachmentsService } from './attachments.service';
export { createDisclosureService } from './disclosure.service';
export { createIntakeService } from './intake.service';
export { createNationalReportsService } from './national.service';
export { createReportsService } from './reports.service';
export { bundledPacks, loadPacks, type RegulationPacks } from './rules/regulation-pack';
export { createDeadlineWatch, vulnerabilityJobs } from './vulnerabilities.jobs';
export { reportRepository } from './vulnerabilities.repository';
export { type VulnRouteDeps, vulnerabilitiesRoutes } from './vulnerabilities.routes';
