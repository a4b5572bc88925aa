import type { Clock } from '../../core/clock';
import type { JobDefinition } from '../../jobs/boss';
import type { NotificationsService } from './notifications.service';

/** The outbox drain: every minute as a safety net (writers also kick it right after commit). */
export const notificationJobs = (n: NotificationsService, clock: Clock): JobDefinition[] => [
  { name: 'notifications.deliver', cron: '* * * * *', run: () => n.deliverPending(clock.now()) },
];
