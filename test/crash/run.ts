import { randomBytes } from 'node:crypto';
import { type Ack, directCheck, type InFlight, Lost, verifyAcks, verifyAudit } from './checks';
import { login, type Session } from './client';
import { driveAndKill, fixtures } from './drive';
import { createEngine } from './engine';
import { checkInvariants } from './invariants';
import { baseEnv, runCli, type ServerProcess, startServer } from './server';
import { WRITE_KINDS } from './writes';

/** How a crash run is driven. */
export interface CrashOptions {
  cycles: number;
  /**
   * The kill lands a random time in [minDelayMs, maxDelayMs] after every writer's first acknowledged write of the
   * cycle, so that writes of every kind are flowing when it lands however slow (or cold after a restart) it is.
   */
  minDelayMs: number;
  maxDelayMs: number;
  /** Seeds the kill delays, so a failing schedule can be replayed (the kill itself still races the writes). */
  seed: number;
  /** Keep the data (temp folder or database) even when the run passes. */
  keep?: boolean;
  log: (line: string) => void;
}

/** What a crash run found. */
export interface CrashResult {
  engine: 'pglite' | 'postgres';
  cycles: number;
  acknowledged: number;
  byKind: Record<string, number>;
  /** Writes cut off by the kill (no 2xx seen), and how many of them committed anyway. */
  inFlight: number;
  inFlightCommitted: number;
  /** Distinct acknowledged writes (or sessions) missing or incomplete after a restart. */
  lostWrites: number;
  /** What was found missing, once per finding (a write may be found by the API check and the direct one). */
  lost: string[];
  violations: string[];
  lockRecoveries: number;
  auditRows: number;
  startMs: number[];
  /** CPU time of each start, which a loaded machine does not inflate (empty off Linux). */
  startCpuMs: number[];
  elapsedMs: number;
  where: string;
}

const ADMIN = 'ministry.admin@bulwark.demo';

/** mulberry32: small, seedable, good enough to spread kill times. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The crash test (issue 8): start the real server, drive writes, kill -9 it at a random moment, restart and check
 * that nothing acknowledged was lost, nothing is half-written, the audit chain verifies and the lock recovered.
 */
export async function runCrashTest(opts: CrashOptions): Promise<CrashResult> {
  const began = Date.now();
  const random = prng(opts.seed);
  const tag = randomBytes(2).toString('hex');
  const engine = await createEngine();
  const log = opts.log;
  log(
    `crash test on ${engine.where}: ${opts.cycles} cycles, kill ${opts.minDelayMs}–${opts.maxDelayMs} ms after every writer's first ack, seed ${opts.seed}`,
  );
  const acks: Ack[] = [];
  const inFlight: InFlight[] = [];
  const lost = new Lost();
  const violations: string[] = [];
  const seen = new Set<string>();
  const startMs: number[] = [];
  const startCpuMs: number[] = [];
  let lockRecoveries = 0;
  let server: ServerProcess | undefined;
  let failed = true;
  const env = (seed: boolean) => baseEnv({ ...engine.env, BULWARK_SEED_DEMO: String(seed) });
  try {
    server = await startServer(env(true));
    startMs.push(server.startMs);
    if (server.startCpuMs !== undefined) startCpuMs.push(server.startCpuMs);
    log(`first start (migrate + demo seed) in ${(server.startMs / 1000).toFixed(1)} s`);
    const sessions = new Map<string, Session>();
    for (const email of new Set([ADMIN, ...WRITE_KINDS.map((k) => k.email)]))
      sessions.set(email, await login(server.baseUrl, email));
    const f = await fixtures(server.baseUrl, sessions);
    let head = await verifyAudit(server.baseUrl, sessions.get(ADMIN)!, violations, 'first start');

    for (let cycle = 1; cycle <= opts.cycles; cycle++) {
      const delay = Math.round(opts.minDelayMs + random() * (opts.maxDelayMs - opts.minDelayMs));
      const before = { acks: acks.length, inFlight: inFlight.length };
      const deadPid = server.pid;
      const t0 = Date.now();
      await driveAndKill(server, sessions, f, cycle, tag, delay, acks, inFlight, violations);
      const cycleAcks = acks.slice(before.acks);
      const lockProblem = await engine.lockAfterKill(deadPid);
      if (lockProblem) violations.push(`cycle ${cycle}: ${lockProblem}`);

      server = await startServer(env(false)).catch((e: Error) => {
        throw new Error(`cycle ${cycle}: the server did not start again after kill -9: ${e.message}`);
      });
      startMs.push(server.startMs);
      if (server.startCpuMs !== undefined) startCpuMs.push(server.startCpuMs);
      const restartProblem = await engine.lockAfterRestart(server.pid);
      if (restartProblem) violations.push(`cycle ${cycle}: ${restartProblem}`);
      if (!lockProblem && !restartProblem) lockRecoveries++;

      const t1 = Date.now();
      const lostBefore = lost.keys.size;
      await verifyAcks(server.baseUrl, sessions, cycleAcks, lost);
      const newHead = await verifyAudit(server.baseUrl, sessions.get(ADMIN)!, violations, `cycle ${cycle}`);
      // Every acknowledged write appended at least one audit row in its transaction; none may have vanished.
      if (newHead < head + cycleAcks.length)
        violations.push(
          `cycle ${cycle}: audit head ${newHead} < ${head} + ${cycleAcks.length} acknowledged writes`,
        );
      head = newHead;
      // The invariants hold over all rows, so a violation stays visible: report it at the first cycle it shows.
      if (engine.live)
        for (const v of await checkInvariants(engine.live.raw)) {
          if (seen.has(v)) continue;
          seen.add(v);
          violations.push(`cycle ${cycle}: ${v}`);
        }
      log(
        `cycle ${cycle}/${opts.cycles}: killed ${delay} ms after all writers' first ack with ${cycleAcks.length} writes acknowledged ` +
          `(${((t1 - t0 - server.startMs) / 1000).toFixed(1)} s of writes), ` +
          `${inFlight.length - before.inFlight} in flight; restarted in ${(server.startMs / 1000).toFixed(1)} s` +
          `${server.startCpuMs === undefined ? '' : ` (${(server.startCpuMs / 1000).toFixed(1)} s CPU)`}; ` +
          `checks ${((Date.now() - t1) / 1000).toFixed(1)} s; ${lost.keys.size - lostBefore} lost`,
      );
    }

    const code = await server.stop();
    if (code !== 0) violations.push(`graceful stop exited ${code}`);
    server = undefined;
    const cli = await runCli(env(false), ['audit', 'verify']);
    if (cli.code !== 0 || !(JSON.parse(cli.stdout || '{}') as { ok?: boolean }).ok)
      violations.push(`bulwark audit verify exited ${cli.code}: ${cli.stdout}${cli.stderr}`);
    const direct = await directCheck(engine, acks, inFlight);
    for (const [key, line] of direct.lost) lost.add(key, line);
    violations.push(...direct.violations.filter((v) => !seen.has(v)));
    failed = lost.keys.size > 0 || violations.length > 0;
    const byKind: Record<string, number> = {};
    for (const a of acks) byKind[a.kind.name] = (byKind[a.kind.name] ?? 0) + 1;
    return {
      engine: engine.kind,
      cycles: opts.cycles,
      acknowledged: acks.length,
      byKind,
      inFlight: inFlight.length,
      inFlightCommitted: direct.committed,
      lostWrites: lost.keys.size,
      lost: lost.lines,
      violations,
      lockRecoveries,
      auditRows: direct.auditRows,
      startMs,
      startCpuMs,
      elapsedMs: Date.now() - began,
      where: engine.where,
    };
  } finally {
    await server?.kill9();
    const keep = failed || Boolean(opts.keep);
    await engine.cleanup(keep);
    if (keep) log(`data kept: ${engine.where}`);
  }
}

/** The one-paragraph report; the first line is the issue's `N cycles, 0 acknowledged writes lost`. */
export function summarize(r: CrashResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const starts = r.startMs.slice(1);
  const cpu = r.startCpuMs.slice(1);
  const lines = [
    `${r.cycles} cycles, ${r.lostWrites} acknowledged writes lost`,
    `  engine ${r.engine}; ${r.acknowledged} writes acknowledged (${Object.entries(r.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}); ${r.inFlight} in flight at a kill, ${r.inFlightCommitted} of them committed`,
    `  ${r.violations.length} invariant violations; audit chain ${r.auditRows} rows; ` +
      `lock recovered after ${r.lockRecoveries}/${r.cycles} kills`,
    `  first start ${s(r.startMs[0]!)}${r.startCpuMs.length ? ` (${s(r.startCpuMs[0]!)} CPU)` : ''}, ` +
      `restarts ${s(mean(starts))} mean / ${s(Math.max(0, ...starts))} max` +
      `${cpu.length ? ` (${s(mean(cpu))} CPU mean)` : ''}; total ${s(r.elapsedMs)}`,
    ...r.lost.map((l) => `  LOST ${l}`),
    ...r.violations.map((v) => `  VIOLATION ${v}`),
  ];
  return lines.join('\n');
}
