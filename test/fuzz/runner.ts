import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { caseArb, type FuzzCase, type Prepared, prepare } from './cases';
import type { Harness } from './harness';
import type { Concrete } from './types';

/** Run settings. */
export interface FuzzOptions {
  requests: number;
  seed: number;
  /** A request slower than this counts as hung. */
  timeoutMs: number;
  /** Runs per fast-check batch; a failure ends its batch and the next batch starts with the next seed. */
  batch: number;
  /** Sample memory every this many requests. */
  memEvery: number;
  /** Requests before the heap baseline is taken. */
  warmup: number;
  /** Replay one case: the seed and fast-check path of a reported failure. */
  replay?: { seed: number; path: string };
  progress?: (done: number, report: FuzzReport) => void;
}

/** One broken invariant, with what reproduces it. */
export interface Failure {
  kind: 'server-error' | 'hung' | 'bad-problem' | 'unsafe-header' | 'polluted' | 'inject-threw';
  detail: string;
  method: string;
  url: string;
  status?: number;
  body?: string;
  stack?: string;
  requestId?: string;
  seed: number;
  path?: string;
  counterexample?: string;
}

/** Counts per family or operation. */
export interface Tally {
  requests: number;
  s2xx: number;
  s4xx: number;
  s5xx: number;
  authRejected: number;
  hung: number;
  ms: number;
  maxMs: number;
}

/** What a run found. */
export interface FuzzReport {
  requests: number;
  serverErrors: number;
  hung: number;
  badProblems: number;
  otherFailures: number;
  /** Requests that got past authentication and the route's access check (not 401/403). */
  pastAuth: number;
  families: Map<string, Tally>;
  ops: Map<string, Tally>;
  statuses: Map<number, number>;
  failures: Failure[];
  memory: {
    samples: number;
    peakRssMiB: number;
    rssStartMiB: number;
    rssEndMiB: number;
    heapBaseMiB: number;
    heapEndMiB: number;
    heapFloorGrowthMiB: number;
  };
  wallMs: number;
  cpuMs: number;
  relogins: number;
}

const MiB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const emptyTally = (): Tally => ({
  requests: 0,
  s2xx: 0,
  s4xx: 0,
  s5xx: 0,
  authRejected: 0,
  hung: 0,
  ms: 0,
  maxMs: 0,
});
/** Whether text holds a C0 control character or DEL (header injection, NUL truncation). */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const MAX_DETAILED_FAILURES = 100;

/** What is wrong with a response, if anything: 5xx, a 4xx that is not problem+json, or an unsafe download header. */
export function checkResponse(res: LightMyRequestResponse): { kind: Failure['kind']; detail: string } | null {
  if (res.statusCode >= 500) return { kind: 'server-error', detail: `status ${res.statusCode}` };
  if (res.statusCode >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json'))
      return { kind: 'bad-problem', detail: `4xx with content-type "${type}"` };
    let p: Record<string, unknown>;
    try {
      p = JSON.parse(res.body);
    } catch {
      return { kind: 'bad-problem', detail: '4xx body is not JSON' };
    }
    if (
      typeof p.type !== 'string' ||
      typeof p.title !== 'string' ||
      p.status !== res.statusCode ||
      typeof p.code !== 'string' ||
      !p.code
    )
      return {
        kind: 'bad-problem',
        detail: `problem lacks type/title/status/code: ${res.body.slice(0, 200)}`,
      };
    if (/\n\s+at [^\n]+:\d+:\d+/.test(res.body))
      return { kind: 'bad-problem', detail: 'problem carries a stack trace' };
  }
  // inject() does not check what a real socket would refuse: a header value outside Latin-1 or with CR/LF throws
  // ERR_INVALID_CHAR in writeHead, which over HTTP is a failed response.
  for (const [name, value] of Object.entries(res.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      try {
        validateHeaderValue(name, String(v));
      } catch (e) {
        return {
          kind: 'unsafe-header',
          detail: `header ${name} would not go out over HTTP: ${(e as Error).message}`,
        };
      }
    }
  }
  const cd = res.headers['content-disposition'];
  if (cd !== undefined) {
    const v = String(cd);
    const name = /filename\*=UTF-8''([^;]*)/i.exec(v)?.[1] ?? /filename="([^"]*)"/i.exec(v)?.[1] ?? '';
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      return {
        kind: 'unsafe-header',
        detail: `content-disposition filename is not decodable: ${v.slice(0, 200)}`,
      };
    }
    if (hasControl(v) || /[\\/]/.test(decoded) || hasControl(decoded) || decoded.startsWith('.'))
      return { kind: 'unsafe-header', detail: `content-disposition: ${JSON.stringify(v.slice(0, 200))}` };
  }
  return null;
}

const polluted = () => {
  const probe = {} as Record<string, unknown>;
  return probe.polluted !== undefined || probe.isAdmin !== undefined;
};

const excerpt = (r: Concrete) => {
  const p = r.payload;
  const text = p === undefined ? '' : typeof p === 'string' ? p : p.subarray(0, 300).toString('latin1');
  return text.length > 300
    ? `${text.slice(0, 300)}… (${typeof p === 'string' ? p.length : p?.length} bytes)`
    : text;
};

const describeCase = (c: FuzzCase, r: Concrete) =>
  JSON.stringify(
    {
      case: c,
      request: { method: r.method, url: r.url.slice(0, 500), headers: r.headers, payload: excerpt(r) },
    },
    (_k, v) => (typeof v === 'string' && v.length > 500 ? `${v.slice(0, 200)}…(${v.length} chars)` : v),
  );

/** Sends `options.requests` generated requests through the harness and checks every response. */
export async function runFuzz(h: Harness, options: FuzzOptions): Promise<FuzzReport> {
  const report: FuzzReport = {
    requests: 0,
    serverErrors: 0,
    hung: 0,
    badProblems: 0,
    otherFailures: 0,
    pastAuth: 0,
    families: new Map(),
    ops: new Map(),
    statuses: new Map(),
    failures: [],
    memory: {
      samples: 0,
      peakRssMiB: 0,
      rssStartMiB: MiB(process.memoryUsage().rss),
      rssEndMiB: 0,
      heapBaseMiB: 0,
      heapEndMiB: 0,
      heapFloorGrowthMiB: 0,
    },
    wallMs: 0,
    cpuMs: 0,
    relogins: 0,
  };
  const heapSamples: number[] = [];
  const arb = caseArb(h.ops);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let batchSeed = options.seed;
  let pendingFailure: Failure | undefined;

  const tally = (map: Map<string, Tally>, key: string) => {
    const t = map.get(key) ?? emptyTally();
    map.set(key, t);
    return t;
  };

  const sample = () => {
    const m = process.memoryUsage();
    report.memory.samples++;
    report.memory.peakRssMiB = Math.max(report.memory.peakRssMiB, MiB(m.rss));
    if (report.requests >= options.warmup) heapSamples.push(m.heapUsed);
  };

  const fail = (f: Omit<Failure, 'seed'>) => {
    pendingFailure = { ...f, seed: batchSeed };
    if (f.kind === 'server-error') report.serverErrors++;
    else if (f.kind === 'hung') report.hung++;
    else if (f.kind === 'bad-problem') report.badProblems++;
    else report.otherFailures++;
  };

  async function one(c: FuzzCase): Promise<boolean> {
    let p: Prepared;
    try {
      p = prepare(h, c);
      if (p.actor?.stale) {
        await h.refresh(p.actor);
        p = prepare(h, c);
      }
    } catch (e) {
      fail({
        kind: 'inject-threw',
        detail: `preparing the request failed: ${(e as Error).stack}`,
        method: '?',
        url: '?',
        counterexample: JSON.stringify(c).slice(0, 2000),
      });
      return false;
    }
    const { req } = p;
    report.requests++;
    const fam = tally(report.families, p.family);
    const op = tally(report.ops, p.opKey);
    fam.requests++;
    op.requests++;
    if (report.requests % options.memEvery === 0) sample();
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const sent = h.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.payload });
    const timeout = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), options.timeoutMs);
    });
    let res: LightMyRequestResponse | 'hung';
    try {
      res = await Promise.race([sent, timeout]);
    } catch (e) {
      clearTimeout(timer);
      fail({
        kind: 'inject-threw',
        detail: (e as Error).message,
        method: req.method,
        url: req.url.slice(0, 500),
        counterexample: describeCase(c, req),
      });
      return false;
    }
    clearTimeout(timer);
    const ms = performance.now() - t0;
    for (const t of [fam, op]) {
      t.ms += ms;
      t.maxMs = Math.max(t.maxMs, ms);
    }
    if (res === 'hung') {
      fam.hung++;
      op.hung++;
      sent.catch(() => undefined);
      fail({
        kind: 'hung',
        detail: `no response within ${options.timeoutMs} ms`,
        method: req.method,
        url: req.url.slice(0, 500),
        counterexample: describeCase(c, req),
      });
      return false;
    }
    const s = res.statusCode;
    report.statuses.set(s, (report.statuses.get(s) ?? 0) + 1);
    const cls = s >= 500 ? 's5xx' : s >= 400 ? 's4xx' : 's2xx';
    fam[cls]++;
    op[cls]++;
    if (s === 401 || s === 403) {
      fam.authRejected++;
      op.authRejected++;
    } else report.pastAuth++;
    if (p.actor && p.validCred && s === 401) p.actor.stale = true;
    if (p.actor && s === 204 && /^POST \/api\/auth\/(logout|password)$/.test(p.opKey)) p.actor.stale = true;
    const problem = checkResponse(res);
    if (problem) {
      const requestId = String(res.headers['x-request-id'] ?? '');
      fail({
        ...problem,
        method: req.method,
        url: req.url.slice(0, 500),
        status: s,
        body: res.body.slice(0, 600),
        stack: h.serverErrors.get(requestId),
        requestId,
        counterexample: describeCase(c, req),
      });
      return false;
    }
    if (polluted()) {
      fail({
        kind: 'polluted',
        detail: 'Object.prototype gained a property',
        method: req.method,
        url: req.url,
        counterexample: describeCase(c, req),
      });
      for (const k of ['polluted', 'isAdmin']) delete (Object.prototype as Record<string, unknown>)[k];
      return false;
    }
    if (
      s < 300 &&
      p.op &&
      String(res.headers['content-type'] ?? '').includes('json') &&
      res.body.length < 2_000_000
    ) {
      try {
        h.pool.harvest(p.op, res.json());
      } catch {
        // A 2xx JSON body that does not parse is caught by the contract tests; the fuzzer only harvests ids.
      }
    }
    return true;
  }

  const property = fc.asyncProperty(arb, async (c) => one(c));
  const record = (details: fc.RunDetails<[FuzzCase]>) => {
    if (!details.failed || !pendingFailure) return;
    if (report.failures.length < MAX_DETAILED_FAILURES)
      report.failures.push({
        ...pendingFailure,
        seed: details.seed,
        path: details.counterexamplePath ?? undefined,
      });
    pendingFailure = undefined;
  };

  if (options.replay) {
    batchSeed = options.replay.seed;
    record(
      await fc.check(property, {
        seed: options.replay.seed,
        path: options.replay.path,
        numRuns: 1,
        endOnFailure: true,
      }),
    );
  } else {
    while (report.requests < options.requests) {
      const before = report.requests;
      const numRuns = Math.min(options.batch, options.requests - report.requests);
      record(await fc.check(property, { seed: batchSeed, numRuns, endOnFailure: true }));
      if (report.requests === before) break;
      options.progress?.(report.requests, report);
      batchSeed = (batchSeed + 1) | 0;
    }
  }

  sample();
  const m = process.memoryUsage();
  const cpu = process.cpuUsage(cpu0);
  report.wallMs = performance.now() - started;
  report.cpuMs = (cpu.user + cpu.system) / 1000;
  report.memory.rssEndMiB = MiB(m.rss);
  report.memory.heapEndMiB = MiB(m.heapUsed);
  if (heapSamples.length >= 4) {
    const window = Math.max(1, Math.floor(heapSamples.length / 5));
    const first = Math.min(...heapSamples.slice(0, window));
    const last = Math.min(...heapSamples.slice(-window));
    report.memory.heapBaseMiB = MiB(first);
    report.memory.heapFloorGrowthMiB = MiB(last - first);
  }
  report.relogins = h.actors.reduce((n, a) => n + a.relogins, 0);
  return report;
}
