import type { LightMyRequestResponse } from 'fastify';
import type { FuzzActor } from './actors';
import type { Harness } from './harness';
import { checkResponse } from './runner';
import { exportSuite } from './suite-exports';
import { regressionSuite } from './suite-regressions';
import { slowImportBomb, uploadSuite } from './suite-uploads';
import type { Concrete } from './types';

/** One scripted check and how it went. */
export interface SuiteCase {
  suite: string;
  name: string;
  status: number | 'hung' | 'threw';
  ms: number;
  problem?: string;
}

/** Results of the scripted suites. */
export interface SuiteResult {
  cases: SuiteCase[];
  failures: SuiteCase[];
  peakRssMiB: number;
}

/** What is wrong with a response beyond the generic invariants, or null. */
export type Expect = (res: LightMyRequestResponse) => string | null;

/** What every suite works with: the harness, the demo actors it acts as, a checked sender and the log. */
export interface SuiteContext {
  h: Harness;
  ministry: FuzzActor;
  gd: FuzzActor;
  ent: FuzzActor;
  /** Sends one request, checks the generic invariants and `expect`, and records the outcome. */
  send(
    suite: string,
    name: string,
    req: Concrete,
    expect?: Expect,
  ): Promise<LightMyRequestResponse | undefined>;
  /** Records a check that is not a request (a cell-by-cell export check). */
  note(c: SuiteCase): void;
  log(s: string): void;
}

/** Expects a 4xx. */
export const clientError: Expect = (res) =>
  res.statusCode >= 400 && res.statusCode < 500 ? null : `expected a 4xx, got ${res.statusCode}`;

/**
 * Scripted attacks that need a set-up or a precise expectation (suite-uploads, suite-regressions, suite-exports),
 * each request under the same invariants as the random phase plus its own expectation.
 */
export async function runSuites(
  h: Harness,
  opts: { timeoutMs: number; log: (s: string) => void },
): Promise<SuiteResult> {
  const result: SuiteResult = { cases: [], failures: [], peakRssMiB: 0 };
  const stragglers: Promise<void>[] = [];
  const started = performance.now();
  const by = (email: string) => h.actors.find((a) => a.email === email)!;
  const note = (c: SuiteCase) => {
    result.cases.push(c);
    if (c.problem) result.failures.push(c);
  };

  async function send(
    suite: string,
    name: string,
    req: Concrete,
    expect?: Expect,
  ): Promise<LightMyRequestResponse | undefined> {
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const sent = h.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.payload });
    let res: LightMyRequestResponse | 'hung';
    try {
      res = await Promise.race([
        sent,
        new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), opts.timeoutMs))),
      ]);
    } catch (e) {
      clearTimeout(timer);
      const c: SuiteCase = {
        suite,
        name,
        status: 'threw',
        ms: performance.now() - t0,
        problem: (e as Error).message,
      };
      note(c);
      return undefined;
    }
    clearTimeout(timer);
    const ms = performance.now() - t0;
    result.peakRssMiB = Math.max(result.peakRssMiB, Math.round(process.memoryUsage().rss / 1048576));
    if (res === 'hung') {
      const c: SuiteCase = {
        suite,
        name,
        status: 'hung',
        ms,
        problem: `no response within ${opts.timeoutMs} ms`,
      };
      // Still running: note when (and how) it ends, so the report says how long the request really takes.
      stragglers.push(
        sent.then(
          (late) => {
            c.problem += `; answered ${late.statusCode} after ${((performance.now() - t0) / 1000).toFixed(1)} s`;
          },
          (e: Error) => {
            c.problem += `; failed after ${((performance.now() - t0) / 1000).toFixed(1)} s: ${e.message}`;
          },
        ),
      );
      note(c);
      return undefined;
    }
    const generic = checkResponse(res);
    const specific = expect?.(res) ?? null;
    const problem = generic
      ? `${generic.detail}: ${res.body.slice(0, 300)}${h.serverErrors.get(String(res.headers['x-request-id'])) ? `\n${h.serverErrors.get(String(res.headers['x-request-id']))}` : ''}`
      : specific;
    note({ suite, name, status: res.statusCode, ms, problem: problem ?? undefined });
    return res;
  }

  const ctx: SuiteContext = {
    h,
    ministry: by('ministry.admin@bulwark.demo'),
    gd: by('gd.admin@bulwark.demo'),
    ent: by('ent.gd1@bulwark.demo'),
    send,
    note,
    log: opts.log,
  };
  await uploadSuite(ctx);
  await regressionSuite(ctx);
  await exportSuite(ctx);
  await slowImportBomb(ctx);
  // Let requests that outlived their timeout finish (up to 10 minutes), so they do not slow whatever runs next.
  await Promise.race([Promise.all(stragglers), new Promise((r) => setTimeout(r, 600_000).unref())]);
  const byStatus = new Map<string, number>();
  for (const c of result.cases) byStatus.set(String(c.status), (byStatus.get(String(c.status)) ?? 0) + 1);
  opts.log(
    `Scripted suites: ${result.cases.length} checks (${[...byStatus].map(([s, n]) => `${s}:${n}`).join(' ')}), ${result.failures.length} failures, peak RSS ${result.peakRssMiB} MiB, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const c of result.cases)
    opts.log(
      `  ${c.problem ? 'FAIL' : 'ok  '} [${c.suite}] ${c.name} → ${c.status} (${c.ms.toFixed(0)} ms)${c.problem ? `\n       ${c.problem.split('\n').join('\n       ')}` : ''}`,
    );
  return result;
}
