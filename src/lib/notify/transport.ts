import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './address-policy';

/** One outgoing POST, already vetted: `address` is where the connection must go whatever DNS says later. */
export interface TransportRequest {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly address: ResolvedAddress;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/** The raw answer; redirects are returned as-is, never followed. */
export interface TransportResponse {
  readonly status: number;
  readonly location?: string;
  readonly body: string;
}

/** Sends a {@link TransportRequest}. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

const tooLarge = (max: number) => new Error(`response body exceeds ${max} bytes`);

/**
 * node:http(s) transport pinned to the vetted address through a custom `lookup`, so the TLS name and Host header
 * stay the URL's while DNS is not consulted again (no rebinding). `agent: false` avoids reusing pooled sockets.
 */
export const pinnedTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    const { address, family } = request.address;
    const lookup: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const client = request.url.protocol === 'https:' ? https : http;
    const req = client.request(request.url, {
      method: 'POST',
      headers: request.headers,
      agent: false,
      lookup,
    });
    let settled = false;
    const finish = (err: Error | undefined, response?: TransportResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err || !response) {
        req.destroy();
        reject(err);
      } else resolve(response);
    };
    const timer = setTimeout(
      () => finish(new Error(`timed out after ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    req.on('error', (err) => finish(err));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxResponseBytes) finish(tooLarge(request.maxResponseBytes));
        else chunks.push(chunk);
      });
      res.on('error', (err) => finish(err));
      res.on('end', () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          location: res.headers.location,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.end(request.body);
  });

/**
 * Adapter for an injected fetch (tests, egress proxies). It keeps the timeout, size cap and no-redirect rules, but
 * connects wherever the fetch implementation resolves the host: pinning is then the implementation's job.
 */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async (request) => {
    const res = await fetchImpl(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
      size += part.value.length;
      if (size > request.maxResponseBytes) {
        await reader?.cancel();
        throw tooLarge(request.maxResponseBytes);
      }
      chunks.push(part.value);
    }
    return {
      status: res.status,
      location: res.headers.get('location') ?? undefined,
      body: Buffer.concat(chunks).toString('utf8'),
    };
  };
}
