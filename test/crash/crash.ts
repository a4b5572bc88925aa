import { parseArgs } from 'node:util';
import { runCrashTest, summarize } from './run';

/**
 * `npm run test:crash [-- --cycles 10 --seed 42 --min-delay 50 --max-delay 1500 --keep]`: the kill -9 durability
 * test on PGlite, or on PostgreSQL when DATABASE_URL is set. Cycles default to 100 (or BULWARK_CRASH_CYCLES); each
 * kill lands min–max ms after every writer's first 2xx of the cycle. Exit 1 on any lost write or violation.
 */
const { values } = parseArgs({
  options: {
    cycles: { type: 'string' },
    seed: { type: 'string' },
    'min-delay': { type: 'string', default: '50' },
    'max-delay': { type: 'string', default: '1500' },
    keep: { type: 'boolean', default: false },
  },
});
// Exit through process.exit so the servers this run started are killed too (server.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

const int = (v: string | undefined, name: string, fallback: number) => {
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`test:crash: ${name} must be a whole number, got ${v}\n`);
    process.exit(2);
  }
  return n;
};

const result = await runCrashTest({
  cycles: Math.max(1, int(values.cycles ?? process.env.BULWARK_CRASH_CYCLES, 'cycles', 100)),
  seed: int(values.seed ?? process.env.BULWARK_CRASH_SEED, 'seed', Math.floor(Math.random() * 2 ** 31)),
  minDelayMs: int(values['min-delay'], 'min-delay', 50),
  maxDelayMs: int(values['max-delay'], 'max-delay', 1500),
  keep: values.keep,
  log: (line) => process.stdout.write(`${line}\n`),
}).catch((e: unknown) => {
  process.stderr.write(`test:crash: FAILED: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
process.stdout.write(`${summarize(result)}\n`);
process.exit(result.lostWrites || result.violations.length ? 1 : 0);
