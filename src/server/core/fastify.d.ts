import 'fastify';
import type { Access } from './access';
import type { RequestContext } from './actor';

declare module 'fastify' {
  interface FastifyRequest {
    /** Actor, request id, IP and `now` for services. */
    ctx: RequestContext;
    /** The session's CSRF token, when authenticated by cookie. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; required on every /api route. */
    access?: Access;
  }
}
