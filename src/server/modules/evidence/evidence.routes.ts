import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParam } from '../../../contracts/common';
import { SIGNED_IN } from '../../core/access';
import type { EvidenceService } from './evidence.service';

/** The service behind the evidence routes. */
export interface EvidenceRouteDeps {
  evidence: EvidenceService;
}

/** Evidence downloads; uploads go through the module that owns the subject. */
export const evidenceRoutes: FastifyPluginAsyncZod<EvidenceRouteDeps> = async (app, d) => {
  app.get('/api/evidence/:id', {
    config: { access: SIGNED_IN },
    schema: { tags: ['evidence'], params: IdParam, description: 'The evidence file, decrypted' },
    handler: async (req, reply) => {
      const f = await d.evidence.download(req.ctx, req.params.id);
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  });
};
