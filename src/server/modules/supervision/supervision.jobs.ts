import type { Clock } from '../../core/clock';
import type { JobDefinition } from '../../jobs/boss';
import type { SupervisionService } from './supervision.service';

/** Recomputes the supervision read model every five minutes; dashboards show the time of the last run. */
export const supervisionJobs = (supervision: SupervisionService, clock: Clock): JobDefinition[] => [
  { name: 'supervision.refresh', cron: '*/5 * * * *', run: () => supervision.refresh(clock.now()) },
];
