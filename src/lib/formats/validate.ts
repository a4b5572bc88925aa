import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** One schema violation; `path` is the JSON pointer of the offending value (`/` for the root). */
export interface SchemaError {
  readonly path: string;
  readonly message: string;
}

/** Result of a schema validation. */
export interface SchemaValidation {
  readonly valid: boolean;
  readonly errors: readonly SchemaError[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Bundled schema files (see schemas/README.md for provenance and licences). */
function schema(file: string): { [key: string]: Json } {
  return JSON.parse(readFileSync(new URL(`./schemas/${file}`, import.meta.url), 'utf8'));
}

/**
 * The strict variant of a schema: `additionalProperties: false` on every object schema that lists
 * `properties`, which is how @secvisogram/csaf-validator-lib derives its `csaf_2_0_strict` schema test.
 */
function strictify(node: Json): Json {
  if (Array.isArray(node)) return node.map(strictify);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node))
    out[key] =
      key === 'enum' || key === 'const' || key === 'examples' || key === 'default' ? value : strictify(value);
  if (out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

const cache = new Map<string, ValidateFunction>();

function compiled(key: string, build: () => ValidateFunction): ValidateFunction {
  let fn = cache.get(key);
  if (fn === undefined) {
    fn = build();
    cache.set(key, fn);
  }
  return fn;
}

/**
 * CSAF 2.0 (draft 2020-12) with the FIRST CVSS schemas it `$ref`s by URI. Those are draft-04 (v2.0, v3.0) and
 * draft-07 (v3.1) documents; their `$schema`/`id` are dropped so the 2020-12 validator reads them, which
 * changes nothing because they use no keyword whose meaning differs between those drafts.
 */
function csafValidator(strict: boolean): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const version of ['2.0', '3.0', '3.1']) {
    const {
      $schema: _s,
      id: _i,
      $id: _d,
      ...cvss
    } = schema(`first-cvss-v${version}${strict ? '_strict' : ''}.json`);
    ajv.addSchema(cvss, `https://www.first.org/cvss/cvss-v${version}.json`);
  }
  const csaf = schema('csaf_2.0.json');
  return ajv.compile(strict ? (strictify(csaf) as typeof csaf) : csaf);
}

/** Maps ajv errors to {@link SchemaError}s, naming the offending property of `additionalProperties` errors. */
export function toSchemaErrors(errors: readonly ErrorObject[]): SchemaError[] {
  return errors.map((e) => {
    const extra = e.params as { additionalProperty?: string };
    return {
      path: e.instancePath === '' ? '/' : e.instancePath,
      message:
        extra.additionalProperty === undefined
          ? (e.message ?? e.keyword)
          : `${e.message}: ${extra.additionalProperty}`,
    };
  });
}

function result(fn: ValidateFunction, value: unknown): SchemaValidation {
  if (fn(value)) return { valid: true, errors: [] };
  return { valid: false, errors: toSchemaErrors(fn.errors ?? []) };
}

/**
 * Validates against the CSAF 2.0 JSON schema. `strict` (default) also rejects properties the schema does not
 * define, like the `csaf_2_0_strict` test of @secvisogram/csaf-validator-lib. Semantic (section 6) tests are
 * not run here.
 */
export function validateCsaf(doc: unknown, options: { strict?: boolean } = {}): SchemaValidation {
  const strict = options.strict ?? true;
  return result(
    compiled(`csaf:${strict}`, () => csafValidator(strict)),
    doc,
  );
}

/** Validates a full CVE record (published or rejected) against the CVE JSON 5.1.1 bundled schema (draft-07). */
export function validateCve5(record: unknown): SchemaValidation {
  return result(
    compiled('cve', () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      return ajv.compile(schema('cve_5.1.1_bundled.json'));
    }),
    record,
  );
}

/** Validates an OSV record against the OSV JSON schema (draft 2020-12). */
export function validateOsv(record: unknown): SchemaValidation {
  return result(
    compiled('osv', () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      return ajv.compile(schema('osv.json'));
    }),
    record,
  );
}
