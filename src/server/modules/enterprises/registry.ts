import { randomUUID } from 'node:crypto';
import type { EnterpriseFields } from '../../../contracts/enterprises';
import type { RequestContext } from '../../core/actor';
import type { Db } from '../../db/client';
import type { PlanPack } from '../../programme-rules/plan-schema';
import { topDecileByProvince } from '../../programme-rules/top-decile';
import type { AuditEvent } from '../audit';
import { orgRepository } from '../identity/identity.repository';
import { changedFields, officerColumns } from './enterprises.mappers';
import { type NewOrg, type ProfileWithName, profileRepository } from './enterprises.repository';
import type { enterpriseProfiles } from './enterprises.table';
import { industrySectionOf, RANKING_FIELDS } from './profile-rules';

/** Where a registry write came from, for the audit trail. */
export type WriteSource = 'api' | 'import' | 'seed';

/** What one registry write did: the audit event to append and the provinces whose ranking it may move. */
export interface RegistryWrite {
  enterpriseId: string;
  event: AuditEvent | null;
  provinces: string[];
}

const profileColumns = (f: EnterpriseFields) => ({
  uscc: f.uscc,
  provinceCode: f.provinceCode,
  cityCode: f.cityCode,
  industrySection: industrySectionOf(f.industryDivision),
  industryDivision: f.industryDivision,
  sector: f.sector,
  aboveSize: f.aboveSize,
  annualRevenueYuan: f.annualRevenueYuan,
  revenueYear: f.revenueYear,
  ...officerColumns(f.officer),
});

/**
 * The registry's write steps, shared by single edits and imports. Callers hold the registry lock, validate and
 * authorize first, then write, then `recompute` the provinces the writes name, then append the returned events.
 */
export function createRegistry(deps: { plan: PlanPack }) {
  return {
    /**
     * Registers validated profiles, each on its `link` org or on a new enterprise org; new orgs and the profiles go
     * in as multi-row inserts (one by one they were most of a large import's time).
     */
    async register(
      tx: Db,
      ctx: RequestContext,
      items: readonly { fields: EnterpriseFields; link: string | null }[],
      source: WriteSource,
    ): Promise<RegistryWrite[]> {
      const writes: RegistryWrite[] = [];
      const rows: (typeof enterpriseProfiles.$inferInsert)[] = [];
      const newOrgs: NewOrg[] = [];
      for (const { fields: f, link } of items) {
        let orgId: string;
        if (link) orgId = (await orgRepository.update(tx, link, { name: f.name, updatedAt: ctx.now })).id;
        else {
          orgId = randomUUID();
          newOrgs.push({ id: orgId, kind: 'enterprise', name: f.name, provinceCode: f.provinceCode });
        }
        rows.push({ orgId, ...profileColumns(f), createdAt: ctx.now, updatedAt: ctx.now });
        writes.push({
          enterpriseId: orgId,
          provinces: [f.provinceCode],
          event: {
            action: 'enterprise.created',
            entityType: 'enterprise',
            entityId: orgId,
            orgId,
            data: {
              uscc: f.uscc,
              name: f.name,
              provinceCode: f.provinceCode,
              org: link ? 'linked' : 'created',
              source,
            },
          },
        });
      }
      await profileRepository.insertOrgs(tx, newOrgs, ctx.now);
      await profileRepository.insertMany(tx, rows);
      return writes;
    },

    /** Applies validated fields to an existing profile (and its org's name and province); a no-op when equal. */
    async change(
      tx: Db,
      ctx: RequestContext,
      before: ProfileWithName,
      prev: EnterpriseFields,
      next: EnterpriseFields,
      source: WriteSource,
    ): Promise<RegistryWrite> {
      const changed = changedFields(prev, next);
      const id = before.orgId;
      if (changed.length === 0) return { enterpriseId: id, event: null, provinces: [] };
      if (next.name !== prev.name || next.provinceCode !== prev.provinceCode) {
        await orgRepository.update(tx, id, {
          name: next.name,
          provinceCode: next.provinceCode,
          updatedAt: ctx.now,
        });
      }
      await profileRepository.update(tx, id, { ...profileColumns(next), updatedAt: ctx.now });
      const moves = changed.some((k) => RANKING_FIELDS.includes(k));
      return {
        enterpriseId: id,
        provinces: moves ? [...new Set([prev.provinceCode, next.provinceCode])] : [],
        event: {
          action: 'enterprise.updated',
          entityType: 'enterprise',
          entityId: id,
          orgId: id,
          data: { changed, source },
        },
      };
    },

    /** Re-ranks each named province with the 34号 rule and stores the flags and the province's population and quota. */
    async recompute(tx: Db, now: Date, provinces: Iterable<string>): Promise<void> {
      for (const provinceCode of [...new Set(provinces)].sort()) {
        const population = await profileRepository.rankingPopulation(tx, provinceCode);
        const idByUscc = new Map(population.map((e) => [e.uscc, e.orgId]));
        const [decile] = topDecileByProvince(
          deps.plan,
          population.map((e) => ({
            uscc: e.uscc,
            divisionCode: e.cityCode,
            industryCode: e.industryDivision,
            aboveScale: true,
            annualRevenueYuan: e.annualRevenueYuan!,
          })),
        );
        const members = (decile?.top ?? []).map((e) => idByUscc.get(e.uscc)!);
        await profileRepository.setTopDecile(tx, provinceCode, members);
        await profileRepository.saveTopDecileSummary(tx, {
          provinceCode,
          population: decile?.population ?? 0,
          quota: decile?.quota ?? 0,
          computedAt: now,
        });
      }
    },
  };
}

/** The registry write steps. */
export type Registry = ReturnType<typeof createRegistry>;
