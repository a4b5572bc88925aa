/** Public surface of the drills module: scenario library, drills, after-action reports and filing (34号). */

export { drillCorrectivePort } from './drills.corrective';
export { drillsRoutes } from './drills.routes';
export { createDrillsService, type DrillCorrectivePort, type DrillsService } from './drills.service';
