/** Public surface of the platforms module: collection-platform filings (RMSV art. 10). */
export { isFiled } from './filing-rules';
export { filingRepository } from './platforms.repository';
export { platformsRoutes } from './platforms.routes';
export { createPlatformsService, type PlatformsService } from './platforms.service';
