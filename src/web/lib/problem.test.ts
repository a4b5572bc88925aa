import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, parseRetryAfter, toApiError } from './problem';
import type { Problem } from './types';

const problem = (errors: Problem['errors']): Problem => ({
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  code: 'validation.failed',
  errors,
});

describe('fieldErrors', () => {
  it('maps request paths onto form field names and groups messages per field', () => {
    const p = problem([
      { path: 'body.email', message: 'Invalid email', code: 'invalid_format' },
      { path: 'body.email', message: 'Too long', code: 'too_big' },
      { path: 'body.items.0.name', message: 'Required', code: 'invalid_type' },
      { path: 'body', message: 'Unknown key', code: 'unrecognized_keys' },
    ]);
    expect(fieldErrors(p)).toEqual([
      { name: ['email'], errors: ['Invalid email', 'Too long'] },
      { name: ['items', 0, 'name'], errors: ['Required'] },
    ]);
  });

  it('words each error through the describer', () => {
    const p = problem([
      { path: 'body.password', message: 'must be at least 12 characters', code: 'too_small' },
    ]);
    expect(fieldErrors(p, (e) => `[${e.code}]`)).toEqual([{ name: ['password'], errors: ['[too_small]'] }]);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('toApiError', () => {
  it('keeps a problem+json body and the Retry-After header', async () => {
    const body = { type: 'about:blank', title: 'Locked', status: 423, code: 'auth.locked', detail: 'Locked' };
    const res = new Response(JSON.stringify(body), {
      status: 423,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '900' },
    });
    const err = await toApiError(res);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('auth.locked');
    expect(err.retryAfter).toBe(900);
  });

  it('synthesises a problem when the body is not one', async () => {
    const err = await toApiError(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(err.problem).toMatchObject({ status: 502, code: 'http.502', title: 'Bad Gateway' });
  });
});
