import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '../../../contracts/common';
import { Session, TotpDisableBody, TotpEnableBody, TotpSetup, User } from '../../../contracts/identity';
import { ADMINS, SIGNED_IN } from '../../core/access';
import type { SessionsService } from './sessions.service';
import type { TotpService } from './totp.service';

/** Services the account routes call. */
export interface AccountRouteDeps {
  totp: TotpService;
  sessions: SessionsService;
}

const OrgUserParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });

/** A user's own second factor and sessions, and an admin's recovery and session view of a user. */
export const accountRoutes: FastifyPluginAsyncZod<AccountRouteDeps> = async (app, d) => {
  const tags = ['identity'];

  app.post('/api/auth/totp/setup', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      description: 'Regulator accounts only (403 `totp.not_allowed` otherwise); 409 when TOTP is already on.',
      response: { 200: TotpSetup },
    },
    handler: (req) => d.totp.setup(req.ctx),
  });

  app.post('/api/auth/totp/enable', {
    config: { access: SIGNED_IN },
    schema: { tags, body: TotpEnableBody, response: { 200: User } },
    handler: (req) => d.totp.enable(req.ctx, req.body),
  });

  app.post('/api/auth/totp/disable', {
    config: { access: SIGNED_IN },
    schema: { tags, body: TotpDisableBody, response: { 200: User } },
    handler: (req) => d.totp.disable(req.ctx, req.body),
  });

  app.get('/api/auth/sessions', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 200: z.array(Session) } },
    handler: (req) => d.sessions.listOwn(req.ctx),
  });

  app.delete('/api/auth/sessions/:id', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await d.sessions.revokeOwn(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/orgs/:id/users/:userId/sessions', {
    config: { access: ADMINS },
    schema: { tags, params: OrgUserParams, response: { 200: z.array(Session) } },
    handler: (req) => d.sessions.listForUser(req.ctx, req.params.id, req.params.userId),
  });

  app.post('/api/orgs/:id/users/:userId/totp/reset', {
    config: { access: { orgKinds: ['ministry', 'provincial-regulator'], roles: ['admin'] } },
    schema: { tags, params: OrgUserParams, response: { 200: User } },
    handler: (req) => d.totp.reset(req.ctx, req.params.id, req.params.userId),
  });
};
