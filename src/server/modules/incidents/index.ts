/** Public surface of the incidents module: 214号 data-security incidents, tiers, clocks and escalation. */
export { incidentJobs } from './incidents.jobs';
export { incidentsRoutes } from './incidents.routes';
export { createIncidentsService, type IncidentsService } from './incidents.service';
