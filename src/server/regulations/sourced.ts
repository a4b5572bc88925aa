import { z } from 'zod';

/** How settled a regulatory value is (architecture principle 3; shared/docs/regulations.md "UNCONFIRMED"). */
export const ValueStatus = z.enum(['final', 'draft', 'unconfirmed']);
/** A value's status. */
export type ValueStatus = z.infer<typeof ValueStatus>;

/** A regulatory value with the clause it implements, where it was read, and how settled it is. */
export interface Sourced<T> {
  value: T;
  clause: string;
  source: string;
  status: ValueStatus;
  note?: string;
}

/** Wraps a value schema in the pack's `{ value, clause, source, status, note? }` envelope. */
export const sourced = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value,
    clause: z.string().min(1),
    source: z.string().min(1),
    status: ValueStatus,
    note: z.string().min(1).optional(),
  });

/** Every sourced value under `node` whose status is not final, by dotted path (for "rests on unconfirmed data" notices). */
export function unsettledValues(node: unknown, path = ''): { path: string; status: ValueStatus }[] {
  if (node === null || typeof node !== 'object') return [];
  const rec = node as Record<string, unknown>;
  const status = ValueStatus.safeParse(rec.status);
  if ('value' in rec && 'clause' in rec && status.success) {
    return status.data === 'final' ? [] : [{ path, status: status.data }];
  }
  return Object.entries(rec).flatMap(([k, v]) => unsettledValues(v, path ? `${path}.${k}` : k));
}
