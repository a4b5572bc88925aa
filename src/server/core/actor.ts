import type { OrgKind, Role } from '../../contracts/identity';
import { unauthenticated } from './errors';

/** Who is acting: a signed-in user (by session or API token). */
export interface Actor {
  userId: string;
  orgId: string;
  orgKind: OrgKind;
  role: Role;
  provinceCode: string | null;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}

/** Per-request facts every service receives; `now` comes from the clock so rules stay pure. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  now: Date;
}

/** A context for the CLI and jobs, which act as the system rather than a user. */
export const systemContext = (requestId = 'system'): RequestContext => ({
  actor: null,
  requestId,
  ip: null,
  now: new Date(),
});

/** The signed-in actor of a request, or 401 (routes already check access; services re-check for direct callers). */
export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
