import { z } from 'zod';

/** RFC 9457 problem details with Bulwark's stable `code` and per-field `errors`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('Stable machine-readable error code, e.g. `validation.failed`'),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
    .optional()
    .describe('Field-level problems; `path` is a JSON-pointer-like dotted path such as `body.email`'),
});
/** A problem+json document as the API sends it. */
export type Problem = z.infer<typeof Problem>;

/** Opaque keyset-pagination cursor plus page size. */
export const PageQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Builds the response envelope for a keyset-paginated list. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A UUID path parameter. */
export const IdParam = z.strictObject({ id: z.uuid() });

/** ISO-8601 timestamp string as serialized by the API. */
export const Timestamp = z.iso.datetime({ offset: true });
