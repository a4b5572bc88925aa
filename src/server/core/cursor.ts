import { invalid } from './errors';

/** Encodes a keyset position as an opaque URL-safe cursor. */
export const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** Decodes a cursor made by `encodeCursor`, checking it holds `n` strings; 400 otherwise. */
export function decodeCursor(cursor: string, n: number): string[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // Fall through to the problem below.
  }
  throw invalid('querystring.cursor', 'The cursor is not one this API issued.', 'validation.bad_cursor');
}
