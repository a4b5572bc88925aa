import { AppError, conflict } from '../../core/errors';
import type { ProfileProblem } from './profile-rules';

/** Registry error codes, one line of meaning each. */
export const enterpriseErrors = {
  /** The profile breaks domain rules; one field problem each, at `body.<field>`. */
  invalidProfile: (problems: ProfileProblem[]) =>
    new AppError(
      400,
      problems.length === 1 ? problems[0]!.code : 'validation.failed',
      problems.map((p) => p.message).join(' '),
      problems.map((p) => ({ path: `body.${p.field}`, message: p.message, code: p.code })),
    ),
  /** The USCC is registered to another enterprise (codes are unique nationally and public, so saying so leaks nothing). */
  usccTaken: () =>
    conflict('enterprise.uscc_taken', 'This unified social credit code is already registered.'),
  /** The org to link already has a profile. */
  alreadyRegistered: () =>
    conflict('enterprise.already_registered', 'This organisation already has a registry profile.'),
};
