/**
 * Advisory ingest into one normalized form for exposure matching ({@link Advisory}: id, aliases, modified,
 * summary, severity, and per affected package the compiled version intervals plus what could not be compiled).
 *
 * - Formats: OSV records (schema 1.x), CSAF 2.0 documents (product trees with purls), Node.js Security WG
 *   npm advisories (node-semver `vulnerable_versions`).
 * - Sources: `loadAdvisories(path)` / `readAdvisories(path)` take a folder, a zip (osv.dev `all.zip`), a JSON
 *   Lines file (streamed line by line) or a JSON file. `normalizeAdvisory(doc)` is the pure core.
 * - GIT ranges, unknown range types, malformed ranges and products without a purl are kept as `unsupported`
 *   and counted ({@link AdvisoryCounts}); nothing is dropped silently.
 *
 * @packageDocumentation
 */

export { compileOsvEntry } from './compile';
export { normalizeCsaf } from './csaf';
export { type AdvisorySet, AdvisoryTally, type LoadOptions, loadAdvisories, readAdvisories } from './load';
export { normalizeNodeWgNpm } from './nodejs-wg';
export { normalizeAdvisory } from './normalize';
export { normalizeOsv } from './osv';
export { readSource, type SourceItem, type SourceOptions } from './sources';
export type {
  Advisory,
  AdvisoryCounts,
  AdvisoryProblem,
  AdvisorySeverity,
  AdvisorySource,
  AffectedPackage,
  Normalized,
  UnsupportedAffected,
} from './types';
