import type { FastifyRouteSchemaDef, FastifySerializerCompiler } from 'fastify/types/schema';
import { serializerCompiler } from 'fastify-type-provider-zod';

/**
 * The zod response serializer, remembering the JSON of each object it has checked: a route whose service hands out
 * the same memoized object again (supervision dashboards, until the next refresh) neither re-validates nor
 * re-stringifies it. Only for routes whose answers are never mutated after they are returned.
 */
export function serializeOnce<S>(route: FastifyRouteSchemaDef<S>) {
  // The app-wide compiler (app.ts), typed for any route schema the type provider infers.
  const serialize = (serializerCompiler as unknown as FastifySerializerCompiler<S>)(route);
  const json = new WeakMap<object, string>();
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null) return serialize(data);
    let text = json.get(data);
    if (text === undefined) {
      text = serialize(data);
      json.set(data, text);
    }
    return text;
  };
}
