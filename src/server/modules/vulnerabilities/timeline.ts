import type { RequestContext } from '../../core/actor';
import type { Db } from '../../db/client';
import { noteAad, type VulnDeps } from './vulnerabilities.deps';
import { reportRepository } from './vulnerabilities.repository';
import type { EventRow } from './vulnerabilities.table';

/** One timeline entry to record. */
export interface TimelineInput {
  kind: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Internal vendor/ministry entries (reminders, escalations) are hidden from the reporter. */
  reporterVisible?: boolean;
}

/** Appends a timeline entry, sealing its note (notes may carry vulnerability details). */
export async function recordEvent(
  deps: Pick<VulnDeps, 'keyring'>,
  tx: Db,
  ctx: RequestContext,
  reportId: string,
  e: TimelineInput,
) {
  await reportRepository.addEvent(tx, {
    reportId,
    at: ctx.now,
    kind: e.kind,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    actorUserId: ctx.actor?.userId ?? null,
    actorOrgId: ctx.actor?.orgId ?? null,
    noteSealed: e.note ? await deps.keyring.seal(tx, e.note, noteAad(reportId), ctx.now) : null,
    data: e.data ?? {},
    reporterVisible: e.reporterVisible ?? true,
  });
}

/** Opens the notes of timeline entries for an authorised viewer. */
export async function openNotes(
  deps: Pick<VulnDeps, 'keyring'>,
  db: Db,
  reportId: string,
  events: EventRow[],
) {
  return Promise.all(
    events.map(async (e) => ({
      event: e,
      note: e.noteSealed ? (await deps.keyring.open(db, e.noteSealed, noteAad(reportId))).toString() : null,
    })),
  );
}
