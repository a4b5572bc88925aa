/** Public surface of the exposure module: SBOM ingest, the in-memory matcher, exposures and VEX. */
export { createAdvisoryImportService } from './advisory-import.service';
export { ExposureEngine } from './exposure.engine';
export { type ExposureRouteDeps, exposureRoutes } from './exposure.routes';
export { createExposureService } from './exposure.service';
