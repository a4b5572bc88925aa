/** Public surface of the supervision module: regulators' dashboards against the 34号 targets (issue 7). */
export { supervisionJobs } from './supervision.jobs';
export { supervisionRoutes } from './supervision.routes';
export { createSupervisionService, type SupervisionService } from './supervision.service';
