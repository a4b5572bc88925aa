import type { RequestContext } from '../../core/actor';
import type { Db } from '../../db/client';
import type { AuditService } from '../audit';
import type { Keyring } from '../keyring';
import type { NotificationsService } from '../notifications';
import type { RegulationPacks } from './rules/regulation-pack';

/** What the vulnerability services are built from. */
export interface VulnDeps {
  db: Db;
  audit: AuditService;
  keyring: Keyring;
  notifications: NotificationsService;
  packs: RegulationPacks;
  /** Base URL of the public pages, for advisory links and the CSAF publisher namespace. */
  publicUrl: string;
  /** Called after an advisory is published, with its OSV record (the exposure matcher takes it in). */
  onPublished?: (ctx: RequestContext, osv: Record<string, unknown>) => Promise<unknown>;
}

/** The sealing context of a report's description, so a blob cannot be moved to another report. */
export const descriptionAad = (reportId: string) => `vulnerability:${reportId}:description`;
/** The sealing context of a timeline note. */
export const noteAad = (reportId: string) => `vulnerability:${reportId}:note`;
/** The sealing context of an attachment. */
export const attachmentAad = (reportId: string, attachmentId: string) =>
  `vulnerability:${reportId}:attachment:${attachmentId}`;
