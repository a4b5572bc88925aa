import type { TFunction } from 'i18next';
import { ApiError, type FieldProblem } from './problem';

/** A Retry-After delay in words: whole minutes from one minute up (rounded up), seconds below. */
export const wait = (t: TFunction, seconds: number): string =>
  seconds >= 60
    ? t('errors.wait.minutes', { count: Math.ceil(seconds / 60) })
    : t('errors.wait.seconds', { count: seconds });

/** Human wording for any thrown value, localised by the problem's stable `code` and status. */
export function describeError(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('errors.unexpected');
  const { problem, retryAfter } = err;
  const detail = problem.detail ?? problem.title;
  if (problem.code === 'auth.locked') {
    return retryAfter === null
      ? t('errors.auth.lockedNoTime')
      : t('errors.auth.locked', { wait: wait(t, retryAfter) });
  }
  if (problem.status === 429) {
    return retryAfter === null
      ? t('errors.rateLimitedNoTime')
      : t('errors.rateLimited', { wait: wait(t, retryAfter) });
  }
  const known = t(`errors.codes.${problem.code.replaceAll('.', '_')}`, { defaultValue: '' });
  if (known) return known;
  if (problem.status === 0) return t('errors.network');
  return t('errors.generic', { status: problem.status, detail });
}

/** Wording for one field error: localised by zod issue code in zh-CN, the server's own text in en. */
export const describeField =
  (t: TFunction) =>
  (e: FieldProblem): string =>
    t(`fieldErrors.${e.code.replace(/^validation\./, '').replaceAll('.', '_')}`, {
      message: e.message,
      defaultValue: e.message,
    });
