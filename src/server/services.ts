import type { Config } from './config';
import type { RequestContext } from './core/actor';
import type { Db } from './db/client';
import {
  createCorrectiveActionsService,
  createExaminationsService,
  createRiskAssessmentsService,
  createRiskReminders,
} from './modules/assessments';
import { createAuditService } from './modules/audit';
import { createDataCatalogService } from './modules/data-catalog';
import { createDrillsService, drillCorrectivePort } from './modules/drills';
import { createEnterpriseImportService, createEnterprisesService } from './modules/enterprises';
import { createEvidenceService } from './modules/evidence';
import { createAdvisoryImportService, createExposureService, ExposureEngine } from './modules/exposure';
import {
  createAuthService,
  createOrgsService,
  createSessionsService,
  createTokensService,
  createTotpService,
  createUsersService,
} from './modules/identity';
import { createIncidentsService } from './modules/incidents';
import { createKeyring, resolveMasterKeys } from './modules/keyring';
import { createNotificationsService } from './modules/notifications';
import { mailerFromUrl } from './modules/notifications/mailer-from-url';
import { createPlatformsService } from './modules/platforms';
import { createProductsService } from './modules/products';
import { createProgrammeService } from './modules/programme';
import { createSupervisionService } from './modules/supervision';
import { createTrainingService } from './modules/training';
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
  const evidence = createEvidenceService({ db, keyring });
  const assessmentDeps = { ...deps, notifications, evidence, packs: programme };
  const correctiveActions = createCorrectiveActionsService(assessmentDeps);
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
    auth: createAuthService({ ...deps, keyring, config }),
    totp: createTotpService({ ...deps, keyring }),
    sessions: createSessionsService(deps),
    orgs: createOrgsService(deps),
    users: createUsersService(deps),
    tokens: createTokensService(deps),
    products: createProductsService(deps),
    platforms: createPlatformsService(deps),
    enterprises: createEnterprisesService(registryDeps),
    enterpriseImport: createEnterpriseImportService(registryDeps),
    dataCatalog: createDataCatalogService({
      ...deps,
      notifications,
      measures: programme.measures,
      questions: programme.questions,
      holidays: packs.holidays,
    }),
    incidents: createIncidentsService({
      ...deps,
      keyring,
      notifications,
      programme,
      corrective: correctiveActions,
    }),
    evidence,
    examinations: createExaminationsService(assessmentDeps),
    correctiveActions,
    riskAssessments: createRiskAssessmentsService(assessmentDeps),
    riskReminders: createRiskReminders(assessmentDeps),
    training: createTrainingService(registryDeps),
    programme: createProgrammeService({ db, packs: programme }),
    supervision: createSupervisionService({ ...deps, packs: programme, pdfFont: config.pdfFont }),
    drills: createDrillsService({
      ...deps,
      notifications,
      pdfFont: config.pdfFont,
      incidentsFor: (h) =>
        createIncidentsService({
          ...deps,
          db: h,
          keyring,
          notifications,
          programme,
          corrective: correctiveActions,
        }),
      correctiveActions: drillCorrectivePort((h) =>
        createCorrectiveActionsService({
          ...deps,
          db: h,
          notifications,
          evidence: createEvidenceService({ db: h, keyring }),
          packs: programme,
        }),
      ),
    }),
  };
}

/** All services. */
export type Services = ReturnType<typeof buildServices>;
