import type { RequestContext } from '../../core/actor';
import type { Db } from '../../db/client';
import { refilingObligation } from '../../programme-rules/filing';
import { catalogTotals, changesSince } from './catalog-rules';
import type { CatalogDeps } from './data-catalog.deps';
import { assetRepository, filingRepository, obligationRepository } from './data-catalog.repository';

/**
 * Measures art. 12? (draft): after a catalog change, compares the catalog with the last approved filing and opens a
 * change-filing obligation (due 3 months after the change), refreshes its reasons, or lapses it when the catalog is
 * back within the threshold. While a filing is under review or returned the obligation is left alone: that filing
 * carries the change, and its approval sets the new baseline (then this runs again).
 */
export async function recomputeObligation(deps: CatalogDeps, tx: Db, ctx: RequestContext, orgId: string) {
  const { measures, audit } = deps;
  const approved = await filingRepository.lastApproved(tx, orgId);
  if (!approved || (await filingRepository.openOf(tx, orgId))) return;
  const assets = await assetRepository.ofOrg(tx, orgId);
  const r = refilingObligation(measures, {
    approved: { categories: approved.categories, scale: approved.scale },
    current: catalogTotals(measures, assets),
    changedAt: ctx.now,
    ...changesSince(measures, approved.snapshot, assets),
  });
  const open = await obligationRepository.openOf(tx, orgId);
  if (r.required && !open) {
    const o = await obligationRepository.insert(tx, {
      orgId,
      baselineFilingId: approved.id,
      status: 'open',
      reasons: r.reasons as unknown as Record<string, unknown>[],
      openedAt: ctx.now,
      dueAt: r.due.dueAt,
    });
    await audit.append(tx, ctx, {
      action: 'catalog.refiling_opened',
      entityType: 'catalog_refiling_obligation',
      entityId: o.id,
      orgId,
      data: { reasons: r.reasons, dueOn: r.due.lastDay, clause: r.clause, status: r.status },
    });
  } else if (r.required && open) {
    // The clock runs from the first change; later changes only refresh why the filing is owed.
    await obligationRepository.update(tx, open.id, {
      reasons: r.reasons as unknown as Record<string, unknown>[],
    });
  } else if (open) {
    await obligationRepository.update(tx, open.id, { status: 'lapsed', closedAt: ctx.now });
    await audit.append(tx, ctx, {
      action: 'catalog.refiling_lapsed',
      entityType: 'catalog_refiling_obligation',
      entityId: open.id,
      orgId,
    });
  }
}
