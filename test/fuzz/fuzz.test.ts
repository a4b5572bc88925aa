import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../src/server/testing/test-db';
import { buildHarness, type Harness } from './harness';
import { formatReport } from './report';
import { runFuzz } from './runner';
import { runSuites } from './suites';

/**
 * CI variant of `npm run test:fuzz` (issue 8): the scripted upload and export attacks, then 20,000 requests generated
 * from the live OpenAPI document. Never a 5xx, never a hung request, every 4xx a problem document, and the heap
 * floor bounded. BULWARK_FUZZ_REQUESTS and BULWARK_FUZZ_SEED override the count and the (printed) random seed.
 */
const REQUESTS = Number(process.env.BULWARK_FUZZ_REQUESTS ?? 20_000);
const SEED = Number(process.env.BULWARK_FUZZ_SEED ?? (Date.now() ^ (process.pid << 8)) | 0);
const TIMEOUT_MS = 5_000;
const HEAP_GROWTH_LIMIT_MIB = 128;
const log = (s: string) => process.stdout.write(`${s}\n`);

let h: Harness;
beforeAll(async () => {
  h = await buildHarness(await openTestDatabase());
}, 300_000);
afterAll(() => h?.close());

describe('API fuzz', () => {
  it('survives zip and XML bombs, traversal names, lying lengths, and keeps every export formula-inert', async () => {
    const suites = await runSuites(h, { timeoutMs: TIMEOUT_MS, log });
    expect(suites.failures, JSON.stringify(suites.failures, null, 2)).toEqual([]);
  }, 1_200_000);

  it(`answers ${REQUESTS} generated requests without a 5xx, a hang or a malformed problem (seed ${SEED})`, async () => {
    const report = await runFuzz(h, {
      requests: REQUESTS,
      seed: SEED,
      timeoutMs: TIMEOUT_MS,
      batch: 5_000,
      memEvery: 250,
      warmup: Math.floor(REQUESTS / 10),
    });
    log(formatReport(report, { slowest: 10, operations: h.ops.map((o) => o.key) }));
    expect(report.failures.map((f) => `${f.kind} ${f.method} ${f.url} → ${f.status}: ${f.detail}`)).toEqual(
      [],
    );
    expect(report.serverErrors + report.hung + report.badProblems + report.otherFailures).toBe(0);
    expect(report.memory.heapFloorGrowthMiB).toBeLessThan(HEAP_GROWTH_LIMIT_MIB);
    // Most requests must get past authentication and the route's access check, or handlers go unexercised.
    expect(report.pastAuth / report.requests).toBeGreaterThan(0.7);
  }, 3_600_000);
});
