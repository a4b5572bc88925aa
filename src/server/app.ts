import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import { PUBLIC } from './core/access';
import { installAuth } from './core/auth-hook';
import { type Clock, systemClock } from './core/clock';
import { randomToken } from './core/crypto';
import { AppError } from './core/errors';
import { sendProblem, toAppError } from './core/problem';
import { rateLimitOptions } from './core/rate-limit';
import type { Database } from './db/client';
import { assessmentsRoutes } from './modules/assessments';
import { auditRoutes } from './modules/audit';
import { dataCatalogRoutes } from './modules/data-catalog';
import { drillsRoutes } from './modules/drills';
import { enterprisesRoutes } from './modules/enterprises';
import { evidenceRoutes } from './modules/evidence';
import { exposureRoutes } from './modules/exposure';
import { identityRoutes } from './modules/identity';
import { incidentsRoutes } from './modules/incidents';
import { notificationsRoutes } from './modules/notifications';
import { platformsRoutes } from './modules/platforms';
import { productsRoutes } from './modules/products';
import { programmeRoutes } from './modules/programme';
import { referenceRoutes } from './modules/reference/reference.routes';
import { supervisionRoutes } from './modules/supervision';
import { trainingRoutes } from './modules/training';
import { type RegulationPacks, vulnerabilitiesRoutes } from './modules/vulnerabilities';
import type { ProgrammePacks } from './programme-rules/programme-pack';
import { buildServices } from './services';

/** What the app is built from; tests pass a manual clock and a cloned database. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  /** Regulation packs; the bundled ones unless a newer set was loaded. */
  packs?: RegulationPacks;
  /** Data-security programme packs; the bundled ones unless a newer set was loaded. */
  programme?: ProgrammePacks;
  /** Folder of the built web app; served with SPA fallback when it exists. */
  webDir?: string;
  /** Where the JSON log lines go instead of stdout (the load bench writes them to a file). */
  logStream?: NodeJS.WritableStream;
}

/** Every registered route as `METHOD /path`, for the authorization matrix test. */
export interface RouteInfo {
  method: string;
  url: string;
  access: unknown;
}

const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the services, then the Fastify app with plugins and module routes, in plain order. */
export async function buildApp(deps: AppDeps) {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const { db } = database;

  const services = buildServices(db, config, deps.packs, deps.programme);
  const { audit } = services;

  const app = Fastify({
    logger: { level: config.logLevel, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    bodyLimit: config.bodyLimit,
    // A malformed percent-encoding in the path fails in the router, where setErrorHandler does not apply.
    frameworkErrors: (err, req, reply) => sendProblem(req, reply, toAppError(err, req)),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomToken(12);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const isApi = r.url.startsWith('/api/') && !r.url.startsWith('/api/docs');
    if (isApi && !r.config?.access) throw new Error(`Route ${methods.join(',')} ${r.url} declares no access`);
    for (const m of methods)
      if (m !== 'HEAD' && isApi) routes.push({ method: m, url: r.url, access: r.config?.access });
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS injects style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Helmet adds upgrade-insecure-requests by default, which breaks plain-HTTP installs on a LAN address.
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(fastifyRateLimit, rateLimitOptions(config));
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Bulwark API',
        version: '0.1.0',
        description:
          'Network-product vulnerability management (RMSV 2021) and MIIT industrial data-security supervision. ' +
          'Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bulwark_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installAuth(app, services.auth, clock);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler((err, req, reply) => sendProblem(req, reply, toAppError(err, req)));

  app.get('/health', { config: { access: PUBLIC }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: { access: PUBLIC }, schema: { hide: true } }, async (req, reply) => {
    try {
      await database.raw.query('select 1');
      return { status: 'ready', engine: database.engine };
    } catch {
      return sendProblem(req, reply, new AppError(503, 'not_ready', 'The database is not reachable.'));
    }
  });
  app.get('/api/openapi.json', { config: { access: PUBLIC }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(identityRoutes, {
    ...services,
    cookieSecure: config.cookieSecure,
    loginRatePerMinute: config.loginRatePerMinute,
  });
  await app.register(auditRoutes, { audit });
  await app.register(referenceRoutes);
  await app.register(productsRoutes, services);
  await app.register(platformsRoutes, services);
  await app.register(notificationsRoutes, services);
  await app.register(exposureRoutes, { ...services, uploadLimitBytes: config.uploadLimitBytes });
  await app.register(enterprisesRoutes, { ...services, uploadLimitBytes: config.uploadLimitBytes });
  await app.register(dataCatalogRoutes, services);
  await app.register(incidentsRoutes, services);
  await app.register(assessmentsRoutes, services);
  await app.register(evidenceRoutes, services);
  await app.register(trainingRoutes, services);
  await app.register(programmeRoutes, services);
  await app.register(supervisionRoutes, services);
  await app.register(drillsRoutes, services);
  await app.register(vulnerabilitiesRoutes, { ...services, intakeRatePerMinute: config.intakeRatePerMinute });

  const webDir = deps.webDir ?? DEFAULT_WEB_DIR;
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      // Vite names assets by content hash, so they never change; index.html must always be revalidated.
      setHeaders: (res, file) =>
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing hashed asset (an old chunk after a redeploy) is a 404, not the SPA page.
    const wantsPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/') && hasWeb;
    if (wantsPage) return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    return sendProblem(
      req,
      reply,
      new AppError(404, 'route.not_found', `No route ${req.method} ${req.url.split('?')[0]}.`),
    );
  });

  return Object.assign(app, { services, routeIndex: routes, clockSource: clock });
}

/** The built app with its services and route index. */
export type App = Awaited<ReturnType<typeof buildApp>>;
