import type { Config } from './config';
import type { RequestContext } from './core/actor';
import type { Db } from './db/client';
import { createAuditService } from './modules/audit';
import { createEnterpriseImportService, createEnterprisesService } from './modules/enterprises';
import { createAdvisoryImportService, createExposureService, ExposureEngine } from './modules/exposure';
import {
  createAuthService,
  createOrgsService,
  createTokensService,
  createUsersService,
} from './modules/identity';
import { createKeyring, resolveMasterKeys } from './modules/keyring';
import { createNotificationsService } from './modules/notifications';
import { mailerFromUrl } from './modules/notifications/mailer-from-url';
import { createPlatformsService } from './modules/platforms';
import { createProductsService } from './modules/products';
import {
  bundledPacks,
  createAdvisoriesService,
  createAttachmentsService,
  createDeadlineWatch,
  createDisclosureService,
  createIntakeService,
  createNationalReportsService,
  createReportsService,
  type RegulationPacks,
  reportRepository,
} from './modules/vulnerabilities';
import { bundledProgrammePacks, type ProgrammePacks } from './programme-rules/programme-pack';

/** Builds every service with exactly what it uses; the app, the CLI and test setup share this wiring. */
export function buildServices(
  db: Db,
  config: Config,
  packs: RegulationPacks = bundledPacks(),
  programme: ProgrammePacks = bundledProgrammePacks(),
) {
  const audit = createAuditService({ db, alg: config.auditHash });
  const deps = { db, audit };
  const registryDeps = { ...deps, plan: programme.plan };
  const master = resolveMasterKeys({
    masterKey: config.masterKey,
    previous: config.masterKeysPrevious,
    dataDir: config.dataDir,
    embedded: !config.databaseUrl,
  });
  const keyring = createKeyring({ db, audit, master, alg: config.sealAlg });
  const notifications = createNotificationsService({
    ...deps,
    keyring,
    mailer: config.smtpUrl ? mailerFromUrl(config.smtpUrl, config.mailFrom) : undefined,
    publicUrl: config.publicUrl,
    allowPrivateWebhooks: config.webhookAllowPrivate,
  });
  const engine = new ExposureEngine(db);
  const exposureDeps = {
    ...deps,
    notifications,
    engine,
    vendorAdvisories: reportRepository.advisoriesOfVendor,
  };
  const advisoryImport = createAdvisoryImportService(exposureDeps);
  const vuln = {
    ...deps,
    keyring,
    notifications,
    packs,
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    onPublished: (ctx: RequestContext, osv: Record<string, unknown>) =>
      advisoryImport.importRecord(ctx, osv, 'bulwark'),
  };
  return {
    audit,
    keyring,
    notifications,
    packs,
    intake: createIntakeService(vuln),
    reports: createReportsService(vuln),
    national: createNationalReportsService(vuln),
    disclosure: createDisclosureService(vuln),
    advisories: createAdvisoriesService(vuln),
    attachments: createAttachmentsService(vuln),
    deadlineWatch: createDeadlineWatch(vuln),
    engine,
    exposure: createExposureService(exposureDeps),
    advisoryImport,
    auth: createAuthService({ ...deps, config }),
    orgs: createOrgsService(deps),
    users: createUsersService(deps),
    tokens: createTokensService(deps),
    products: createProductsService(deps),
    platforms: createPlatformsService(deps),
    enterprises: createEnterprisesService(registryDeps),
    enterpriseImport: createEnterpriseImportService(registryDeps),
    // @anchor data-catalog services
    // @anchor assessments services
    // @anchor training services
  };
}

/** All services. */
export type Services = ReturnType<typeof buildServices>;
