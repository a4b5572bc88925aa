/** The subset of JSON Schema that @fastify/swagger emits for the zod contracts (OpenAPI 3.0 dialect). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  nullable?: boolean;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

/** One parameter of an operation. */
export interface Param {
  name: string;
  required: boolean;
  schema: Schema;
}

/** One API operation as the live OpenAPI document describes it. */
export interface Operation {
  /** `METHOD /api/path/{param}` as in the document. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path template, e.g. `/api/orgs/{id}/users/{userId}`. */
  path: string;
  /** Fastify route form, e.g. `/api/orgs/:id/users/:userId`, to look up the route's declared access. */
  route: string;
  /** The first tag, or the first path segment after /api. */
  family: string;
  pathParams: Param[];
  query: Param[];
  body?: Schema;
  /** True for the raw upload routes (SBOM, advisory sets, registry import) whose body is a stream or buffer. */
  upload: boolean;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        tags?: string[];
        parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
        requestBody?: { content: Record<string, { schema?: Schema }> };
      }
    >
  >;
}

const UPLOAD_ROUTES = new Set([
  'PUT /api/assets/{id}/sbom',
  'POST /api/match-advisories/import',
  'POST /api/enterprises/import',
]);

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Operation['method'];
      const params = op.parameters ?? [];
      const pick = (where: string) =>
        params
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema }));
      const key = `${method} ${path}`;
      const body = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        key,
        method,
        path,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        family: op.tags?.[0] ?? path.split('/')[2] ?? 'other',
        pathParams: pick('path'),
        query: pick('query'),
        body: body && Object.keys(body).length > 0 ? body : op.requestBody ? {} : undefined,
        upload: UPLOAD_ROUTES.has(key),
      });
    }
  }
  return out;
}
