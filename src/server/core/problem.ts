import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem } from './errors';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Sends an RFC 9457 problem+json response. */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, e: AppError) {
  for (const [k, v] of Object.entries(e.headers ?? {})) reply.header(k, v);
  return reply
    .code(e.status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send({
      ...e.extensions,
      type: `https://bulwark.example/problems/${e.code}`,
      title: TITLES[e.status] ?? 'Error',
      status: e.status,
      code: e.code,
      detail: e.message,
      instance: req.url.split('?')[0],
      requestId: req.id,
      ...(e.errors?.length ? { errors: e.errors } : {}),
    });
}

type ZodLikeIssue = {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: { keys?: string[] };
};

/** Turns schema-validation issues into field problems with dotted paths like `body.email`. */
function fieldProblems(context: string, issues: ZodLikeIssue[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const i of issues) {
    const base = [context, ...(i.instancePath ?? '').split('/').filter(Boolean)].join('.');
    if (i.keyword === 'unrecognized_keys' && i.params?.keys) {
      for (const k of i.params.keys) {
        out.push({ path: `${base}.${k}`, message: 'Unknown field', code: 'validation.unknown_field' });
      }
    } else {
      out.push({
        path: base,
        message: i.message ?? 'Invalid value',
        code: `validation.${i.keyword ?? 'invalid'}`,
      });
    }
  }
  return out;
}

/**
 * PostgreSQL refuses text that only request text can carry: NUL (U+0000) in a text value (SQLSTATE 22021) or in
 * jsonb (22P05), and an unpaired UTF-16 surrogate, which JSON.stringify writes as a \udXXX escape that json input
 * rejects (22P02 "invalid input syntax for type json"). Contracts accept both (JSON and URLs can spell them).
 */
function unstorableText(err: unknown): boolean {
  for (
    let e = err, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === '22021' || code === '22P05') return true;
    if (code === '22P02' && typeof message === 'string' && /type json/.test(message)) return true;
  }
  return false;
}

/** Maps any thrown error to a problem; unknown errors are 500s and get logged. */
export function toAppError(err: unknown, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    return new AppError(
      400,
      'validation.failed',
      'The request does not match the API contract.',
      fieldProblems(fe.validationContext ?? 'body', fe.validation as ZodLikeIssue[]),
    );
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'request.too_large', 'The request body is larger than this endpoint accepts.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'request.malformed_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'request.unsupported_media_type', 'Send application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'request.bad_content_length', 'The Content-Length header is wrong.');
    case 'FST_ERR_BAD_URL':
      return new AppError(400, 'request.bad_url', 'The URL is not valid percent-encoded UTF-8.');
  }
  if (fe instanceof SyntaxError || fe.name === 'SyntaxError') {
    return new AppError(400, 'request.malformed_json', 'The request body is not valid JSON.');
  }
  if (unstorableText(err)) {
    return new AppError(
      400,
      'request.unstorable_text',
      'Text may not contain the NUL character (U+0000) or an unpaired surrogate.',
    );
  }
  if (fe.statusCode === 429) {
    return new AppError(429, 'rate_limited', 'Too many requests; retry later.');
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode, `request.${(fe.code ?? 'invalid').toLowerCase()}`, fe.message);
  }
  req.log.error({ err }, 'unhandled error');
  return new AppError(
    500,
    'internal',
    'An unexpected error occurred; it has been logged with the request id.',
  );
}
