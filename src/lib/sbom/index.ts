/**
 * Streaming SBOM ingest: CycloneDX 1.2–1.7 JSON and SPDX 2.2/2.3 JSON.
 *
 * - `ingestSbom(input, options)` reads a file path, bytes or a readable stream in one pass and returns
 *   `{ format, specVersion, components, counts, warnings, serialNumber?, documentName? }`.
 * - Streaming: a root scanner (root-scanner.ts) follows only the root object's structure and each value's
 *   extent, and parses each root member, or each element of a large root array, with JSON.parse. Elements
 *   are validated one at a time against their array's item schema and then dropped, the rest of the root
 *   against the root schema (schemas.ts, bundled schemas in ./schemas). Memory is bounded by the largest
 *   single component: a 300k-component CycloneDX file peaks around 350 MiB RSS (bench/exposure.ts).
 * - Components come out in compact form ({@link SbomComponent}): OSV ecosystem and package name from the purl;
 *   components without a usable purl keep `ecosystem: null` and are counted, never guessed (no CPE matching).
 * - Problems throw {@link SbomError} with `errors: [{ path, message }]` (JSON pointers, first 20 by default).
 *   `{ lenient: true }` accepts documents whose only violations are missing required properties that do not
 *   identify anything (e.g. syft's SPDX 2.2 packages without `copyrightText`), reporting them as warnings.
 *
 * @packageDocumentation
 */

export { SbomError } from './errors';
export { ingestSbom } from './ingest';
export { SUPPORTED_VERSIONS } from './schemas';
export type { SbomInput } from './text-chunks';
export type {
  IngestOptions,
  SbomComponent,
  SbomCounts,
  SbomFormat,
  SbomIngestResult,
  SbomIssue,
} from './types';
