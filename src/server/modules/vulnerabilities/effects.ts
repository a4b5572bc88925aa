import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../core/actor';
import type { Db } from '../../db/client';
import { holidayCalendar } from '../../regulations/working-days';
import { productRepository } from '../products/products.repository';
import { planClocks } from './rules/clocks';
import type { Effect } from './rules/lifecycle';
import { recordEvent } from './timeline';
import { descriptionAad, type VulnDeps } from './vulnerabilities.deps';
import { reportRepository } from './vulnerabilities.repository';
import type { ReportRow } from './vulnerabilities.table';

/** Inputs some effects need beyond the record. */
export interface EffectInputs {
  upstreamComponentIds: string[];
  message?: string;
}

const link = (row: ReportRow) => `/vulnerabilities/${row.id}`;

/** Carries out the side effects a lifecycle transition asks for, in the caller's transaction. */
export async function applyEffects(
  deps: VulnDeps,
  tx: Db,
  ctx: RequestContext,
  row: ReportRow,
  effects: Effect[],
  inputs: EffectInputs,
) {
  const { notifications } = deps;
  const announce = (orgIds: (string | null)[], kind: string, body: string) => {
    const ids = orgIds.filter((x): x is string => Boolean(x));
    return ids.length
      ? notifications.notify(tx, ctx, {
          orgIds: ids,
          kind,
          title: `${row.ref} ${row.title}`,
          body,
          link: link(row),
          data: { reportId: row.id, ref: row.ref, state: row.state },
        })
      : Promise.resolve(0);
  };
  for (const effect of effects) {
    switch (effect) {
      case 'notify-reporter':
        await announce([row.reporterOrgId], 'vulnerability.updated', `The report is now ${row.state}.`);
        break;
      case 'notify-vendor':
        await announce(
          [row.vendorOrgId],
          'vulnerability.updated',
          `The reporter acted; the report is now ${row.state}.`,
        );
        break;
      case 'notify-upstream':
        await notifyUpstream(deps, tx, ctx, row, inputs.upstreamComponentIds);
        break;
      case 'notify-affected-users':
        await notifyDownstream(deps, tx, ctx, row, inputs.message ?? '');
        break;
      case 'link-duplicate':
        if (row.duplicateOf) {
          await recordEvent(deps, tx, ctx, row.duplicateOf, {
            kind: 'duplicate-linked',
            data: { duplicateId: row.id, duplicateRef: row.ref },
          });
        }
        break;
      default:
        // Clock effects are carried by the state itself: the deadline job only watches pre-report states.
        break;
    }
  }
}

/**
 * RMSV art. 7(1): when the flaw is in an upstream component, its provider is notified at once. A maker on the
 * platform gets a linked report in its own inbox (which starts its own art. 7 clocks).
 */
async function notifyUpstream(
  deps: VulnDeps,
  tx: Db,
  ctx: RequestContext,
  row: ReportRow,
  componentIds: string[],
) {
  const { keyring, notifications, packs } = deps;
  const calendar = holidayCalendar(packs.holidays);
  const description = (await keyring.open(tx, row.descriptionSealed, descriptionAad(row.id))).toString();
  const notified: string[] = [];
  const offPlatform: string[] = [];
  for (const cid of componentIds) {
    const c = row.productId ? await productRepository.findComponent(tx, row.productId, cid) : undefined;
    if (!c) continue;
    if (!c.upstreamVendorOrgId) {
      offPlatform.push(c.purl);
      continue;
    }
    const id = randomUUID();
    const clocks = planClocks(ctx.now, packs.rmsv, calendar);
    const linked = await reportRepository.insert(tx, {
      id,
      ref: await reportRepository.nextRef(tx, Number(ctx.now.toISOString().slice(0, 4))),
      state: 'submitted',
      productText: { vendorName: '', productName: c.name, model: c.version ?? undefined },
      vendorOrgId: c.upstreamVendorOrgId,
      reporterKind: 'upstream-notice',
      reporterOrgId: row.vendorOrgId,
      title: `[上游组件 / upstream] ${c.name}: ${row.title}`,
      affectedVersions: c.version ? [c.version] : row.affectedVersions,
      cwe: row.cwe,
      descriptionSealed: await keyring.seal(
        tx,
        `${description}\n\n— ${c.purl} (via ${row.ref})`,
        descriptionAad(id),
        ctx.now,
      ),
      cvss: row.cvss,
      gbtIndicators: row.gbtIndicators,
      gbtGrade: row.gbtGrade,
      parentReportId: row.id,
      awareAt: ctx.now,
      verifyDueAt: clocks.verifyDueAt,
      upstreamNotifyDueAt: clocks.upstreamNotifyDueAt,
      nationalReportDueAt: clocks.nationalReportDueAt,
      escalateAt: clocks.escalateAt,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordEvent(deps, tx, ctx, id, {
      kind: 'intake',
      toState: 'submitted',
      data: { upstreamOf: row.ref, purl: c.purl },
    });
    await notifications.notify(tx, ctx, {
      orgIds: [c.upstreamVendorOrgId],
      kind: 'vulnerability.upstream',
      title: `${linked.ref} ${linked.title}`,
      body: 'A downstream vendor confirmed a vulnerability in your component (RMSV art. 7(1)).',
      link: `/vulnerabilities/${id}`,
      data: { reportId: id, parentReportId: row.id },
    });
    notified.push(linked.ref);
  }
  if (notified.length) await reportRepository.update(tx, row.id, { upstreamNotifiedAt: ctx.now });
  await recordEvent(deps, tx, ctx, row.id, {
    kind: 'upstream-notified',
    data: { linkedReports: notified, notOnPlatform: offPlatform },
    reporterVisible: false,
  });
}

/** RMSV art. 7(3): tell users who must act, including downstream vendors that ship this vendor's products. */
async function notifyDownstream(
  deps: VulnDeps,
  tx: Db,
  ctx: RequestContext,
  row: ReportRow,
  message: string,
) {
  const downstream = row.vendorOrgId ? await productRepository.downstreamVendors(tx, row.vendorOrgId) : [];
  const n = await deps.notifications.notify(tx, ctx, {
    orgIds: downstream,
    kind: 'vulnerability.fix-available',
    title: `${row.ref} ${row.title}`,
    body: message,
    data: { ref: row.ref, fix: row.fix },
  });
  await recordEvent(deps, tx, ctx, row.id, {
    kind: 'users-notified',
    data: { downstreamVendors: downstream.length, recipients: n },
  });
}
