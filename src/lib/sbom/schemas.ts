import { readFileSync } from 'node:fs';
import Ajv, { type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import type { SbomFormat } from './types';

/*
 * JSON schemas of the supported SBOM versions (bundled in ./schemas, see its README). A document is validated
 * in pieces so that memory stays bounded: each element of a large root array (CycloneDX `components`,
 * `dependencies`…, SPDX `packages`, `relationships`…) against that array's `items` schema as it streams past,
 * and the rest of the root object against the root schema with those arrays left empty (an empty array passes
 * `items` and `uniqueItems`; {@link SchemaSet.unique} says where the caller must check uniqueness itself).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface SchemaSpec {
  readonly root: string;
  readonly refs: readonly string[];
  readonly draft: '07' | '2019-09';
}

const CDX_REFS = ['cyclonedx-spdx.schema.json', 'cyclonedx-jsf-0.82.schema.json'];

/** Supported versions; CycloneDX `$ref`s its SPDX licence list, JSF signature and (1.7) crypto definitions. */
const SPECS: Readonly<Record<string, SchemaSpec>> = {
  'CycloneDX 1.2': { root: 'cyclonedx-bom-1.2.schema.json', refs: CDX_REFS, draft: '07' },
  'CycloneDX 1.3': { root: 'cyclonedx-bom-1.3.schema.json', refs: CDX_REFS, draft: '07' },
  'CycloneDX 1.4': { root: 'cyclonedx-bom-1.4.schema.json', refs: CDX_REFS, draft: '07' },
  'CycloneDX 1.5': { root: 'cyclonedx-bom-1.5.schema.json', refs: CDX_REFS, draft: '07' },
  'CycloneDX 1.6': { root: 'cyclonedx-bom-1.6.schema.json', refs: CDX_REFS, draft: '07' },
  'CycloneDX 1.7': {
    root: 'cyclonedx-bom-1.7.schema.json',
    refs: [...CDX_REFS, 'cyclonedx-cryptography-defs.schema.json'],
    draft: '07',
  },
  'SPDX 2.2': { root: 'spdx-2.2.schema.json', refs: [], draft: '07' },
  'SPDX 2.3': { root: 'spdx-2.3.schema.json', refs: [], draft: '2019-09' },
};

/** Spec versions supported per format, oldest first. */
export const SUPPORTED_VERSIONS: Readonly<Record<SbomFormat, readonly string[]>> = {
  CycloneDX: ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'],
  SPDX: ['2.2', '2.3'],
};

/** Keyword that replaces long string enums (the SPDX licence-id list has ~700 entries). */
const SET_ENUM = 'x-string-enum';

/**
 * Replaces every `enum` of 32 or more strings with {@link SET_ENUM}, checked with a Set. Same accepted values;
 * ajv would compare each value against every entry in turn, which made licence checks most of the time.
 */
function withSetEnums(node: Json): Json {
  if (Array.isArray(node)) return node.map(withSetEnums);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (
      key === 'enum' &&
      Array.isArray(value) &&
      value.length >= 32 &&
      value.every((v) => typeof v === 'string')
    )
      out[SET_ENUM] = value;
    else out[key] = key === 'const' || key === 'examples' || key === 'default' ? value : withSetEnums(value);
  }
  return out;
}

function load(file: string): JsonObject {
  const text = readFileSync(new URL(`./schemas/${file}`, import.meta.url), 'utf8');
  return withSetEnums(JSON.parse(text)) as JsonObject;
}

function createAjv(spec: SchemaSpec, allErrors: boolean): Ajv {
  const options = { strict: false, allErrors, logger: false as const };
  const ajv = spec.draft === '07' ? new Ajv(options) : new Ajv2019(options);
  addFormats(ajv);
  // ajv-formats has no IRI or internationalised e-mail formats; real SBOMs carry URLs with spaces and
  // non-ASCII text, so these are accepted as any string. "string" is a typo'd format in CycloneDX schemas.
  for (const format of ['iri-reference', 'iri', 'idn-email', 'idn-hostname', 'string'])
    ajv.addFormat(format, true);
  ajv.addKeyword({
    keyword: SET_ENUM,
    schemaType: 'array',
    compile(values: string[]) {
      const set = new Set(values);
      return (data: unknown) => typeof data === 'string' && set.has(data);
    },
  });
  return ajv;
}

/** True for an array schema that can be checked element by element (no count or cross-element keywords). */
function streamable(schema: Json | undefined): schema is JsonObject {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false;
  if (schema.type !== 'array' || schema.items === undefined || Array.isArray(schema.items)) return false;
  // `additionalItems` has no effect when `items` is a single schema (draft-07 §6.4.2); the rest are annotations.
  const allowed = new Set([
    'type',
    'items',
    'uniqueItems',
    'additionalItems',
    'title',
    'description',
    '$comment',
    'deprecated',
    'examples',
  ]);
  // CycloneDX 1.2/1.3 give each property a fragment-only `$id` ("#/properties/components"), which names the
  // subschema without changing the base URI.
  const fragmentId = typeof schema.$id === 'string' && schema.$id.startsWith('#');
  return Object.keys(schema).every((k) => allowed.has(k) || (k === '$id' && fragmentId));
}

/** Validators of one SBOM spec version. Errors are ajv's, with paths relative to the value validated. */
export interface SchemaSet {
  /** Root keys whose arrays are validated element by element. */
  readonly streamed: ReadonlySet<string>;
  /** Streamed keys whose schema has `uniqueItems: true`. */
  readonly unique: ReadonlySet<string>;
  /** Validates the root object (streamed arrays empty); null when valid. */
  validateRoot(doc: unknown): ErrorObject[] | null;
  /** Validates one element of a streamed array; null when valid. */
  validateItem(key: string, value: unknown): ErrorObject[] | null;
}

class SpecValidators implements SchemaSet {
  readonly streamed = new Set<string>();
  readonly unique = new Set<string>();
  private readonly id: string;
  private readonly schemas: JsonObject[];
  private fast: Ajv | null = null;
  private detailed: Ajv | null = null;
  private readonly itemRefs = new Map<string, string>();
  private readonly compiled = new Map<string, { fast?: ValidateFunction; detailed?: ValidateFunction }>();

  constructor(private readonly spec: SchemaSpec) {
    const root = load(spec.root);
    this.id = root.$id as string;
    this.schemas = [...spec.refs.map(load), root];
    for (const [key, schema] of Object.entries((root.properties ?? {}) as JsonObject)) {
      if (!streamable(schema)) continue;
      this.streamed.add(key);
      if (schema.uniqueItems === true) this.unique.add(key);
    }
  }

  private ajv(detailed: boolean): Ajv {
    let ajv = detailed ? this.detailed : this.fast;
    if (ajv === null) {
      ajv = createAjv(this.spec, detailed);
      for (const s of this.schemas) ajv.addSchema(s as AnySchema);
      if (detailed) this.detailed = ajv;
      else this.fast = ajv;
    }
    return ajv;
  }

  private validator(ref: string, detailed: boolean): ValidateFunction {
    let entry = this.compiled.get(ref);
    if (entry === undefined) {
      entry = {};
      this.compiled.set(ref, entry);
    }
    const which = detailed ? 'detailed' : 'fast';
    let fn = entry[which];
    if (fn === undefined) {
      fn = ref === '' ? this.ajv(detailed).getSchema(this.id) : this.ajv(detailed).compile({ $ref: ref });
      if (fn === undefined) throw new Error(`schema ${this.id} did not compile`);
      entry[which] = fn;
    }
    return fn;
  }

  /** Fast check first (stops at the first error); the all-errors validator only runs on failure. */
  private run(ref: string, value: unknown): ErrorObject[] | null {
    if (this.validator(ref, false)(value)) return null;
    const detailed = this.validator(ref, true);
    detailed(value);
    return (detailed.errors ?? []).map((e) =>
      e.keyword === SET_ENUM ? { ...e, message: 'must be equal to one of the allowed values' } : e,
    );
  }

  validateRoot(doc: unknown): ErrorObject[] | null {
    return this.run('', doc);
  }

  validateItem(key: string, value: unknown): ErrorObject[] | null {
    let ref = this.itemRefs.get(key);
    if (ref === undefined) {
      ref = `${this.id}#/properties/${encodeURIComponent(key)}/items`;
      this.itemRefs.set(key, ref);
    }
    return this.run(ref, value);
  }
}

const cache = new Map<string, SpecValidators>();

/** The validators of a format version (compiled on first use and cached), or null when unsupported. */
export function schemaSet(format: SbomFormat, specVersion: string): SchemaSet | null {
  const name = `${format} ${specVersion}`;
  const spec = Object.hasOwn(SPECS, name) ? SPECS[name] : undefined;
  if (spec === undefined) return null;
  let set = cache.get(name);
  if (set === undefined) {
    set = new SpecValidators(spec);
    cache.set(name, set);
  }
  return set;
}
