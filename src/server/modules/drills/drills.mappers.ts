import type { Drill, Scenario, ScenarioDefinition } from '../../../contracts/drills';
import { currentMinute } from './drill-rules';
import type { DrillWithOrg } from './drills.repository';
import type { DrillScenarioRow } from './drills.table';

/** A built-in scenario as the API shows it. */
export const builtInScenario = (id: string, definition: ScenarioDefinition): Scenario => ({
  id,
  builtIn: true,
  basedOn: null,
  definition,
  updatedAt: null,
});

/** An enterprise's scenario as the API shows it. */
export const ownScenario = (r: DrillScenarioRow): Scenario => ({
  id: r.id,
  builtIn: false,
  basedOn: r.basedOn,
  definition: r.definition,
  updatedAt: r.updatedAt.toISOString(),
});

/** The clock fields of a drill row, typed for the rules. */
export const clockOf = (r: DrillWithOrg) => ({
  mode: r.mode as 'facilitator' | 'real-time',
  status: r.status as 'scheduled' | 'running' | 'completed',
  startedAt: r.startedAt,
  offsetMinutes: r.offsetMinutes,
  completedMinute: r.completedMinute,
});

/** A drill as lists show it. */
export const toDrill = (r: DrillWithOrg, now: Date): Drill => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName,
  provinceCode: r.provinceCode,
  title: r.title,
  threat: r.scenario.threat,
  scenarioId: r.scenarioId,
  mode: r.mode as Drill['mode'],
  status: r.status as Drill['status'],
  scheduledFor: r.scheduledFor.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  completedAt: r.completedAt?.toISOString() ?? null,
  filedAt: r.filedAt?.toISOString() ?? null,
  facilitatorUserId: r.facilitatorUserId,
  currentMinute: currentMinute(clockOf(r), now),
  score: r.score,
  incidentTier: r.incident?.tier ?? null,
  createdAt: r.createdAt.toISOString(),
});
