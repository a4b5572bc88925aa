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
  wrongPassword: (path = 'body.currentPassword') =>
    new AppError(400, 'auth.wrong_password', 'The current password is wrong.', [
      { path, message: 'wrong password', code: 'auth.wrong_password' },
    ]),
  /** The second sign-in step's challenge is unknown or expired: start again with the password. */
  totpChallengeInvalid: () =>
    new AppError(
      401,
      'auth.totp_challenge_invalid',
      'This sign-in attempt expired or is unknown; enter the password again.',
    ),
  /** Wrong, stale or already used code at sign-in (counts toward the lock-out). */
  totpLoginFailed: () =>
    new AppError(401, 'auth.totp_invalid', 'The verification code is wrong or was already used.', [
      { path: 'body.code', message: 'wrong or used code', code: 'auth.totp_invalid' },
    ]),
  /** Wrong, stale or already used code when enabling or disabling TOTP. */
  totpCodeInvalid: () =>
    new AppError(400, 'totp.invalid_code', 'The verification code is wrong or was already used.', [
      { path: 'body.code', message: 'wrong or used code', code: 'totp.invalid_code' },
    ]),
  /** TOTP is offered to regulator accounts only. */
  totpNotAllowed: () =>
    new AppError(
      403,
      'totp.not_allowed',
      'Two-step verification is available to ministry and provincial regulator accounts only.',
    ),
  /** Setup while TOTP is already on: turn it off first. */
  totpAlreadyEnabled: () =>
    new AppError(409, 'totp.already_enabled', 'Two-step verification is already on; turn it off first.'),
  /** Enable without a pending setup. */
  totpNotSetUp: () =>
    new AppError(409, 'totp.not_set_up', 'Start the setup first to get a secret for the authenticator app.'),
  /** Disable while TOTP is off. */
  totpNotEnabled: () => new AppError(409, 'totp.not_enabled', 'Two-step verification is not on.'),
};
