/** One field-level problem inside a problem+json document. */
export interface FieldProblem {
  path: string;
  message: string;
  code: string;
}

/** A domain or request error that maps onto an RFC 9457 problem+json response. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
    /** RFC 9457 §3.2 extension members added to the problem document (never overriding a standard member). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** 404 for a missing object or one outside the actor's tenancy (never 403, never its data). */
export const notFound = (what = 'resource') => new AppError(404, 'not_found', `The ${what} does not exist.`);

/** 403 for an in-scope object the actor's role may not act on. */
export const forbidden = (detail = 'Your role does not allow this action.') =>
  new AppError(403, 'auth.forbidden', detail);

/** 401 when no valid credentials came with the request. */
export const unauthenticated = () => new AppError(401, 'auth.required', 'Sign in or send an API token.');

/** 409 for a conflict with existing state (duplicate, wrong state). */
export const conflict = (code: string, detail: string) => new AppError(409, code, detail);

/** 400 for a well-formed request that breaks a domain rule, with the field that broke it. */
export const invalid = (path: string, message: string, code = 'validation.failed') =>
  new AppError(400, code, message, [{ path, message, code }]);
