import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../modules/identity';
import { checkAccess } from './access';
import type { Clock } from './clock';
import { safeEqual } from './crypto';
import { AppError, forbidden, unauthenticated } from './errors';
import { sendProblem } from './problem';

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'bulwark_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the actor on every request, then enforces each route's declared access and CSRF. */
export function installAuth(app: FastifyInstance, auth: AuthService, clock: Clock) {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    const now = clock.now();
    req.ctx = { actor: null, requestId: req.id, ip: req.ip ?? null, now };
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = req.cookies?.[SESSION_COOKIE];
    const resolved = bearer
      ? await auth.fromApiToken(bearer, now)
      : cookie
        ? await auth.fromSession(cookie, now)
        : null;
    if (bearer && !resolved)
      throw new AppError(401, 'auth.invalid_token', 'The API token is unknown, expired or revoked.');
    if (resolved) {
      req.ctx.actor = resolved.actor;
      req.csrfToken = resolved.csrfToken;
    }
  });

  app.addHook('preHandler', async (req, reply) => {
    const access = req.routeOptions.config.access;
    if (!access) return;
    const verdict = checkAccess(access, req.ctx.actor);
    if (verdict === 401) return sendProblem(req, reply, unauthenticated());
    if (verdict === 403) return sendProblem(req, reply, forbidden());
    const actor = req.ctx.actor;
    if (!access.public && actor?.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !req.csrfToken || !safeEqual(sent, req.csrfToken)) {
        return sendProblem(
          req,
          reply,
          new AppError(403, 'auth.csrf_failed', 'Missing or wrong x-csrf-token header.'),
        );
      }
    }
  });
}
