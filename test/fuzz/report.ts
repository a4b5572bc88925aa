import type { FuzzReport, Tally } from './runner';

const n = (x: number) => x.toLocaleString('en-US');
const pad = (s: string, w: number) => (s.length >= w ? s : s + ' '.repeat(w - s.length));
const lpad = (s: string, w: number) => (s.length >= w ? s : ' '.repeat(w - s.length) + s);

function table(title: string, rows: [string, Tally][], limit = rows.length) {
  const out = [
    title,
    `  ${pad('', 52)}${['requests', '2xx', '4xx', '5xx', '401/403', 'hung', 'avg ms', 'max ms'].map((h) => lpad(h, 9)).join('')}`,
  ];
  for (const [k, t] of rows.slice(0, limit)) {
    out.push(
      `  ${pad(k.slice(0, 50), 52)}${[t.requests, t.s2xx, t.s4xx, t.s5xx, t.authRejected, t.hung].map((v) => lpad(n(v), 9)).join('')}${lpad((t.ms / Math.max(1, t.requests)).toFixed(1), 9)}${lpad(t.maxMs.toFixed(0), 9)}`,
    );
  }
  return out.join('\n');
}

/** How many documented operations answered 2xx at least once (their handlers ran to the end), and which did not. */
function coverage(r: FuzzReport, operations: string[]): string {
  const never = operations.filter((k) => !(r.ops.get(k)?.s2xx ?? 0));
  const reached = operations.length - never.length;
  return `Operations with at least one 2xx: ${reached} of ${operations.length}${never.length ? `; never 2xx: ${never.join(', ')}` : ''}`;
}

/** The human-readable summary: counts per family, the slowest operations, memory, and every failure with its seed. */
export function formatReport(r: FuzzReport, opts: { slowest?: number; operations?: string[] } = {}): string {
  const families = [...r.families.entries()].sort((a, b) => b[1].requests - a[1].requests);
  const slow = [...r.ops.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const statuses = [...r.statuses.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, c]) => `${s}:${n(c)}`)
    .join(' ');
  const lines = [
    table('Per operation family', families),
    '',
    table(`Operations by total time (top ${opts.slowest ?? 15})`, slow, opts.slowest ?? 15),
    '',
    `Statuses: ${statuses}`,
    `Past authentication and access checks: ${n(r.pastAuth)} of ${n(r.requests)} (${((100 * r.pastAuth) / Math.max(1, r.requests)).toFixed(1)} %); re-logins after sessions were ended by fuzzed calls: ${r.relogins}`,
    `Operations exercised: ${r.ops.size}`,
    ...(opts.operations ? [coverage(r, opts.operations)] : []),
    `Memory: RSS ${r.memory.rssStartMiB} → ${r.memory.rssEndMiB} MiB (peak ${r.memory.peakRssMiB} MiB); heap floor after warm-up ${r.memory.heapBaseMiB} MiB, growth ${r.memory.heapFloorGrowthMiB} MiB; ${r.memory.samples} samples`,
    `Time: ${(r.wallMs / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU (${((r.requests / r.wallMs) * 1000).toFixed(0)} requests/s wall)`,
    '',
    `${n(r.requests)} requests, ${n(r.serverErrors)} server errors, ${n(r.hung)} hung, ${n(r.badProblems)} malformed problems, ${n(r.otherFailures)} other failures, peak RSS ${r.memory.peakRssMiB} MiB`,
  ];
  if (r.failures.length) {
    lines.push(
      '',
      `Failures (first ${r.failures.length}; replay one with: npm run test:fuzz -- --seed <seed> --path <path>):`,
    );
    for (const f of r.failures) {
      lines.push(
        `- [${f.kind}] ${f.method} ${f.url} → ${f.status ?? '-'}: ${f.detail}`,
        `  seed ${f.seed} path ${f.path ?? '-'} request-id ${f.requestId ?? '-'}`,
        ...(f.body ? [`  body: ${f.body.slice(0, 300)}`] : []),
        ...(f.stack ? [`  server stack: ${f.stack.split('\n').slice(0, 8).join('\n    ')}`] : []),
        `  counterexample: ${(f.counterexample ?? '').slice(0, 1500)}`,
      );
    }
  }
  return lines.join('\n');
}
