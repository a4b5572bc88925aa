/** Public surface of the enterprises module: the enterprise registry and each province's top 10 % (34号). */
export { type EnterpriseRouteDeps, enterprisesRoutes } from './enterprises.routes';
export { createEnterprisesService, type EnterprisesService } from './enterprises.service';
export { createEnterpriseImportService, type EnterpriseImportService } from './import.service';
