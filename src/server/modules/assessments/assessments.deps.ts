import type { Db } from '../../db/client';
import type { ProgrammePacks } from '../../programme-rules/programme-pack';
import type { AuditService } from '../audit';
import type { EvidenceService } from '../evidence';
import type { NotificationsService } from '../notifications';

/** What the assessments services are built from. */
export interface AssessmentsDeps {
  db: Db;
  audit: AuditService;
  notifications: NotificationsService;
  evidence: EvidenceService;
  packs: ProgrammePacks;
}

/** Evidence subject kinds this module owns. */
export const EVIDENCE_KIND = {
  answer: 'examination-answer',
  action: 'corrective-action',
} as const;
