import { scoreCvss } from '../../../lib/cvss';
import { planClocks } from '../../modules/vulnerabilities/rules/clocks';
import type { State } from '../../modules/vulnerabilities/rules/lifecycle';
import { descriptionAad } from '../../modules/vulnerabilities/vulnerabilities.deps';
import {
  intakeLog,
  nationalReports,
  vulnerabilityEvents,
  vulnerabilityReports,
} from '../../modules/vulnerabilities/vulnerabilities.table';
import { holidayCalendar } from '../../regulations/working-days';
import { BulkWriter, reserve } from './bulk';
import { type NationalRun, plusDays, plusMinutes, type SeedOrg, tally } from './context';
import type { SeedProduct } from './orgs';
import type { Rng } from './random';
import { VULN_KINDS } from './vocab';

const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
  'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
  'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
];

/** The main path of the RMSV lifecycle with the event that enters each state. */
const PATH: [State, string][] = [
  ['triage', 'start-triage'],
  ['confirmed', 'confirm'],
  ['nationally-reported', 'report-nationally'],
  ['fix-available', 'release-fix'],
  ['users-notified', 'notify-users'],
];

type Step = { state: State; event: string; at: Date };

/** Where a report ended up, and when each step happened (steps that would fall after now are not taken). */
function lifecycle(run: NationalRun, rng: Rng, awareAt: Date, dueAt: Date, canDuplicate: boolean) {
  const drawn = rng.weighted({
    'users-notified': 35,
    'fix-available': 18,
    'nationally-reported': 14,
    confirmed: 8,
    triage: 4,
    'needs-info': 3,
    submitted: 2,
    rejected: 10,
    duplicate: 6,
  });
  // A duplicate needs an earlier report of the same product to point at.
  const target = drawn === 'duplicate' && !canDuplicate ? 'rejected' : drawn;
  const steps: Step[] = [];
  let at = awareAt;
  let late = false;
  const take = (state: State, event: string, next: Date) => {
    if (next > run.now) return false;
    steps.push({ state, event, at: next });
    at = next;
    return true;
  };
  if (target === 'submitted') return { steps, late };
  if (target === 'duplicate') {
    take('duplicate', 'mark-duplicate', plusMinutes(at, rng.int(30, 24 * 60)));
    return { steps, late };
  }
  take('triage', 'start-triage', plusMinutes(at, rng.int(20, 12 * 60)));
  if (target === 'triage' || steps.length === 0) return { steps, late };
  if (target === 'needs-info' || target === 'rejected') {
    take(target, target === 'rejected' ? 'reject' : 'request-info', plusMinutes(at, rng.int(60, 48 * 60)));
    return { steps, late };
  }
  const targetIndex = PATH.findIndex(([s]) => s === target);
  for (const [i, [state, event]] of PATH.entries()) {
    if (i === 0) continue;
    if (i > targetIndex) break;
    let next: Date;
    if (state === 'confirmed') next = plusMinutes(at, rng.int(60, 30 * 60));
    else if (state === 'nationally-reported') {
      // RMSV art. 7(2): most vendors report within the 2 days; some late.
      late = at >= dueAt || rng.chance(0.18);
      next = late ? plusMinutes(dueAt, rng.int(60, 6 * 24 * 60)) : rng.between(plusMinutes(at, 5), dueAt);
    } else if (state === 'fix-available') next = plusDays(at, rng.int(3, 60));
    else next = plusDays(at, rng.int(1, 10));
    if (!take(state, event, next)) break;
  }
  return { steps, late };
}

/**
 * Vulnerability reports against the vendors' products under RMSV: routed to the vendor at intake (the clocks start
 * then, computed by the module's own clock rule), moved along the lifecycle as far as their age allows, national
 * reports made on time, late or not at all (overdue), reminders and escalation already recorded as the deadline
 * watch would have, descriptions sealed like intake seals them.
 */
export async function seedVulnerabilities(run: NationalRun, products: SeedProduct[]): Promise<void> {
  const rng = run.rng.fork('vulnerabilities');
  const { rmsv } = run.services.packs;
  const cal = holidayCalendar(run.services.packs.holidays);
  const n = Math.max(6, Math.round(0.06 * run.enterprises.length));
  const drafts = Array.from({ length: n }, () => {
    const product = rng.pick(products);
    const awareAt = rng.between(run.from, plusDays(run.now, -0.02));
    return { id: rng.uuid(), product, awareAt };
  }).sort((a, b) => a.awareAt.getTime() - b.awareAt.getTime());
  const numbers = await reserve(run.tx, 'vulnerability_ref_seq', n);
  const reports = new BulkWriter(run.tx, vulnerabilityReports);
  const events = new BulkWriter(run.tx, vulnerabilityEvents, [reports]);
  const national = new BulkWriter(run.tx, nationalReports, [reports]);
  const intake = new BulkWriter(run.tx, intakeLog);
  const earlier = new Map<string, string>();
  for (const [i, { id, product, awareAt }] of drafts.entries()) {
    const vendor = product.vendor;
    const plan = planClocks(awareAt, rmsv, cal);
    const { steps, late } = lifecycle(run, rng, awareAt, plan.nationalReportDueAt, earlier.has(product.id));
    const state = steps.at(-1)?.state ?? 'submitted';
    const when = (s: State) => steps.find((x) => x.state === s)?.at ?? null;
    const reporter: SeedOrg | null = rng.chance(0.8) ? rng.pick(run.researchers) : null;
    const kind = VULN_KINDS[rng.int(0, VULN_KINDS.length - 1)]!;
    const versions = rng.sample(product.versions, rng.int(1, product.versions.length));
    const cvss = scoreCvss(rng.pick(VECTORS));
    const verifiedAt = when('confirmed');
    const reportedAt = when('nationally-reported');
    const fixedAt = when('fix-available');
    const duplicateOf = state === 'duplicate' ? (earlier.get(product.id) ?? null) : null;
    // The watch reminds before each clock (not the upstream one) until it is met, and escalates once overdue.
    const stoppedAt = reportedAt ?? (['rejected', 'duplicate'].includes(state) ? steps.at(-1)!.at : run.now);
    const reminders = plan.reminders.filter(
      (r) =>
        r.clock !== 'upstream-notify' &&
        r.at <= stoppedAt &&
        !(r.clock === 'verify' && verifiedAt && verifiedAt <= r.at),
    );
    const escalatedAt = stoppedAt >= plan.escalateAt ? plan.escalateAt : null;
    const ref = `BWK-${awareAt.getUTCFullYear()}-${String(numbers[i]).padStart(5, '0')}`;
    const title = `${product.name} ${product.model} ${kind.title}`;
    await reports.add({
      id,
      ref,
      state,
      productId: product.id,
      vendorOrgId: vendor.orgId,
      reporterKind: reporter ? 'researcher' : 'vendor-internal',
      reporterOrgId: reporter?.orgId ?? vendor.orgId,
      reporterUserId: reporter?.userId ?? vendor.userId,
      title,
      affectedVersions: versions,
      cwe: kind.cwe,
      descriptionSealed: await run.services.keyring.seal(
        run.tx,
        `${title}：攻击者可利用该漏洞影响受影响版本 ${versions.join('、')} 的设备。复现步骤与验证材料已提交。`,
        descriptionAad(id),
        run.now,
      ),
      cvss: [
        { vector: cvss.vector, version: cvss.version, baseScore: cvss.baseScore, severity: cvss.severity },
      ],
      externalIds: {},
      assessment: verifiedAt
        ? {
            harm: '可导致设备被远程控制或拒绝服务',
            scope: `${product.name}在工业现场部署的受影响版本`,
            upstreamAffected: false,
          }
        : null,
      fix: fixedAt
        ? { kind: 'fix', description: '升级至修复版本', url: null, fixedVersions: [`${versions.at(-1)}-p1`] }
        : null,
      duplicateOf,
      awareAt,
      verifyDueAt: plan.verifyDueAt,
      upstreamNotifyDueAt: plan.upstreamNotifyDueAt,
      nationalReportDueAt: plan.nationalReportDueAt,
      escalateAt: plan.escalateAt,
      verifiedAt,
      nationalReportedAt: reportedAt,
      usersNotifiedAt: when('users-notified'),
      escalatedAt,
      remindersSent: reminders.map((r) => r.kind),
      createdAt: awareAt,
      updatedAt: steps.at(-1)?.at ?? awareAt,
    });
    earlier.set(product.id, id);
    await intake.add({
      at: awareAt,
      event: 'submitted',
      channel: 'api',
      reportId: id,
      reportRef: ref,
      reporterKind: reporter ? 'researcher' : 'vendor-internal',
      reporterOrgId: reporter?.orgId ?? vendor.orgId,
      reporterUserId: reporter?.userId ?? vendor.userId,
      data: { productId: product.id, onBehalfOf: null },
    });
    const timeline: (typeof vulnerabilityEvents.$inferInsert)[] = [
      {
        reportId: id,
        at: awareAt,
        kind: 'intake',
        toState: 'submitted',
        actorUserId: reporter?.userId ?? vendor.userId,
        actorOrgId: reporter?.orgId ?? vendor.orgId,
        data: {
          reporterKind: reporter ? 'researcher' : 'vendor-internal',
          routedTo: 'vendor',
          duplicateCandidates: 0,
        },
      },
    ];
    let from: State = 'submitted';
    for (const s of steps) {
      timeline.push({
        reportId: id,
        at: s.at,
        kind: s.event,
        fromState: from,
        toState: s.state,
        actorUserId: vendor.userId,
        actorOrgId: vendor.orgId,
        data: s.state === 'nationally-reported' ? { late } : {},
      });
      from = s.state;
    }
    for (const r of reminders) {
      timeline.push({
        reportId: id,
        at: r.at,
        kind: 'reminder',
        data: { reminder: r.kind, clock: r.clock },
        reporterVisible: false,
      });
    }
    if (escalatedAt) {
      timeline.push({
        reportId: id,
        at: escalatedAt,
        kind: 'escalated',
        data: { dueAt: plan.nationalReportDueAt.toISOString() },
        reporterVisible: false,
      });
    }
    for (const ev of timeline.sort((a, b) => a.at.getTime() - b.at.getTime())) await events.add(ev);
    if (reportedAt) {
      const acknowledged = rng.chance(0.6) ? plusDays(reportedAt, rng.int(1, 10)) : null;
      await national.add({
        reportId: id,
        vendorOrgId: vendor.orgId,
        fields: {
          productName: product.name,
          productModel: product.model,
          productVersion: versions.join(', '),
          technicalCharacteristics: `${kind.cwe} ${kind.title}`,
          harm: '可导致设备被远程控制或拒绝服务',
          scope: `${product.name}在工业现场部署的受影响版本`,
        },
        status: acknowledged && acknowledged <= run.now ? 'acknowledged' : 'filed',
        late,
        dueAt: plan.nationalReportDueAt,
        submittedAt: reportedAt,
        submittedBy: vendor.userId,
        acknowledgedAt: acknowledged && acknowledged <= run.now ? acknowledged : null,
      });
    }
  }
  await reports.flush();
  await events.flush();
  await national.flush();
  await intake.flush();
  tally(run, 'vulnerability_reports', reports.count);
  tally(run, 'vulnerability_events', events.count);
  tally(run, 'national_reports', national.count);
  tally(run, 'intake_log', intake.count);
}
