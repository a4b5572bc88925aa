import { expect, it } from 'vitest';
import { runCrashTest, summarize } from './run';

const cycles = Number(process.env.BULWARK_CRASH_CYCLES || 10);

/** The CI-sized crash test (issue 8) on the engine DATABASE_URL selects; `npm run test:crash` runs 100 cycles. */
it(`loses no acknowledged write over ${cycles} kill -9 cycles`, { timeout: 900_000 }, async () => {
  const r = await runCrashTest({
    cycles,
    minDelayMs: 50,
    maxDelayMs: 1500,
    seed: Date.now() % 2 ** 31,
    log: console.log,
  });
  console.log(summarize(r));
  expect(r.lost).toEqual([]);
  expect(r.lostWrites).toBe(0);
  expect(r.violations).toEqual([]);
  expect(r.lockRecoveries).toBe(cycles);
  expect(r.acknowledged).toBeGreaterThan(0);
});
