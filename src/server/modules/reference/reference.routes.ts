import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Province } from '../../../contracts/identity';
import { PROVINCES } from '../../../lib/china/gbt2260';
import { PUBLIC } from '../../core/access';

/** Public reference data (GB/T 2260 provinces). */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reference/provinces', {
    config: { access: PUBLIC },
    schema: { tags: ['reference'], response: { 200: z.array(Province) } },
    handler: async () => [...PROVINCES],
  });
};
