import { defineConfig } from 'vitest/config';

const reportDir = process.env.BULWARK_TEST_REPORT_DIR;

/**
 * Browser journeys against real servers. Each file has its own server, data and browser, and journeys mostly wait
 * on rendering, so two files run at a time; the web build and a seeded template database come from globalSetup.
 * The longest journeys are listed first so the two lanes finish together.
 */
export default defineConfig({
  test: {
    globalSetup: ['e2e/support/global-setup.ts'],
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: true,
    maxWorkers: 2,
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/e2e.json` }]] : ['default'],
  },
});
