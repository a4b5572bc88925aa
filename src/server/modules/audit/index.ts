/** Public surface of the audit module: the append-only SM3 chain. */

export { ChainVerifier, chainHash } from './audit.chain';
export { auditRoutes } from './audit.routes';
export { type AuditEvent, type AuditService, createAuditService } from './audit.service';
