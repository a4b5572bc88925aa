import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { IntakeBody } from '../../../contracts/vulnerabilities';
import { CvssError, scoreCvss } from '../../../lib/cvss';
import type { Actor, RequestContext } from '../../core/actor';
import { randomToken, tokenHash } from '../../core/crypto';
import { forbidden } from '../../core/errors';
import { inTransaction } from '../../db/tx';
import { holidayCalendar } from '../../regulations/working-days';
import { orgRepository } from '../identity/identity.repository';
import { filingRepository, isFiled } from '../platforms';
import { productRepository } from '../products/products.repository';
import { planClocks } from './rules/clocks';
import { gradeVulnerability } from './rules/gbt30279';
import { intake as intakeRule } from './rules/lifecycle';
import { duplicateScore } from './rules/national-report';
import { lifecycleRole } from './rules/roles';
import { recordEvent } from './timeline';
import { descriptionAad, type VulnDeps } from './vulnerabilities.deps';
import { vulnErrors } from './vulnerabilities.errors';
import { toReport } from './vulnerabilities.mappers';
import { canFileReport } from './vulnerabilities.policy';
import { reportRepository } from './vulnerabilities.repository';
import type { ReportRow } from './vulnerabilities.table';

/** Request facts the RMSV art. 5 intake log keeps. */
export interface IntakeMeta {
  ip: string | null;
  userAgent: string | null;
}

type Body = z.infer<typeof IntakeBody>;

/** The reporter kind an actor files as. */
function reporterKind(actor: Actor | null, productVendor: string | null) {
  if (!actor) return 'anonymous' as const;
  if (actor.orgKind === 'collection-platform') return 'platform' as const;
  if (actor.orgKind === 'vendor' && actor.orgId === productVendor) return 'vendor-internal' as const;
  return 'researcher' as const;
}

/** Parses and scores each CVSS vector; a bad one is a 400 at its index. */
function scoreAll(vectors: string[]) {
  return vectors.map((v, i) => {
    try {
      const s = scoreCvss(v);
      return { vector: s.vector, version: s.version, baseScore: s.baseScore, severity: s.severity };
    } catch (e) {
      if (e instanceof CvssError) throw vulnErrors.badCvss(i, e.message);
      throw e;
    }
  });
}

/**
 * Intake (RMSV art. 5 and 7): researchers, filed collection platforms, vendors' own staff and anonymous reporters.
 * A report on a catalogued product lands in its vendor's inbox, which starts the art. 7 clocks; otherwise it waits
 * in the ministry's coordination queue until a vendor is assigned.
 */
export function createIntakeService(deps: VulnDeps) {
  const { db, audit, keyring, notifications, packs } = deps;
  const calendar = holidayCalendar(packs.holidays);

  async function checkReporter(tx: typeof db, actor: Actor | null, body: Body) {
    if (!actor) return;
    if (!canFileReport(actor))
      throw forbidden('Your organisation kind or role cannot file vulnerability reports.');
    if (actor.orgKind === 'collection-platform') {
      if (!isFiled((await filingRepository.findByOrg(tx, actor.orgId))?.status as never))
        throw vulnErrors.platformNotFiled();
    } else if (body.onBehalfOf) {
      throw vulnErrors.onBehalfNotAllowed();
    }
  }

  async function findDuplicates(tx: typeof db, row: ReportRow) {
    const pool = await reportRepository.duplicatePool(tx, row.productId, row.vendorOrgId, row.id);
    const subject = (x: ReportRow) => ({
      product: x.productId ?? `${x.productText?.vendorName}/${x.productText?.productName}`,
      cwe: x.cwe,
      versions: x.affectedVersions,
      title: x.title,
    });
    return pool
      .map((p) => ({ id: p.id, score: duplicateScore(subject(row), subject(p), packs.rmsv) }))
      .filter((c) => c.score.candidate)
      .map((c) => ({ id: c.id, score: Math.round(c.score.score * 100) / 100 }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
  }

  return {
    /** Files a report; anonymous reporters get a claim code (shown once) to follow it. */
    async submit(ctx: RequestContext, body: Body, meta: IntakeMeta) {
      const actor = ctx.actor;
      const cvss = scoreAll(body.cvss);
      // GB/T 30279: the comprehensive grade needs environment factors; without them the technical grade stands.
      const graded = body.gbt ? gradeVulnerability(body.gbt, packs.gbt) : null;
      const grade = graded ? (graded.comprehensiveGrade ?? graded.technicalGrade) : null;
      const claimCode = actor ? null : randomToken(18, 'BWK-C-');
      const result = await inTransaction(db, async (tx) => {
        await checkReporter(tx, actor, body);
        const product = body.productId ? await productRepository.find(tx, body.productId) : undefined;
        if (body.productId && !product) throw vulnErrors.unknownProduct();
        const vendorOrgId = product?.vendorOrgId ?? null;
        const kind = reporterKind(actor, vendorOrgId);
        const role = lifecycleRole(actor, {
          isReporter: true,
          isProductProvider: vendorOrgId !== null && actor?.orgId === vendorOrgId,
        });
        const decision = intakeRule(role === 'viewer' ? 'reporter' : role);
        if (!decision.ok) throw forbidden();
        // RMSV art. 7: the provider is aware once the report reaches its inbox, which is now when it is routed.
        const awareAt = vendorOrgId ? ctx.now : null;
        const clocks = awareAt ? planClocks(awareAt, packs.rmsv, calendar) : null;
        const id = randomUUID();
        const row = await reportRepository.insert(tx, {
          id,
          ref: await reportRepository.nextRef(tx, Number(ctx.now.toISOString().slice(0, 4))),
          state: decision.next,
          productId: product?.id ?? null,
          productText: body.productText ?? null,
          vendorOrgId,
          reporterKind: kind,
          reporterOrgId: actor?.orgId ?? null,
          reporterUserId: actor?.userId ?? null,
          onBehalfOf: body.onBehalfOf ?? null,
          claimCodeHash: claimCode ? tokenHash(claimCode) : null,
          contactEmail: body.contactEmail ?? null,
          title: body.title,
          affectedVersions: body.affectedVersions,
          cwe: body.cwe ?? null,
          descriptionSealed: await keyring.seal(tx, body.description, descriptionAad(id), ctx.now),
          cvss,
          gbtIndicators: body.gbt ?? null,
          gbtGrade: grade,
          awareAt,
          verifyDueAt: clocks?.verifyDueAt ?? null,
          upstreamNotifyDueAt: clocks?.upstreamNotifyDueAt ?? null,
          nationalReportDueAt: clocks?.nationalReportDueAt ?? null,
          escalateAt: clocks?.escalateAt ?? null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        const candidates = await findDuplicates(tx, row);
        const saved = candidates.length
          ? await reportRepository.update(tx, id, { duplicateCandidates: candidates })
          : row;
        await recordEvent(deps, tx, ctx, id, {
          kind: 'intake',
          toState: decision.next,
          data: {
            reporterKind: kind,
            routedTo: vendorOrgId ? 'vendor' : 'ministry-queue',
            duplicateCandidates: candidates.length,
          },
        });
        // RMSV art. 5: every intake is logged.
        await reportRepository.logIntake(tx, {
          at: ctx.now,
          event: 'submitted',
          channel: actor ? 'api' : 'anonymous-web',
          reportId: id,
          reportRef: row.ref,
          reporterKind: kind,
          reporterOrgId: actor?.orgId ?? null,
          reporterUserId: actor?.userId ?? null,
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
          data: { productId: product?.id ?? null, onBehalfOf: body.onBehalfOf ?? null },
        });
        if (kind !== 'vendor-internal') {
          await notifications.notify(tx, ctx, {
            orgIds: vendorOrgId ? [vendorOrgId] : await orgRepository.idsOfKind(tx, 'ministry'),
            kind: vendorOrgId ? 'vulnerability.received' : 'vulnerability.unrouted',
            title: `${row.ref} ${row.title}`,
            body: vendorOrgId
              ? 'A new vulnerability report is in your inbox. RMSV art. 7: verify at once and report to MIIT within 2 days.'
              : 'A report names a product with no vendor on the platform; assign a vendor.',
            link: `/vulnerabilities/${id}`,
            data: { reportId: id, ref: row.ref },
          });
        }
        await audit.append(tx, ctx, {
          action: 'vulnerability.submitted',
          entityType: 'vulnerability',
          entityId: id,
          orgId: vendorOrgId ?? actor?.orgId ?? null,
          data: { ref: row.ref, reporterKind: kind, productId: product?.id ?? null },
        });
        return toReport(
          {
            ...saved,
            productName: product?.name ?? null,
            productModel: product?.model ?? null,
            productPurl: product?.purl ?? null,
            vendorName: product?.vendorName ?? null,
          },
          ctx.now,
          packs.rmsv,
        );
      });
      return { report: result, claimCode };
    },
  };
}

/** The intake service's public type. */
export type IntakeService = ReturnType<typeof createIntakeService>;
