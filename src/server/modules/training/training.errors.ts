import { conflict, invalid } from '../../core/errors';

/** Training error codes, one line of meaning each. */
export const trainingErrors = {
  /** A session or certificate dated after today. */
  future: (path: string) => invalid(path, 'The date is in the future.', 'training.future_date'),
  /** The same attendee twice in one session: a person attends a session once (one person-time). */
  duplicateAttendee: (index: number, first: number) =>
    invalid(
      `body.attendees.${index}`,
      `The same name is at position ${first}.`,
      'training.duplicate_attendee',
    ),
  /** A certificate that expires before it was issued. */
  expiresBeforeIssue: () =>
    invalid('body.validUntil', 'The certificate cannot expire before it was issued.', 'training.validity'),
  /** The enterprise already records this certificate. */
  duplicateCertificate: () =>
    conflict(
      'training.duplicate_certificate',
      'This certificate number is already recorded for the enterprise.',
    ),
  /** Outside the programme period (34号: issue date to the target date). */
  outsidePeriod: (path: string, from: string, to: string) =>
    invalid(
      path,
      `Only sessions between ${from} and ${to} count toward the programme.`,
      'training.outside_period',
    ),
};
