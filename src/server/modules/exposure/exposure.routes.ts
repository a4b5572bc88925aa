import { Readable, Transform } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, page } from '../../../contracts/common';
import {
  AdvisoryImportResult,
  Asset,
  CreateAssetBody,
  Exposure,
  ExposureListQuery,
  SbomUploadResult,
  TriageBody,
} from '../../../contracts/exposure';
import { SIGNED_IN } from '../../core/access';
import { AppError } from '../../core/errors';
import type { AdvisoryImportService } from './advisory-import.service';
import type { ExposureService } from './exposure.service';

/** Services and limits behind the exposure routes. */
export interface ExposureRouteDeps {
  exposure: ExposureService;
  advisoryImport: AdvisoryImportService;
  uploadLimitBytes: number;
}

const STREAMED = [
  'application/json',
  'application/vnd.cyclonedx+json',
  'application/spdx+json',
  'application/x-ndjson',
  'application/zip',
  'application/octet-stream',
];
const REGULATORS = { orgKinds: ['ministry', 'provincial-regulator'] } as const;
const OWNERS = { orgKinds: ['enterprise', 'vendor'], roles: ['admin', 'member'] } as const;

/** Passes bytes through and fails with 413 past `limit`, so a streamed upload is bounded like a parsed one. */
const capped = (limit: number) => {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > limit) cb(new AppError(413, 'request.too_large', `Uploads are limited to ${limit} bytes.`));
      else cb(null, chunk);
    },
  });
};

/** Uploads stream straight into the parsers: an SBOM of 300k components is never held as one JSON value. */
const uploadsPlugin: FastifyPluginAsyncZod<ExposureRouteDeps> = async (app, d) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(STREAMED, (_req, payload, done) => {
    const body = payload.pipe(capped(d.uploadLimitBytes));
    // The cap can trip before the handler reads (inject delivers the payload as one chunk); the reader's pipeline
    // still sees the error, and until then this listener keeps it from being an uncaught 'error' event.
    body.on('error', () => undefined);
    done(null, body);
  });
  // Without a body (or a media type) there is no stream; the services would fail on `undefined`.
  const Upload = z
    .custom<Readable>((v) => v instanceof Readable, 'Send the file as the request body')
    .describe('The SBOM or advisory set, streamed');

  app.put('/api/assets/:id/sbom', {
    config: { access: OWNERS },
    schema: {
      tags: ['exposure'],
      description: 'CycloneDX 1.2–1.7 or SPDX 2.2/2.3 JSON; replaces the asset\u2019s components atomically.',
      params: IdParam,
      body: Upload,
      response: { 200: SbomUploadResult },
    },
    handler: (req) => d.exposure.uploadSbom(req.ctx, req.params.id, req.body),
  });

  app.post('/api/match-advisories/import', {
    config: { access: { orgKinds: ['ministry'], roles: ['admin', 'member'] } },
    schema: {
      tags: ['exposure'],
      description: 'OSV JSON or JSON Lines, CSAF 2.0, Node.js WG JSON, or a zip of them (osv.dev all.zip).',
      body: Upload,
      response: { 200: AdvisoryImportResult },
    },
    handler: (req) => {
      const type = String(req.headers['content-type'] ?? '');
      const kind = type.includes('zip') ? 'zip' : type.includes('ndjson') ? 'jsonl' : 'json';
      return d.advisoryImport.importUpload(req.ctx, req.body, kind);
    },
  });
};

/** Assets, SBOM uploads, exposures and their triage, VEX export, regulators' affected lists. */
export const exposureRoutes: FastifyPluginAsyncZod<ExposureRouteDeps> = async (app, d) => {
  const tags = ['exposure'];
  await app.register(uploadsPlugin, d);

  app.get('/api/assets', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 200: z.array(Asset) } },
    handler: (req) => d.exposure.listAssets(req.ctx),
  });
  app.post('/api/assets', {
    config: { access: OWNERS },
    schema: { tags, body: CreateAssetBody, response: { 201: Asset } },
    handler: async (req, reply) => reply.code(201).send(await d.exposure.createAsset(req.ctx, req.body)),
  });
  app.get('/api/assets/:id', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, response: { 200: Asset } },
    handler: (req) => d.exposure.getAsset(req.ctx, req.params.id),
  });
  app.get('/api/assets/:id/vex', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, description: 'CycloneDX 1.6 VEX of the asset' },
    handler: (req) => d.exposure.vex(req.ctx, req.params.id),
  });
  app.get('/api/exposures', {
    config: { access: SIGNED_IN },
    schema: { tags, querystring: ExposureListQuery, response: { 200: page(Exposure) } },
    handler: (req) => d.exposure.listExposures(req.ctx, req.query),
  });
  app.patch('/api/exposures/:id', {
    config: { access: OWNERS },
    schema: { tags, params: IdParam, body: TriageBody, response: { 200: Exposure } },
    handler: (req) => d.exposure.triage(req.ctx, req.params.id, req.body),
  });
  app.get('/api/match-advisories/:advisoryId/affected', {
    config: { access: REGULATORS },
    schema: {
      tags,
      params: z.strictObject({ advisoryId: z.string().min(1).max(200) }),
      response: {
        200: z.object({
          advisoryId: z.string(),
          orgs: z.array(
            z.object({
              orgId: z.uuid(),
              name: z.string(),
              kind: z.string(),
              provinceCode: z.string().nullable(),
              exposures: z.number().int(),
            }),
          ),
          byProvince: z.array(z.object({ provinceCode: z.string(), orgs: z.number().int() })),
        }),
      },
    },
    handler: (req) => d.exposure.affectedBy(req.ctx, req.params.advisoryId),
  });
  app.post('/api/match-advisories/analyse', {
    config: { access: { orgKinds: ['ministry'], roles: ['admin', 'member'] } },
    schema: {
      tags,
      description: 'Full-portfolio analysis: every advisory against every component, persisted.',
      response: {
        200: z.object({
          advisories: z.number().int(),
          exposures: z.number().int(),
          newExposures: z.number().int(),
          affectedOrgs: z.number().int(),
        }),
      },
    },
    handler: (req) => d.advisoryImport.analysePortfolio(req.ctx),
  });
  app.get('/api/vendor/affected-users', {
    config: { access: { orgKinds: ['vendor'] } },
    schema: {
      tags,
      response: {
        200: z.array(z.object({ ref: z.string(), title: z.string(), affectedOrgs: z.number().int() })),
      },
    },
    handler: (req) => d.exposure.vendorAffectedUsers(req.ctx),
  });
  app.get('/api/components/advisories', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      querystring: z.strictObject({
        ecosystem: z.string().min(1).max(50),
        name: z.string().min(1).max(300),
        version: z.string().min(1).max(100),
      }),
      response: {
        200: z.array(
          z.object({
            id: z.string(),
            aliases: z.array(z.string()),
            summary: z.string(),
            severity: z.string().nullable(),
          }),
        ),
      },
    },
    handler: (req) => d.exposure.advisoriesFor(req.query.ecosystem, req.query.name, req.query.version),
  });
};
