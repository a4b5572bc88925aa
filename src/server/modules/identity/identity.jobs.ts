import type { Clock } from '../../core/clock';
import type { Db } from '../../db/client';
import type { JobDefinition } from '../../jobs/boss';
import { sessionRepository } from './identity.repository';
import { loginChallengeRepository } from './login-challenge.repository';

// Expired or revoked sessions are kept a week for incident investigation, then dropped.
const KEEP_MS = 7 * 86_400_000;

/** Background jobs of the identity module. */
export function identityJobs(db: Db, clock: Clock): JobDefinition[] {
  return [
    {
      name: 'identity.purge-sessions',
      cron: '17 * * * *',
      run: async () => {
        const now = clock.now();
        return {
          purged: await sessionRepository.purgeBefore(db, new Date(now.getTime() - KEEP_MS)),
          challengesPurged: await loginChallengeRepository.purgeBefore(db, now),
        };
      },
    },
  ];
}
