/**
 * Standard documents from a Bulwark published advisory ({@link PublishedAdvisory}):
 *
 * - `toCsaf(advisory, { publisher })`: CSAF 2.0 `csaf_security_advisory` (CVSS v4.0 goes into a note: CSAF 2.0
 *   has no v4 score slot).
 * - `toCve5(advisory, { cna })`: CVE JSON 5.1 record; throws {@link MissingCveIdError} without a CVE id.
 * - `toOsv(advisory)`: OSV record with id `x_<Bulwark id>` unless told otherwise.
 *
 * The builders are pure and validate their input first ({@link AdvisoryInputError} lists every problem).
 * `validateCsaf` / `validateCve5` / `validateOsv` check documents against the schemas bundled in ./schemas
 * (CSAF 2.0 strict by default, CVE 5.1.1, OSV); they need `ajv` and `ajv-formats` at runtime.
 *
 * @packageDocumentation
 */

export type {
  AdvisoryCvss,
  AdvisoryDates,
  AdvisoryLanguage,
  AdvisoryReference,
  AdvisoryVendor,
  AffectedProduct,
  AffectedVersions,
  Credit,
  CreditRole,
  CvssScoreInput,
  CvssSeverity,
  ExternalIds,
  Gbt30279Grade,
  PublishedAdvisory,
  ReferenceKind,
  Remediation,
  RemediationCategory,
  RevisionEntry,
  VersionRange,
} from './advisory';
export {
  BULWARK_ID_PATTERN,
  CNNVD_ID_PATTERN,
  CNVD_ID_PATTERN,
  CVE_ID_PATTERN,
} from './advisory';
export { advisoryIssues, assertValidAdvisory } from './check';
export { type CsafOptions, type CsafPublisher, csafFilename, toCsaf } from './csaf';
export type { CsafDocument } from './csaf-types';
export { type Cve5Options, toCve5 } from './cve5';
export type { Cve5Record } from './cve5-types';
export { AdvisoryInputError, type AdvisoryIssue, MissingCveIdError } from './errors';
export { OSV_SCHEMA_VERSION, type OsvOptions, toOsv } from './osv';
export type { OsvRecord } from './osv-types';
export { type SchemaError, type SchemaValidation, validateCsaf, validateCve5, validateOsv } from './validate';
