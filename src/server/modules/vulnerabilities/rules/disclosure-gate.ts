import { compareGrades } from './gbt30279';
import type { Grade } from './gbt30279-schema';
import type { RmsvPack } from './rmsv-schema';

/** An authority whose early-publication assessment can be recorded (RMSV art. 9(1)). */
export type Approver = 'MIIT' | 'MPS';

/** What the gate needs to know about a publication (or sharing) request. */
export interface PublicationRequest {
  /** The provider has offered a fix or mitigation. */
  fixOrMitigationAvailable: boolean;
  /** Authorities whose assessment of an early publication is on record. */
  approvals: readonly Approver[];
  /** The publication itself carries the fix or mitigation. */
  includesFixOrMitigation: boolean;
  attachments: readonly { id: string; exploitTool: boolean; public: boolean }[];
  /** Record fields and whether each is flagged as operator-system detail and would be published. */
  fields: readonly { path: string; operatorSystemDetail: boolean; published: boolean }[];
  recipients: readonly { id: string; overseas: boolean; productProvider: boolean }[];
  /** MPS consent to publish during a major-event freeze. */
  mpsConsent: boolean;
  /** The grade the publication states, and the recorded GB/T 30279 grade. */
  publishedGrade?: Grade | null;
  assessedGrade?: Grade | null;
}

/** A major-event freeze window: [from, to). */
export interface FreezeWindow {
  name: string;
  from: Date;
  to: Date;
}

/** Stable refusal codes, one per RMSV art. 9 check. */
export type GateCode =
  | 'no-fix-and-no-approval'
  | 'operator-details'
  | 'exaggeration-flag'
  | 'exploit-tool-public'
  | 'mitigation-missing'
  | 'freeze-window'
  | 'overseas-recipient';

/** One failed check: its code, the clause from the pack, and the offending item's path where there is one. */
export interface GateFailure {
  code: GateCode;
  clause: string;
  path?: string;
  message: string;
}

/** The pack's freeze windows as instants. */
export const packFreezeWindows = (rmsv: RmsvPack): FreezeWindow[] =>
  rmsv.disclosure.majorEventFreeze.value.windows.map((w) => ({
    name: w.name,
    from: new Date(w.from),
    to: new Date(w.to),
  }));

/** Runs every RMSV art. 9 check and returns all failures; `windows` adds ministry-configured freezes to the pack's. */
export function checkDisclosure(
  req: PublicationRequest,
  rmsv: RmsvPack,
  now: Date,
  windows: readonly FreezeWindow[] = [],
): { ok: boolean; failures: GateFailure[] } {
  const d = rmsv.disclosure;
  const out: GateFailure[] = [];
  const fail = (code: GateCode, clause: string, message: string, path?: string) =>
    out.push(path === undefined ? { code, clause, message } : { code, clause, message, path });

  // RMSV art. 9(1): no publication before a fix, unless every listed authority has assessed it.
  const missing = d.earlyPublicationApprovers.value.filter((a) => !req.approvals.includes(a));
  if (d.requireFixOrApproval.value && !req.fixOrMitigationAvailable && missing.length > 0) {
    fail(
      'no-fix-and-no-approval',
      d.requireFixOrApproval.clause,
      `no fix or mitigation, and no assessment by ${missing.join(', ')}`,
    );
  }
  // RMSV art. 9(2): no details of vulnerabilities in systems operators are using.
  if (d.forbidOperatorDetails.value) {
    for (const f of req.fields) {
      if (f.operatorSystemDetail && f.published) {
        fail(
          'operator-details',
          d.forbidOperatorDetails.clause,
          'operator-system detail would be published',
          f.path,
        );
      }
    }
  }
  // RMSV art. 9(3): intent is not checkable; a stated grade above the recorded one is.
  if (d.forbidExaggeration.value && req.publishedGrade && req.assessedGrade) {
    if (compareGrades(req.publishedGrade, req.assessedGrade) > 0) {
      const msg = `states ${req.publishedGrade}, recorded grade is ${req.assessedGrade}`;
      fail('exaggeration-flag', d.forbidExaggeration.clause, msg, 'publishedGrade');
    }
  }
  // RMSV art. 9(4): no tools made to exploit the vulnerability.
  if (d.forbidExploitTools.value) {
    req.attachments.forEach((a, i) => {
      if (a.exploitTool && a.public) {
        fail(
          'exploit-tool-public',
          d.forbidExploitTools.clause,
          `attachment ${a.id} is an exploit tool`,
          `attachments.${i}`,
        );
      }
    });
  }
  // RMSV art. 9(5)? (unconfirmed numbering): publish the fix or mitigation with the vulnerability.
  if (d.requireMitigationWithPublication.value && !req.includesFixOrMitigation) {
    fail(
      'mitigation-missing',
      d.requireMitigationWithPublication.clause,
      'the publication carries no fix or mitigation',
    );
  }
  // RMSV art. 9(6)? (unconfirmed): no publication during a major state event without MPS consent.
  const freeze = d.majorEventFreeze;
  if (freeze.value.enabled && !req.mpsConsent) {
    const t = now.getTime();
    for (const w of [...packFreezeWindows(rmsv), ...windows]) {
      if (t >= w.from.getTime() && t < w.to.getTime()) {
        fail('freeze-window', freeze.clause, `publication freeze "${w.name}" is in force`);
      }
    }
  }
  // RMSV art. 9(7): no undisclosed information to overseas parties other than the product's own provider.
  if (d.forbidOverseasRecipients.value) {
    req.recipients.forEach((r, i) => {
      if (r.overseas && !r.productProvider) {
        fail(
          'overseas-recipient',
          d.forbidOverseasRecipients.clause,
          `recipient ${r.id} is overseas`,
          `recipients.${i}`,
        );
      }
    });
  }
  return { ok: out.length === 0, failures: out };
}
