import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, page } from '../../../contracts/common';
import {
  AcceptInvitationBody,
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  CreatedInvitation,
  CreateInvitationBody,
  CreateOrgBody,
  Invitation,
  LoginBody,
  LoginResult,
  Me,
  Org,
  OrgListQuery,
  OrgSummary,
  TotpLoginBody,
  UpdateOrgBody,
  UpdateUserBody,
  User,
} from '../../../contracts/identity';
import { ADMINS, PUBLIC, SIGNED_IN } from '../../core/access';
import { SESSION_COOKIE } from '../../core/auth-hook';
import { type AccountRouteDeps, accountRoutes } from './account.routes';
import type { AuthService } from './auth.service';
import type { OpenedSession } from './open-session';
import type { OrgsService } from './orgs.service';
import type { TokensService } from './tokens.service';
import type { UsersService } from './users.service';

/** Services the identity routes call. */
export interface IdentityRouteDeps extends AccountRouteDeps {
  auth: AuthService;
  orgs: OrgsService;
  users: UsersService;
  tokens: TokensService;
  cookieSecure: boolean;
  loginRatePerMinute: number;
}

const OrgUserParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
const OrgInvitationParams = z.strictObject({ id: z.uuid(), invitationId: z.uuid() });

/** Auth, organisations, users, invitations and API tokens. */
export const identityRoutes: FastifyPluginAsyncZod<IdentityRouteDeps> = async (app, d) => {
  const tags = ['identity'];

  const loginLimit = { max: d.loginRatePerMinute, timeWindow: '1 minute' };
  const sessionCookie = (reply: FastifyReply, s: OpenedSession) =>
    reply.setCookie(SESSION_COOKIE, s.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: d.cookieSecure,
      path: '/',
      maxAge: s.maxAgeSeconds,
    });

  app.post('/api/auth/login', {
    config: { access: PUBLIC, rateLimit: loginLimit },
    schema: {
      tags,
      description:
        'Answers `Me` and sets the session cookie; for an account with TOTP on, answers `{ totpRequired: true, ' +
        'challenge }` without a cookie, and POST /api/auth/login/totp completes the sign-in.',
      body: LoginBody,
      response: { 200: LoginResult },
    },
    handler: async (req, reply) => {
      const r = await d.auth.login(req.ctx, req.body, req.headers['user-agent'] ?? null);
      if (r.kind === 'totp') return r.challenge;
      sessionCookie(reply, r);
      return r.me;
    },
  });

  app.post('/api/auth/login/totp', {
    config: { access: PUBLIC, rateLimit: loginLimit },
    schema: {
      tags,
      description:
        'Second sign-in step: 401 `auth.totp_invalid` for a wrong or reused code (counts toward the lock-out), ' +
        '401 `auth.totp_challenge_invalid` when the challenge expired, 423 when locked.',
      body: TotpLoginBody,
      response: { 200: Me },
    },
    handler: async (req, reply) => {
      const r = await d.auth.loginWithTotp(req.ctx, req.body, req.headers['user-agent'] ?? null);
      sessionCookie(reply, r);
      return r.me;
    },
  });

  app.post('/api/auth/logout', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await d.auth.logout(req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 200: Me } },
    handler: (req) => d.auth.me(req.ctx, req.csrfToken),
  });

  app.post('/api/auth/password', {
    config: { access: SIGNED_IN },
    schema: { tags, body: ChangePasswordBody, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await d.auth.changePassword(req.ctx, req.body);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/invitations/accept', {
    config: { access: PUBLIC, rateLimit: loginLimit },
    schema: { tags, body: AcceptInvitationBody, response: { 201: User } },
    handler: async (req, reply) => reply.code(201).send(await d.users.accept(req.ctx, req.body)),
  });

  app.get('/api/orgs', {
    config: { access: SIGNED_IN },
    schema: { tags, querystring: OrgListQuery, response: { 200: page(Org) } },
    handler: (req) => d.orgs.list(req.ctx, req.query),
  });

  app.get('/api/orgs/summary', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 200: OrgSummary } },
    handler: (req) => d.orgs.summary(req.ctx),
  });

  app.post('/api/orgs', {
    config: { access: { orgKinds: ['ministry', 'provincial-regulator'], roles: ['admin'] } },
    schema: { tags, body: CreateOrgBody, response: { 201: Org } },
    handler: async (req, reply) => reply.code(201).send(await d.orgs.create(req.ctx, req.body)),
  });

  app.get('/api/orgs/:id', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, response: { 200: Org } },
    handler: (req) => d.orgs.get(req.ctx, req.params.id),
  });

  app.patch('/api/orgs/:id', {
    config: { access: ADMINS },
    schema: { tags, params: IdParam, body: UpdateOrgBody, response: { 200: Org } },
    handler: (req) => d.orgs.update(req.ctx, req.params.id, req.body),
  });

  app.get('/api/orgs/:id/users', {
    config: { access: ADMINS },
    schema: { tags, params: IdParam, response: { 200: z.array(User) } },
    handler: (req) => d.users.list(req.ctx, req.params.id),
  });

  app.patch('/api/orgs/:id/users/:userId', {
    config: { access: ADMINS },
    schema: { tags, params: OrgUserParams, body: UpdateUserBody, response: { 200: User } },
    handler: (req) => d.users.update(req.ctx, req.params.id, req.params.userId, req.body),
  });

  app.post('/api/orgs/:id/users/:userId/revoke-sessions', {
    config: { access: ADMINS },
    schema: { tags, params: OrgUserParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await d.users.revokeSessions(req.ctx, req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/orgs/:id/invitations', {
    config: { access: ADMINS },
    schema: { tags, params: IdParam, response: { 200: z.array(Invitation) } },
    handler: (req) => d.users.listInvitations(req.ctx, req.params.id),
  });

  app.post('/api/orgs/:id/invitations', {
    config: { access: ADMINS },
    schema: { tags, params: IdParam, body: CreateInvitationBody, response: { 201: CreatedInvitation } },
    handler: async (req, reply) =>
      reply.code(201).send(await d.users.invite(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/orgs/:id/invitations/:invitationId/revoke', {
    config: { access: ADMINS },
    schema: { tags, params: OrgInvitationParams, response: { 200: Invitation } },
    handler: (req) => d.users.revokeInvitation(req.ctx, req.params.id, req.params.invitationId),
  });

  app.get('/api/tokens', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 200: z.array(ApiToken) } },
    handler: (req) => d.tokens.list(req.ctx),
  });

  app.post('/api/tokens', {
    config: { access: SIGNED_IN },
    schema: { tags, body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
    handler: async (req, reply) => reply.code(201).send(await d.tokens.create(req.ctx, req.body)),
  });

  app.post('/api/tokens/:id/revoke', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, response: { 200: ApiToken } },
    handler: (req) => d.tokens.revoke(req.ctx, req.params.id),
  });

  await app.register(accountRoutes, d);
};
