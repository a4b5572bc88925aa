import type { Db } from '../../db/client';
import type { CorrectiveActionsService } from '../assessments';
import type { DrillCorrectivePort } from './drills.service';

/**
 * The corrective-action board as drills use it: actions with source_kind 'drill' and source_id the drill, raised
 * and listed through the board's own service (its scope rules) over the drill's transaction.
 */
export function drillCorrectivePort(boardFor: (db: Db) => CorrectiveActionsService): DrillCorrectivePort {
  return {
    raise: (tx, ctx, input) =>
      boardFor(tx).raise(tx, ctx, {
        orgId: input.orgId,
        sourceKind: 'drill',
        sourceId: input.drillId,
        title: input.title,
        detail: input.detail,
        dueOn: input.dueOn,
        ownerUserId: input.ownerUserId ?? null,
      }),
    async ofDrill(tx, ctx, drillId) {
      const rows = await boardFor(tx).list(ctx, { sourceId: drillId });
      return rows
        .filter((a) => a.sourceKind === 'drill')
        .map((a) => ({ id: a.id, title: a.title, status: a.status, dueOn: a.dueOn }));
    },
  };
}
