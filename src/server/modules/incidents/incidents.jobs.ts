import type { Clock } from '../../core/clock';
import type { JobDefinition } from '../../jobs/boss';
import type { IncidentsService } from './incidents.service';

/** The ministry-clock watch every minute: the 10 / 30-minute marks escalate at most a minute late. */
export const incidentJobs = (incidents: IncidentsService, clock: Clock): JobDefinition[] => [
  { name: 'incidents.clocks', cron: '* * * * *', run: () => incidents.watch(clock.now()) },
];
