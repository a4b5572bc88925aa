import { loadConfig } from '../config';

/** A fixed master key for tests only; production keys come from config or DATA_DIR/master.key. */
export const TEST_MASTER_KEY = 'base64:dGVzdC1tYXN0ZXIta2V5LWZvci1idWx3YXJrLXRlc3Q=';

/** Config for tests: silent logs, no rate limits to speak of, the test master key, and DATABASE_URL when set. */
export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({
    BULWARK_LOG_LEVEL: 'silent',
    BULWARK_LOGIN_RATE_PER_MINUTE: '10000',
    BULWARK_INTAKE_RATE_PER_MINUTE: '10000',
    BULWARK_RATE_LIMIT_PER_MINUTE: '0',
    BULWARK_ANON_RATE_LIMIT_PER_MINUTE: '0',
    BULWARK_MASTER_KEY: TEST_MASTER_KEY,
    DATABASE_URL: process.env.DATABASE_URL,
    ...env,
  });
