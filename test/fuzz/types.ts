import type { InjectOptions, LightMyRequestResponse } from 'fastify';

/** `app.inject` as the fuzzer uses it. */
export type Injector = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

/** One concrete request, as sent and as printed in a failure report. */
export interface Concrete {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Who sends a request: an actor the route admits, any actor, or nobody; and with which credentials. */
export interface WhoSpec {
  mode: 'admitted' | 'any' | 'anon';
  pick: number;
  cred: 'cookie' | 'bearer' | 'nocsrf' | 'badBearer' | 'badCookie';
}
