/** The slice of autocannon 8's API the supervision bench uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  /** Options of one run. */
  interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Total responses to wait for, instead of a duration. */
    amount?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    headers?: Record<string, string>;
    pipelining?: number;
  }

  /** The summary autocannon prints. */
  interface Result {
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    requests: { sent: number; total: number };
    latency: { p50: number; p97_5: number; p99: number; max: number };
  }

  /** A running load: emits each response with its latency in milliseconds, resolves to the summary. */
  interface Instance extends EventEmitter, PromiseLike<Result> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
    ): this;
    stop(): void;
  }

  /** Starts a load run. */
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
