import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from './errors';

const ACCOUNT = 'user:';

/**
 * The key a request counts against: the signed-in account (every session and API token of one user share it), or
 * the client IP for anonymous calls and public routes, so a cookie cannot move login or intake attempts off the IP.
 */
function keyOf(req: FastifyRequest): string {
  const actor = req.ctx?.actor;
  const isPublic = req.routeOptions.config.access?.public === true;
  return actor && !isPublic ? `${ACCOUNT}${actor.userId}` : `ip:${req.ip}`;
}

/**
 * @fastify/rate-limit settings: every /api route is limited per account or per IP (OWASP ASVS 4.0 11.1.4
 * anti-automation), answering 429 problem+json with `Retry-After`; routes with their own `rateLimit` (login,
 * intake) keep it. The hook runs after the auth hook, so the actor is known. Counters are per app node.
 */
export function rateLimitOptions(
  config: Pick<Config, 'rateLimitPerMinute' | 'anonRateLimitPerMinute'>,
): RateLimitPluginOptions {
  const limitFor = (key: string) =>
    key.startsWith(ACCOUNT) ? config.rateLimitPerMinute : config.anonRateLimitPerMinute;
  return {
    global: true,
    timeWindow: 60_000,
    keyGenerator: keyOf,
    max: (_req, key) => limitFor(key),
    // Pages, assets and health checks are not API traffic; a limit of 0 turns the default limit off.
    allowList: (req, key) =>
      !req.url.startsWith('/api/') || (!req.routeOptions.config.rateLimit && limitFor(key) === 0),
    errorResponseBuilder: (_req, c) =>
      new AppError(
        429,
        'rate_limited',
        `Too many requests; retry in ${c.after}.`,
        undefined,
        { 'retry-after': String(Math.max(1, Math.ceil(c.ttl / 1000))) },
        { limit: c.max },
      ),
  };
}
