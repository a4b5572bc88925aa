import { createHash, randomUUID } from 'node:crypto';
import type { EvidenceFile, EvidenceUpload } from '../../../contracts/assessments';
import { labelFor, sniff } from '../../../lib/files/sniff';
import { type RequestContext, requireActor } from '../../core/actor';
import { notFound } from '../../core/errors';
import { safeFilename } from '../../core/safe-filename';
import type { Db } from '../../db/client';
import { orgScopeFor } from '../identity';
import type { Keyring } from '../keyring';
import { evidenceErrors } from './evidence.errors';
import { evidenceRepository as repo } from './evidence.repository';
import type { EvidenceFileRow } from './evidence.table';

/** Largest evidence file accepted, before sealing. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** What an evidence file proves: a subject of some module, optionally one part of it (e.g. a control id). */
export interface EvidenceSubject {
  orgId: string;
  kind: string;
  id: string;
  part?: string | null;
}

/** What the evidence service is built from. */
export interface EvidenceDeps {
  db: Db;
  keyring: Keyring;
}

// The AAD binds the ciphertext to its org and subject, so a sealed blob moved to another row does not open.
const aad = (f: Pick<EvidenceFileRow, 'id' | 'orgId' | 'subjectKind' | 'subjectId'>) =>
  `evidence:${f.orgId}:${f.subjectKind}:${f.subjectId}:${f.id}`;

/** An evidence row as the API shows it (never the sealed bytes). */
export const toEvidence = (f: Omit<EvidenceFileRow, 'sealed'>): EvidenceFile => ({
  id: f.id,
  subjectPart: f.subjectPart,
  filename: f.filename,
  contentType: f.contentType,
  size: f.size,
  sha256: f.sha256,
  uploadedBy: f.uploadedBy,
  createdAt: f.createdAt.toISOString(),
});

/**
 * Sealed evidence files for programme records. The owning module authorizes the subject and calls `attach` inside
 * its own transaction (and audits there); downloads are scoped by the file's org like any other object.
 */
export function createEvidenceService(deps: EvidenceDeps) {
  const { db, keyring } = deps;
  return {
    /** Checks, seals and stores an upload for a subject the caller has already authorized. */
    async attach(tx: Db, ctx: RequestContext, subject: EvidenceSubject, body: EvidenceUpload) {
      const bytes = Buffer.from(body.contentBase64, 'base64');
      if (bytes.length === 0) throw evidenceErrors.badFile('The file is empty or not base64.');
      if (bytes.length > MAX_EVIDENCE_BYTES)
        throw evidenceErrors.badFile(`The file is larger than ${MAX_EVIDENCE_BYTES} bytes.`);
      const kind = sniff(bytes);
      if (kind.executable) {
        throw evidenceErrors.badFile(
          `The file is an executable (${kind.mime}); evidence is documents, images, text or archives.`,
        );
      }
      const id = randomUUID();
      const key = { id, orgId: subject.orgId, subjectKind: subject.kind, subjectId: subject.id };
      const row = await repo.insert(tx, {
        ...key,
        subjectPart: subject.part ?? null,
        filename: safeFilename(body.filename),
        contentType: labelFor(body.contentType, kind),
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sealed: await keyring.seal(tx, bytes, aad(key), ctx.now),
        uploadedBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now,
      });
      return toEvidence(row);
    },

    /** Evidence of some subjects of one kind, by subject id. */
    async of(dbOrTx: Db, kind: string, subjectIds: readonly string[]): Promise<Map<string, EvidenceFile[]>> {
      const out = new Map<string, EvidenceFile[]>();
      for (const f of await repo.ofSubjects(dbOrTx, kind, subjectIds))
        out.set(f.subjectId, [...(out.get(f.subjectId) ?? []), toEvidence(f)]);
      return out;
    },

    /** How many files a subject has. */
    count: (dbOrTx: Db, kind: string, subjectId: string) => repo.count(dbOrTx, kind, subjectId),

    /** Opens a file for its org or a regulator whose scope holds that org. */
    async download(ctx: RequestContext, id: string) {
      const f = await repo.findInScope(db, orgScopeFor(requireActor(ctx)), id);
      if (!f) throw notFound('evidence file');
      return {
        filename: f.filename,
        contentType: f.contentType,
        bytes: await keyring.open(db, f.sealed, aad(f)),
      };
    },
  };
}

/** The evidence service's public type. */
export type EvidenceService = ReturnType<typeof createEvidenceService>;
