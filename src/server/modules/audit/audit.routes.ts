import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntry, AuditListQuery, AuditVerifyResult } from '../../../contracts/audit';
import { page } from '../../../contracts/common';
import { ADMINS } from '../../core/access';
import type { AuditService } from './audit.service';

/** Browse and verify the audit chain. */
export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  const tags = ['audit'];
  app.get('/api/audit', {
    config: { access: ADMINS },
    schema: { tags, querystring: AuditListQuery, response: { 200: page(AuditEntry) } },
    handler: (req) => audit.list(req.ctx, req.query),
  });
  app.get('/api/audit/verify', {
    config: { access: { orgKinds: ['ministry'], roles: ['admin'] } },
    schema: { tags, response: { 200: AuditVerifyResult } },
    handler: () => audit.verify(),
  });
};
