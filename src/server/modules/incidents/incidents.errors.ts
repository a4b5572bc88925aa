import { AppError, conflict } from '../../core/errors';

/** Stable problem codes of the incidents module. */
export const incidentErrors = {
  /** Closed incidents take no more facts, follow-ups or closure. */
  closed: () => conflict('incident.closed', 'The incident is closed.'),
  /** Containment applies to open incidents only. */
  notOpen: () => conflict('incident.not_open', 'Only an open incident can be marked contained.'),
  /** The tier carries no duty to report to the ministry (214号: tiers I and II only). */
  noMinistryDuty: () =>
    conflict('incident.no_ministry_duty', 'Only tier I and II incidents are reported to the ministry.'),
  /** Each report to the ministry is logged once. */
  alreadyLogged: (channel: string) =>
    conflict('incident.already_logged', `The ${channel} report to the ministry is already logged.`),
  /** Measures 2022: individuals whose rights are at risk are told before the incident closes. */
  usersNotNotified: () =>
    new AppError(
      409,
      'incident.users_not_notified',
      'Personal information was affected: record how the individuals were told before closing.',
    ),
};
