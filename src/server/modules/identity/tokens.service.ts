import type { z } from 'zod';
import type { CreateApiTokenBody } from '../../../contracts/identity';
import { type RequestContext, requireActor } from '../../core/actor';
import { randomToken, tokenHash } from '../../core/crypto';
import { notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { toApiToken } from './identity.mappers';
import { apiTokenRepository } from './identity.repository';

/** Prefix that marks Bulwark API tokens (helps secret scanners). */
export const API_TOKEN_PREFIX = 'bwk_';

/** Personal API tokens for machine clients; a token acts as its owner. */
export function createTokensService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;
  return {
    /** The actor's tokens. */
    async list(ctx: RequestContext) {
      return (await apiTokenRepository.listByUser(db, requireActor(ctx).userId)).map(toApiToken);
    },

    /** Creates a token; the secret is in this response only. */
    async create(ctx: RequestContext, body: z.infer<typeof CreateApiTokenBody>) {
      const actor = requireActor(ctx);
      const token = randomToken(32, API_TOKEN_PREFIX);
      return inTransaction(db, async (tx) => {
        const row = await apiTokenRepository.insert(tx, {
          userId: actor.userId,
          name: body.name,
          prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
          tokenHash: tokenHash(token),
          createdAt: ctx.now,
          expiresAt: body.expiresInDays
            ? new Date(ctx.now.getTime() + body.expiresInDays * 86_400_000)
            : null,
        });
        await audit.append(tx, ctx, {
          action: 'token.created',
          entityType: 'api_token',
          entityId: row.id,
          data: { name: body.name, expiresAt: row.expiresAt?.toISOString() ?? null },
        });
        return { ...toApiToken(row), token };
      });
    },

    /** Revokes one of the actor's tokens. */
    async revoke(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const row = await apiTokenRepository.findOwn(tx, actor.userId, id);
        if (!row) throw notFound('API token');
        const revoked = row.revokedAt ? row : await apiTokenRepository.revoke(tx, id, ctx.now);
        await audit.append(tx, ctx, { action: 'token.revoked', entityType: 'api_token', entityId: id });
        return toApiToken(revoked);
      });
    },
  };
}

/** The tokens service's public type. */
export type TokensService = ReturnType<typeof createTokensService>;
