/** Public surface of the data-catalog module: data assets, classification, catalog filing and change filings. */
import { createAssetsService } from './assets.service';
import type { CatalogDeps } from './data-catalog.deps';
import { createCatalogWatch } from './data-catalog.jobs';
import { createFilingsService } from './filings.service';

export type { CatalogDeps } from './data-catalog.deps';
export { createCatalogWatch, dataCatalogJobs } from './data-catalog.jobs';
export { dataCatalogRoutes } from './data-catalog.routes';

/** The data-catalog service: assets and the wizard, filings and their review, and the daily watch. */
export function createDataCatalogService(deps: CatalogDeps) {
  return { ...createAssetsService(deps), ...createFilingsService(deps), watch: createCatalogWatch(deps) };
}

/** The data-catalog service's public type. */
export type DataCatalogService = ReturnType<typeof createDataCatalogService>;
