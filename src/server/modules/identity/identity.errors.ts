import { AppError } from '../../core/errors';

/** Identity error codes, one line of meaning each. */
export const identityErrors = {
  /** Email or password wrong (deliberately not saying which). */
  invalidCredentials: () => new AppError(401, 'auth.invalid_credentials', 'The email or password is wrong.'),
  /** Too many failures: the account is locked until the given time. */
  locked: (until: Date, now: Date) =>
    new AppError(423, 'auth.locked', `The account is locked until ${until.toISOString()}.`, undefined, {
      'retry-after': String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))),
    }),
  /** Cookie-authenticated write without the session's CSRF token. */
  csrf: () => new AppError(403, 'auth.csrf_failed', 'Missing or wrong x-csrf-token header.'),
  /** Invitation token unknown, used, revoked or expired. */
  invitationInvalid: () =>
    new AppError(410, 'invitation.invalid', 'This invitation is unknown, already used, revoked or expired.'),
  /** The email already has an account. */
  emailTaken: () => new AppError(409, 'user.email_taken', 'A user with this email already exists.'),
  /** An admin tried to demote or disable the last active admin of an org. */
  lastAdmin: () =>
    new AppError(409, 'user.last_admin', 'An organisation must keep at least one active admin.'),
  /** The current password given for a change was wrong. */
  wrongPassword: () =>
    new AppError(400, 'auth.wrong_password', 'The current password is wrong.', [
      { path: 'body.currentPassword', message: 'wrong password', code: 'auth.wrong_password' },
    ]),
};
