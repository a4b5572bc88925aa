import { AppError, type FieldProblem } from '../../core/errors';
import common from './common-passwords.json' with { type: 'json' };

/** Shortest password accepted (OWASP ASVS 4.0 2.1.1: at least 12 characters). */
export const PASSWORD_MIN = 12;
/** Longest password accepted: ASVS 2.1.2 asks for 64+; the cap keeps argon2 input bounded. */
export const PASSWORD_MAX = 256;

const COMMON = new Set(common.passwords);
// Parts of an email's local part shorter than this are too generic to refuse ("li", "gd1").
const MIN_CONTEXT_WORD = 4;

/** Why a password is refused, one code each. */
export type PasswordRule = 'too_short' | 'too_long' | 'contains_email' | 'common';

/** The local part of an email and its dot/dash/underscore/plus-separated words long enough to matter. */
function contextWords(email: string): string[] {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return [local, ...local.split(/[._+-]/)].filter((w) => w.length >= MIN_CONTEXT_WORD);
}

/**
 * The rules a new password breaks (NIST SP 800-63B §5.1.1.2: length, no context-specific words, not a known-common
 * password). "Common" also catches a listed word with digits or symbols around it (`Password@2026!`).
 */
export function passwordRulesBroken(password: string, email: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN) broken.push('too_short');
  if (password.length > PASSWORD_MAX) broken.push('too_long');
  const lower = password.toLowerCase();
  if (contextWords(email).some((w) => lower.includes(w))) broken.push('contains_email');
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const oneChar = new Set(lower).size === 1;
  if (oneChar || COMMON.has(lower) || COMMON.has(core)) broken.push('common');
  return broken;
}

/** One English sentence per rule, for problem details and the CLI. */
export const PASSWORD_RULE_MESSAGES: Record<PasswordRule, string> = {
  too_short: `must be at least ${PASSWORD_MIN} characters`,
  too_long: `must be at most ${PASSWORD_MAX} characters`,
  contains_email: 'must not contain the account email name',
  common: 'is too common; choose a less guessable password',
};

/** Throws 400 `password.policy` with one `password.<rule>` problem per broken rule at `path` (e.g. `body.password`). */
export function assertPasswordPolicy(path: string, password: string, email: string): void {
  const broken = passwordRulesBroken(password, email);
  if (!broken.length) return;
  const errors: FieldProblem[] = broken.map((r) => ({
    path,
    code: `password.${r}`,
    message: PASSWORD_RULE_MESSAGES[r],
  }));
  throw new AppError(400, 'password.policy', 'The password does not meet the password policy.', errors);
}
