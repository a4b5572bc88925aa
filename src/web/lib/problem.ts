import type { Problem } from './types';

/** A failed API call, carrying the RFC 9457 problem document (synthesised when the body was not one). */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** Seconds from a `Retry-After` header, if the server sent one. */
    readonly retryAfter: number | null,
  ) {
    super(problem.detail ?? problem.title);
  }

  /** HTTP status of the response (0 when the network failed). */
  get status(): number {
    return this.problem.status;
  }

  /** Stable machine-readable error code. */
  get code(): string {
    return this.problem.code;
  }
}

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && typeof (v as Problem).status === 'number' && 'code' in v;

/** Builds an ApiError from a non-2xx response, tolerating bodies that are not problem+json. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Proxies and crashes can answer with HTML or nothing; fall through to a synthetic problem.
  }
  const problem: Problem = isProblem(body)
    ? body
    : {
        type: 'about:blank',
        title: res.statusText || 'Error',
        status: res.status,
        code: `http.${res.status}`,
      };
  return new ApiError(problem, parseRetryAfter(res.headers.get('retry-after')));
}

/** Parses `Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** One field-level entry of a problem document. */
export type FieldProblem = NonNullable<Problem['errors']>[number];

/**
 * Maps a problem's field errors (`body.email`, `body.items.0.name`) onto antd form field names,
 * wording each with `describe` (so the UI can localise by `code` instead of showing the server's English).
 */
export function fieldErrors(
  problem: Problem,
  describe: (e: FieldProblem) => string = (e) => e.message,
): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const e of problem.errors ?? []) {
    const path = e.path.replace(/^(body|query|params)\.?/, '');
    if (!path) continue;
    byField.set(path, [...(byField.get(path) ?? []), describe(e)]);
  }
  return [...byField].map(([path, errors]) => ({
    name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors,
  }));
}
