import type { ErrorObject } from 'ajv';
import { toSchemaErrors } from '../formats/validate';
import { addCycloneDxComponent, addSpdxPackage, ComponentCollector } from './extract';
import type { JsonValue } from './json';
import { pointerToken, type RootSink } from './root-scanner';
import type { SchemaSet } from './schemas';
import { DigestSet } from './structural-hash';
import type { IngestOptions, SbomFormat, SbomIssue } from './types';

/** Required properties that identify a document or component: never tolerated, even in lenient mode. */
const IDENTITY = new Set(['name', 'type', 'SPDXID', 'bomFormat', 'specVersion', 'spdxVersion']);

/** Lenient mode tolerates only a missing required property that ingest does not read. */
function isTolerable(e: ErrorObject): boolean {
  return (
    e.keyword === 'required' &&
    !IDENTITY.has((e.params as { missingProperty?: string }).missingProperty ?? '')
  );
}

/**
 * The main pass over one SBOM: keeps the root members (streamed arrays as empty arrays), validates each
 * streamed element against its array's item schema, checks `uniqueItems` across elements, and extracts
 * components (CycloneDX `components`, SPDX `packages`).
 */
export class Session implements RootSink {
  readonly root: { [key: string]: JsonValue } = {};
  readonly errors: SbomIssue[] = [];
  readonly warnings: SbomIssue[] = [];
  readonly collector = new ComponentCollector();
  private readonly seen = new Map<string, DigestSet>();
  private readonly componentKey: string;
  private readonly maxErrors: number;

  constructor(
    private readonly schemas: SchemaSet,
    format: SbomFormat,
    private readonly options: IngestOptions,
  ) {
    this.componentKey = format === 'CycloneDX' ? 'components' : 'packages';
    this.maxErrors = options.maxErrors ?? 20;
  }

  /** True once the error cap is reached (the caller stops reading). */
  get full(): boolean {
    return this.errors.length >= this.maxErrors;
  }

  streamed(key: string): boolean {
    return this.schemas.streamed.has(key);
  }

  keep(): boolean {
    return true;
  }

  member(key: string, value: JsonValue): boolean {
    // A "__proto__" key is data in JSON (JSON.parse makes it an own property); plain assignment would not.
    Object.defineProperty(this.root, key, { value, enumerable: true, writable: true, configurable: true });
    return !this.full;
  }

  element(key: string, index: number, value: JsonValue): void {
    if (this.full) return;
    const errors = this.schemas.validateItem(key, value);
    if (errors) this.report(errors, `/${pointerToken(key)}/${index}`);
    if (this.schemas.unique.has(key)) this.checkUnique(key, index, value);
    if (key !== this.componentKey) return;
    if (key === 'components') addCycloneDxComponent(this.collector, value);
    else addSpdxPackage(this.collector, value);
  }

  /** Reports schema errors under `prefix`; lenient mode turns tolerable ones into warnings. */
  report(errors: readonly ErrorObject[], prefix = ''): void {
    const lenient = this.options.lenient === true;
    for (const e of errors) {
      const target = lenient && isTolerable(e) ? this.warnings : this.errors;
      if (target.length >= this.maxErrors) continue;
      const [issue] = toSchemaErrors([e]) as [SbomIssue];
      const path = prefix === '' ? issue.path : issue.path === '/' ? prefix : prefix + issue.path;
      target.push({ path, message: issue.message });
    }
  }

  /** `uniqueItems` over a streamed array, by 64-bit structural digests (see DigestSet). */
  private checkUnique(key: string, index: number, value: JsonValue): void {
    let seen = this.seen.get(key);
    if (seen === undefined) {
      seen = new DigestSet();
      this.seen.set(key, seen);
    }
    const first = seen.add(value, index);
    if (first >= 0 && !this.full)
      this.errors.push({
        path: `/${pointerToken(key)}`,
        message: `must NOT have duplicate items (items ## ${index} and ${first} are identical)`,
      });
  }
}
