import type { z } from 'zod';
import type {
  CreateEnterpriseBody,
  EnterpriseFields,
  EnterpriseListQuery,
  TopDecileQuery,
  UpdateEnterpriseBody,
} from '../../../contracts/enterprises';
import { type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { forbidden, invalid, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { PlanPack } from '../../programme-rules/plan-schema';
import type { AuditService } from '../audit';
import { orgScopeFor } from '../identity/identity.policy';
import { orgRepository } from '../identity/identity.repository';
import { enterpriseErrors } from './enterprises.errors';
import { fieldsOf, toEnterprise } from './enterprises.mappers';
import {
  canReadTopDecile,
  canRegister,
  editableFields,
  mayPlaceIn,
  SELF_MAINTAINED,
} from './enterprises.policy';
import { profileRepository } from './enterprises.repository';
import { profileProblems } from './profile-rules';
import { createRegistry } from './registry';

const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

/** The enterprise registry: profiles in scope, registration, edits, and each province's top 10 % (34号). */
export function createEnterprisesService(deps: { db: Db; audit: AuditService; plan: PlanPack }) {
  const { db, audit } = deps;
  const registry = createRegistry(deps);

  /** Loads a profile in the actor's scope for the response (after a write, with its recomputed flag). */
  async function load(tx: Db, ctx: RequestContext, id: string) {
    const row = await profileRepository.findInScope(tx, orgScopeFor(requireActor(ctx)), id);
    if (!row) throw notFound('enterprise');
    return row;
  }

  return {
    /** A keyset page of the profiles the actor can see. */
    async list(ctx: RequestContext, q: z.infer<typeof EnterpriseListQuery>) {
      const actor = requireActor(ctx);
      const after = q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined;
      const rows = await profileRepository.list(db, orgScopeFor(actor), {
        ...q,
        aboveSize: flag(q.aboveSize),
        topDecile: flag(q.topDecile),
        after,
      });
      const last = rows.at(-1);
      return {
        items: rows.map(toEnterprise),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.name, last.orgId]) : null,
      };
    },

    /** One profile, or 404 outside the scope. */
    async get(ctx: RequestContext, id: string) {
      return toEnterprise(await load(db, ctx, id));
    },

    /** Registers an enterprise, creating its org or linking an existing enterprise org in scope. */
    async create(
      ctx: RequestContext,
      body: z.infer<typeof CreateEnterpriseBody>,
      source: 'api' | 'seed' = 'api',
    ) {
      const actor = requireActor(ctx);
      const { orgId, ...fields } = body;
      if (!canRegister(actor, fields.provinceCode)) throw forbidden();
      const problems = profileProblems(fields, ctx.now);
      if (problems.length) throw enterpriseErrors.invalidProfile(problems);
      return inTransaction(db, async (tx) => {
        await profileRepository.lock(tx);
        if ((await profileRepository.byUscc(tx, [fields.uscc])).length) throw enterpriseErrors.usccTaken();
        if (orgId) {
          const org = await orgRepository.findInScope(tx, orgScopeFor(actor), orgId);
          if (!org) throw notFound('organisation');
          if (org.kind !== 'enterprise') {
            throw invalid('body.orgId', 'Not an enterprise organisation.', 'enterprise.not_enterprise_org');
          }
          if (await profileRepository.exists(tx, orgId)) throw enterpriseErrors.alreadyRegistered();
          if (org.provinceCode !== fields.provinceCode) {
            throw invalid(
              'body.provinceCode',
              `The organisation belongs to province ${org.provinceCode}.`,
              'enterprise.province_mismatch',
            );
          }
        }
        const [w] = await registry.register(tx, ctx, [{ fields, link: orgId ?? null }], source);
        if (!w) throw new Error('registration wrote nothing');
        await registry.recompute(tx, ctx.now, w.provinces);
        await audit.append(tx, ctx, w.event!);
        return toEnterprise(await load(tx, ctx, w.enterpriseId));
      });
    },

    /** Edits a profile: regulator staff in scope change anything, an enterprise's admins their officer and revenue. */
    async update(ctx: RequestContext, id: string, body: z.infer<typeof UpdateEnterpriseBody>) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        await profileRepository.lock(tx);
        const before = await load(tx, ctx, id);
        const may = editableFields(actor, id);
        const given = (Object.keys(body) as (keyof EnterpriseFields)[]).filter((k) => body[k] !== undefined);
        if (may === 'none') throw forbidden();
        const others = given.filter((k) => !SELF_MAINTAINED.includes(k));
        if (may === 'self' && others.length) {
          throw forbidden(`An enterprise maintains only its officer and revenue; not ${others.join(', ')}.`);
        }
        const prev = fieldsOf(before);
        const next: EnterpriseFields = { ...prev, ...Object.fromEntries(given.map((k) => [k, body[k]])) };
        if (!mayPlaceIn(actor, next.provinceCode)) {
          throw forbidden('A provincial regulator keeps enterprises in its own province.');
        }
        const problems = profileProblems(next, ctx.now);
        if (problems.length) throw enterpriseErrors.invalidProfile(problems);
        if (next.uscc !== prev.uscc && (await profileRepository.byUscc(tx, [next.uscc])).length) {
          throw enterpriseErrors.usccTaken();
        }
        const w = await registry.change(tx, ctx, before, prev, next, 'api');
        if (!w.event) return toEnterprise(before);
        await registry.recompute(tx, ctx.now, w.provinces);
        await audit.append(tx, ctx, w.event);
        return toEnterprise(await load(tx, ctx, id));
      });
    },

    /** A province's top 10 % with its population and quota; a provincial regulator's own province by default. */
    async topDecile(ctx: RequestContext, q: z.infer<typeof TopDecileQuery>) {
      const actor = requireActor(ctx);
      const provinceCode = q.provinceCode ?? actor.provinceCode;
      if (!provinceCode)
        throw invalid('querystring.provinceCode', 'Name the province.', 'validation.required');
      if (!canReadTopDecile(actor, provinceCode)) throw notFound('province');
      const summary = await profileRepository.topDecileSummary(db, provinceCode);
      const members = await profileRepository.topDecileMembers(db, provinceCode);
      return {
        provinceCode,
        population: summary?.population ?? 0,
        quota: summary?.quota ?? 0,
        computedAt: summary?.computedAt.toISOString() ?? null,
        items: members.map(toEnterprise),
      };
    },
  };
}

/** The enterprises service's public type. */
export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
