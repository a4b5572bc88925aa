import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One load run: `connections` concurrent keep-alive connections for a duration or a number of responses. */
export interface LoadJob {
  id: number;
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationS?: number;
  amount?: number;
  timeoutS: number;
}

/** What the load child measured: every 2xx latency in ms, and the failures. */
export interface LoadResult {
  id: number;
  latencies: number[];
  non2xx: number;
  /** Count per non-2xx status code. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  elapsedS: number;
}

/** Latency figures of one run. */
export interface LoadStats {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  failed: number;
  /** The failures by kind: status codes, transport errors, timeouts. */
  failures: string;
}

/** Nearest-rank percentile of ascending `sorted` (the smallest value with at least p % of values ≤ it). */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number) : Number.NaN;

/** Summarises a run. */
export function statsOf(r: LoadResult): LoadStats {
  const s = [...r.latencies].sort((a, b) => a - b);
  return {
    requests: s.length,
    rps: s.length / r.elapsedS,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1) ?? Number.NaN,
    failed: r.non2xx + r.errors,
    failures: [
      ...Object.entries(r.statuses).map(([code, n]) => `${n}×${code}`),
      ...(r.errors - r.timeouts ? [`${r.errors - r.timeouts}×error`] : []),
      ...(r.timeouts ? [`${r.timeouts}×timeout`] : []),
    ].join(' '),
  };
}

/** A forked load-generator process (load-child.ts) that runs jobs one at a time. */
export class LoadGenerator {
  private readonly child: ChildProcess;
  private next = 1;

  constructor() {
    const here = path.dirname(fileURLToPath(import.meta.url));
    this.child = fork(path.join(here, 'load-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  /** Runs one job in the child and resolves with its measurements. */
  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const onMessage = (m: LoadResult) => {
        if (m.id !== id) return;
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send({ ...job, id } satisfies LoadJob);
    });
  }

  /** Ends the child process. */
  close() {
    this.child.disconnect();
  }
}
