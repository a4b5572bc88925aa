import { createHash, randomUUID } from 'node:crypto';
import { labelFor, sniff } from '../../../lib/files/sniff';
import { type RequestContext, requireActor } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import { safeFilename } from '../../core/safe-filename';
import { inTransaction } from '../../db/tx';
import { recordEvent } from './timeline';
import { attachmentAad, type VulnDeps } from './vulnerabilities.deps';
import { vulnErrors } from './vulnerabilities.errors';
import { relationTo, reportScopeFor } from './vulnerabilities.policy';
import { reportRepository } from './vulnerabilities.repository';

/** Largest proof-of-concept attachment accepted, before sealing. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Proof-of-concept and evidence files, sealed at rest and readable only by the report's parties. */
export function createAttachmentsService(deps: VulnDeps) {
  const { db, audit, keyring } = deps;
  return {
    /** Adds a sealed attachment; the reporter or the vendor's staff. */
    async upload(
      ctx: RequestContext,
      reportId: string,
      body: { filename: string; contentType: string; contentBase64: string; exploitTool: boolean },
    ) {
      const actor = requireActor(ctx);
      const bytes = Buffer.from(body.contentBase64, 'base64');
      if (bytes.length === 0) throw vulnErrors.badAttachment('The file is empty or not base64.');
      if (bytes.length > MAX_ATTACHMENT_BYTES)
        throw vulnErrors.badAttachment(`The file is larger than ${MAX_ATTACHMENT_BYTES} bytes.`);
      // An executable proof of concept is an exploit tool whatever the uploader ticked (RMSV art. 9(4)).
      const kind = sniff(bytes);
      const exploitTool = body.exploitTool || kind.executable;
      return inTransaction(db, async (tx) => {
        const row = await reportRepository.find(tx, reportScopeFor(actor), reportId);
        if (!row) throw notFound('report');
        const rel = relationTo(actor, row);
        if (actor.role === 'viewer' || !(rel.isReporter || rel.isProductProvider)) throw forbidden();
        const id = randomUUID();
        const a = await reportRepository.addAttachment(tx, {
          id,
          reportId,
          filename: safeFilename(body.filename),
          contentType: labelFor(body.contentType, kind),
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          sealed: await keyring.seal(tx, bytes, attachmentAad(reportId, id), ctx.now),
          exploitTool,
          uploadedBy: actor.userId,
          createdAt: ctx.now,
        });
        await recordEvent(deps, tx, ctx, reportId, {
          kind: 'attachment-added',
          data: { attachmentId: id, filename: a.filename, exploitTool: a.exploitTool },
        });
        await audit.append(tx, ctx, {
          action: 'vulnerability.attachment_added',
          entityType: 'vulnerability',
          entityId: reportId,
          orgId: row.vendorOrgId,
          data: { attachmentId: id, sha256: a.sha256, size: a.size },
        });
        return {
          id,
          filename: a.filename,
          size: a.size,
          exploitTool: a.exploitTool,
          public: a.public,
          createdAt: a.createdAt.toISOString(),
        };
      });
    },

    /** Opens an attachment for a party to the report. */
    async download(ctx: RequestContext, reportId: string, attachmentId: string) {
      const actor = requireActor(ctx);
      const row = await reportRepository.find(db, reportScopeFor(actor), reportId);
      if (!row) throw notFound('report');
      const a = await reportRepository.attachment(db, reportId, attachmentId);
      if (!a) throw notFound('attachment');
      return { filename: a.filename, bytes: await keyring.open(db, a.sealed, attachmentAad(reportId, a.id)) };
    },
  };
}

/** The attachments service's public type. */
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
