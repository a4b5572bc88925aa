import type { z } from 'zod';
import type { CreateOrgBody, OrgKind, OrgListQuery, UpdateOrgBody } from '../../../contracts/identity';
import { PROVINCES, provinceByCode } from '../../../lib/china/gbt2260';
import { type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { forbidden, invalid, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { toOrg } from './identity.mappers';
import { canAdministerOrg, canCreateOrg, kindNeedsProvince, orgScopeFor } from './identity.policy';
import { orgRepository } from './identity.repository';

const ORG_KINDS: OrgKind[] = [
  'ministry',
  'provincial-regulator',
  'enterprise',
  'vendor',
  'collection-platform',
  'researcher',
];

/** Organisations: list, summary, profile, create, update, all inside the actor's scope. */
export function createOrgsService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;

  return {
    /** A keyset page of the orgs the actor can see. */
    async list(ctx: RequestContext, q: z.infer<typeof OrgListQuery>) {
      const actor = requireActor(ctx);
      const after = q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined;
      const rows = await orgRepository.list(db, orgScopeFor(actor), { ...q, after });
      const last = rows.at(-1);
      return {
        items: rows.map(toOrg),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.name, last.id]) : null,
      };
    },

    /** Counts by kind and enterprises by province, inside the scope. */
    async summary(ctx: RequestContext) {
      const actor = requireActor(ctx);
      const s = await orgRepository.summary(db, orgScopeFor(actor));
      const byKind = Object.fromEntries(ORG_KINDS.map((k) => [k, 0])) as Record<OrgKind, number>;
      for (const r of s.byKind) byKind[r.kind as OrgKind] = r.n;
      const counts = new Map(s.byProvince.map((r) => [r.provinceCode, r.n]));
      const byProvince = PROVINCES.filter((p) => counts.has(p.code)).map((p) => ({
        provinceCode: p.code,
        name: p.name,
        nameEn: p.nameEn,
        enterprises: counts.get(p.code) ?? 0,
      }));
      return { byKind, byProvince };
    },

    /** One org, or 404 outside the scope. */
    async get(ctx: RequestContext, id: string) {
      const org = await orgRepository.findInScope(db, orgScopeFor(requireActor(ctx)), id);
      if (!org) throw notFound('organisation');
      return toOrg(org);
    },

    /** Creates an org (ministry: any; provincial regulator: enterprises in its province). */
    async create(ctx: RequestContext, body: z.infer<typeof CreateOrgBody>) {
      const actor = requireActor(ctx);
      if (kindNeedsProvince(body.kind) && !body.provinceCode) {
        throw invalid('body.provinceCode', `A ${body.kind} needs a GB/T 2260 province code.`);
      }
      if (body.provinceCode && !provinceByCode(body.provinceCode)) {
        throw invalid('body.provinceCode', 'Not a GB/T 2260 province-level code.');
      }
      if (!canCreateOrg(actor, body.kind, body.provinceCode)) throw forbidden();
      return inTransaction(db, async (tx) => {
        const row = await orgRepository.insert(tx, { ...body, createdAt: ctx.now, updatedAt: ctx.now });
        await audit.append(tx, ctx, {
          action: 'org.created',
          entityType: 'org',
          entityId: row.id,
          orgId: row.id,
          data: { kind: row.kind, name: row.name, provinceCode: row.provinceCode },
        });
        return toOrg(row);
      });
    },

    /** Updates profile fields of an org the actor administers. */
    async update(ctx: RequestContext, id: string, body: z.infer<typeof UpdateOrgBody>) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const org = await orgRepository.findInScope(tx, orgScopeFor(actor), id);
        if (!org) throw notFound('organisation');
        if (!canAdministerOrg(actor, org)) throw forbidden();
        const row = await orgRepository.update(tx, id, { ...body, updatedAt: ctx.now });
        await audit.append(tx, ctx, {
          action: 'org.updated',
          entityType: 'org',
          entityId: id,
          orgId: id,
          data: { changed: Object.keys(body) },
        });
        return toOrg(row);
      });
    },
  };
}

/** The orgs service's public type. */
export type OrgsService = ReturnType<typeof createOrgsService>;
