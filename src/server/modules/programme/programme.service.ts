import type { z } from 'zod';
import type {
  CoverageDefinition,
  CoverageQuery,
  CoverageSummary,
  ProgrammeOverview,
} from '../../../contracts/programme';
import { type RequestContext, requireActor } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import {
  type CoverageFact,
  coverageWindows,
  enterpriseCoverage,
  shanghaiYear,
} from '../../programme-rules/coverage';
import type { ProgrammePacks } from '../../programme-rules/programme-pack';
import { shanghaiDate } from '../../regulations/working-days';
import { orgScopeFor } from '../identity/identity.policy';
import { trainingRepository } from '../training/training.repository';
import { dueNext } from './due-next';
import { coverageScope } from './programme.policy';
import { programmeRepository as repo } from './programme.repository';

/**
 * The programme home (34号): whether an enterprise counts toward the > 45,000 target, under the pack's definition
 * shown beside the number, and what is due next; for regulators, the covered share of their scope.
 */
export function createProgrammeService(deps: { db: Db; packs: Pick<ProgrammePacks, 'plan' | 'measures'> }) {
  const { db, packs } = deps;
  const sourced = packs.plan.enterpriseCovered;
  const definition: CoverageDefinition = {
    ...sourced.value,
    clause: sourced.clause,
    source: sourced.source,
    status: sourced.status,
    note: sourced.note ?? null,
  };

  /** The overview of one enterprise the actor can see. */
  async function overviewOf(ctx: RequestContext, id: string): Promise<ProgrammeOverview> {
    const actor = requireActor(ctx);
    const org = await trainingRepository.enterprise(db, orgScopeFor(actor), id);
    if (!org) throw notFound('enterprise');
    const now = ctx.now;
    const today = shanghaiDate(now);
    const year = shanghaiYear(now);
    const facts: CoverageFact[] = [
      ...(await repo.approvals(db, id)).map((at) => ({ kind: 'catalog-filing-approved' as const, at })),
      ...(await repo.completions(db, id)).map((at) => ({ kind: 'self-examination-completed' as const, at })),
    ];
    const coverage = enterpriseCoverage(packs.plan, facts, now);
    const handlesImportantData = await repo.handlesImportantData(db, id);
    const filings = await repo.filings(db, id);
    const due = dueNext(
      {
        now,
        handlesImportantData,
        filings: filings.total,
        openFiling: filings.open,
        refilingDueAt: await repo.openRefiling(db, id),
        selfExaminationThisYear: facts.some(
          (f) => f.kind === 'self-examination-completed' && shanghaiYear(f.at) === year && f.at <= now,
        ),
        correctives: await repo.openCorrectives(db, id, today),
        riskValidUntil: await repo.riskValidUntil(db, id),
        personTimesThisYear: await repo.personTimesSince(db, id, `${year}-01-01`, today),
      },
      packs,
    );
    return {
      enterprise: { id: org.id, name: org.name, provinceCode: org.provinceCode },
      asOf: now.toISOString(),
      handlesImportantData,
      coverage: { ...coverage, year, definition },
      due,
    };
  }

  return {
    /** The actor's own enterprise's programme home. */
    async overview(ctx: RequestContext) {
      const actor = requireActor(ctx);
      if (actor.orgKind !== 'enterprise') throw forbidden('Only an enterprise has a programme home.');
      return overviewOf(ctx, actor.orgId);
    },

    /** A regulator's view of one enterprise's programme home; outside its scope 404. */
    enterpriseOverview: overviewOf,

    /** Covered enterprises among those in scope, computed set-based (one statement for any number of them). */
    async coverage(ctx: RequestContext, q: z.infer<typeof CoverageQuery>): Promise<CoverageSummary> {
      const actor = requireActor(ctx);
      const scope = coverageScope(actor);
      if (!scope) throw forbidden('Only regulators read coverage across enterprises.');
      if (q.provinceCode && scope === 'province' && q.provinceCode !== actor.provinceCode) {
        throw notFound('province');
      }
      const spec = { allOf: sourced.value.allOf, windows: coverageWindows(packs.plan, ctx.now) };
      const byProvince = await repo.coverageByProvince(db, orgScopeFor(actor), spec, q.provinceCode);
      const target = packs.plan.targets.enterprisesProtected;
      return {
        asOf: ctx.now.toISOString(),
        year: shanghaiYear(ctx.now),
        scope,
        definition,
        target: {
          op: target.value.op,
          value: target.value.value,
          clause: target.clause,
          status: target.status,
        },
        total: {
          enterprises: byProvince.reduce((a, p) => a + p.enterprises, 0),
          covered: byProvince.reduce((a, p) => a + p.covered, 0),
        },
        byProvince,
      };
    },
  };
}

/** The programme service's public type. */
export type ProgrammeService = ReturnType<typeof createProgrammeService>;
