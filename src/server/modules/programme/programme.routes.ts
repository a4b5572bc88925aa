import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParam } from '../../../contracts/common';
import { CoverageQuery, CoverageSummary, ProgrammeOverview } from '../../../contracts/programme';
import type { ProgrammeService } from './programme.service';

const tags = ['programme'];
const REGULATORS = { orgKinds: ['ministry', 'provincial-regulator'] } as const;

/** The programme home: an enterprise's coverage and obligations, and regulators' coverage of their scope. */
export const programmeRoutes: FastifyPluginAsyncZod<{ programme: ProgrammeService }> = async (app, d) => {
  app.get('/api/programme/overview', {
    config: { access: { orgKinds: ['enterprise'] } },
    schema: { tags, response: { 200: ProgrammeOverview } },
    handler: (req) => d.programme.overview(req.ctx),
  });
  app.get('/api/programme/enterprises/:id/overview', {
    config: { access: REGULATORS },
    schema: { tags, params: IdParam, response: { 200: ProgrammeOverview } },
    handler: (req) => d.programme.enterpriseOverview(req.ctx, req.params.id),
  });
  app.get('/api/programme/coverage', {
    config: { access: REGULATORS },
    schema: { tags, querystring: CoverageQuery, response: { 200: CoverageSummary } },
    handler: (req) => d.programme.coverage(req.ctx, req.query),
  });
};
