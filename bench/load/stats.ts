import type { Op } from './mix';
import type { LevelResult } from './worker';

/** Latency percentiles (nearest rank) of a set of requests, in ms. */
export interface Summary {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const rank = (sorted: Float64Array, p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number)
    : NaN;

/** Summarises the requests of a level that satisfy `keep` (all of them by default). */
export function summarise(r: LevelResult, keep: (i: number) => boolean = () => true): Summary {
  const picked: number[] = [];
  let errors = 0;
  for (let i = 0; i < r.count; i++) {
    if (!keep(i)) continue;
    picked.push(r.ms[i] as number);
    const s = r.status[i] as number;
    if (s < 200 || s >= 300) errors++;
  }
  const sorted = Float64Array.from(picked).sort();
  return {
    count: sorted.length,
    errors,
    p50: rank(sorted, 50),
    p95: rank(sorted, 95),
    p99: rank(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : NaN,
  };
}

/** One row per operation: count, share and latency percentiles, slowest p95 first. */
export function perOperation(r: LevelResult, ops: readonly Op[]) {
  return ops
    .map((o, i) => ({ name: o.name, kind: o.kind, ...summarise(r, (j) => r.op[j] === i) }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.p95 - a.p95);
}

/** Milliseconds with one decimal. */
export const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : ms.toFixed(1));

/** The server's logged errors (level ≥ 50) counted by message (first two stack lines), most frequent first. */
export function errorsByMessage(log: string): [string, number][] {
  const byMessage = new Map<string, number>();
  for (const line of log.split('\n')) {
    if (!line.includes('"level":5') && !line.includes('"level":6')) continue;
    let entry: { msg?: string; err?: { stack?: string } };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    const message = (entry.err?.stack?.split('\n').slice(0, 2).join(' | ') ?? entry.msg ?? '').slice(0, 300);
    byMessage.set(message, (byMessage.get(message) ?? 0) + 1);
  }
  return [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 10);
}
