/** Public surface of the evidence module: sealed evidence files for programme records. */
export { type EvidenceRouteDeps, evidenceRoutes } from './evidence.routes';
export {
  createEvidenceService,
  type EvidenceService,
  type EvidenceSubject,
  MAX_EVIDENCE_BYTES,
  toEvidence,
} from './evidence.service';
