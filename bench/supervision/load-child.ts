/**
 * The load generator of the supervision bench, in its own process so that sending requests does not share the
 * server's event loop. It runs one autocannon job per message and sends back every 2xx latency (ms, from
 * autocannon's per-response event), so the parent computes exact percentiles rather than reading the fixed
 * ones (p50/p97.5/p99) of autocannon's summary.
 */
import autocannon from 'autocannon';
import type { LoadJob, LoadResult } from './load';

process.on('message', async (job: LoadJob) => {
  const latencies: number[] = [];
  let non2xx = 0;
  const statuses: Record<string, number> = {};
  const t0 = performance.now();
  const run = autocannon({
    url: job.url,
    connections: job.connections,
    ...(job.amount ? { amount: job.amount } : { duration: job.durationS }),
    timeout: job.timeoutS,
    headers: job.headers,
  });
  run.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else {
      non2xx++;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  });
  const r = await run;
  const out: LoadResult = {
    id: job.id,
    latencies,
    non2xx,
    statuses,
    errors: r.errors,
    timeouts: r.timeouts,
    elapsedS: (performance.now() - t0) / 1000,
  };
  process.send?.(out);
});
