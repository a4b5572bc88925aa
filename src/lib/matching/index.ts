/**
 * Pure exposure matching (no database): which component instances fall in which advisories' ranges.
 *
 * - {@link ExposureIndex}: instances by (ecosystem, package) with distinct versions sorted by sort key;
 *   `add/remove` (or `internPackage`/`internVersion`/`addInstance` for bulk loads), `forEachMatch(range,
 *   ecosystem, name, fn)` / `query(...)` by binary search, honouring the pre-release rule of native ranges.
 * - {@link matchPortfolio} (all advisories × index) and {@link matchAdvisory} (one new advisory → hits).
 * - {@link AdvisoryIndex}: advisories by package; `matchComponents(components)` answers one new SBOM.
 *
 * @packageDocumentation
 */

export { type AdvisoryHit, AdvisoryIndex, type ComponentRef } from './advisory-index';
export { ExposureIndex, type IndexStats, packageKey } from './exposure-index';
export { type HitHandler, type MatchStats, matchAdvisory, matchPortfolio } from './portfolio';
