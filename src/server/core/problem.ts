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
  }
  if (fe instanceof SyntaxError || fe.name === 'SyntaxError') {
    return new AppError(400, 'request.malformed_json', 'The request body is not valid JSON.');
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
