import { defineConfig } from 'vitest/config';

const reportDir = process.env.BULWARK_TEST_REPORT_DIR;

/** Browser journeys against the real server: one file at a time, generous timeouts, web build in globalSetup. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/e2e.json` }]] : ['default'],
  },
});
