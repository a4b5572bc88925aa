/**
 * The load generator, in a worker thread so that its event loop never delays the server's. Closed loop: each of
 * `clients` virtual clients sends one request, reads the whole response, then sends the next, over its own
 * keep-alive connection. Latency is measured per request, from just before the request is written to the last
 * byte of the response (performance.now()).
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { type Call, chooser, type Fixtures, type MixState, OPS, prng } from './mix';

/** One level of the run. */
export interface LevelSpec {
  clients: number;
  maxRequests: number;
  maxSeconds: number;
  seed: number;
  /** Only this operation (index into OPS), for the per-operation cost table. */
  only?: number;
}

/** What a level measured: per request its op, status (0 = no response) and latency; failures by cause. */
export interface LevelResult {
  op: Uint8Array;
  status: Uint16Array;
  ms: Float64Array;
  count: number;
  elapsedMs: number;
  failures: Record<string, number>;
}

const fixtures = workerData as Fixtures;
const base = new URL(fixtures.base);
const state: MixState = {
  fixtures,
  submitted: [...fixtures.submitted],
  triaging: [],
  readable: [...fixtures.readable],
  seq: 0,
  flip: false,
};
const choose = chooser(OPS);

function send(agent: http.Agent, call: Call): Promise<{ status: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...call.headers };
    if (call.body !== undefined) headers['content-length'] = Buffer.byteLength(call.body);
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: call.method,
        path: call.path,
        headers,
        agent,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (e: NodeJS.ErrnoException) =>
          resolve({ status: 0, body: '', error: e.code ?? e.message }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ status: 0, body: '', error: e.code ?? e.message }),
    );
    req.end(call.body);
  });
}

const problemCode = (body: string) => {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? '';
  } catch {
    return '';
  }
};

async function runLevel(spec: LevelSpec): Promise<LevelResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.clients });
  const op = new Uint8Array(spec.maxRequests);
  const status = new Uint16Array(spec.maxRequests);
  const ms = new Float64Array(spec.maxRequests);
  const failures: Record<string, number> = {};
  let issued = 0;
  const started = performance.now();
  const deadline = started + spec.maxSeconds * 1000;

  async function client(id: number) {
    const random = prng(spec.seed * 1000 + id);
    while (issued < spec.maxRequests && performance.now() < deadline) {
      const pickOp = () => spec.only ?? choose(random);
      let i = pickOp();
      let call = OPS[i]?.call(state, random) ?? null;
      for (let tries = 0; !call && tries < 20; tries++) {
        i = pickOp();
        call = OPS[i]?.call(state, random) ?? null;
      }
      if (!call) throw new Error('no operation could be built');
      const slot = issued++;
      const t0 = performance.now();
      const res = await send(agent, call);
      ms[slot] = performance.now() - t0;
      op[slot] = i;
      status[slot] = res.status;
      const o = OPS[i]!;
      if (res.status < 200 || res.status >= 300) {
        const why = res.error ?? `${res.status} ${problemCode(res.body)}`.trim();
        const key = `${o.name}: ${why}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
      o.done?.(state, call, res.status, res.body);
    }
  }

  await Promise.all(Array.from({ length: spec.clients }, (_, id) => client(id)));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {
    op: op.slice(0, issued),
    status: status.slice(0, issued),
    ms: ms.slice(0, issued),
    count: issued,
    elapsedMs,
    failures,
  };
}

parentPort?.on('message', (spec: LevelSpec) => {
  runLevel(spec).then(
    (r) => parentPort?.postMessage(r, [r.op.buffer, r.status.buffer, r.ms.buffer] as ArrayBuffer[]),
    (e: unknown) =>
      parentPort?.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
