import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('has defaults that serve on 8080 with PGlite in ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.auditHash).toBe('sm3');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('requires a shared master key with PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/BULWARK_MASTER_KEY/);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', BULWARK_MASTER_KEY: 'a'.repeat(64) })
        .databaseUrl,
    ).toBeDefined();
  });

  it('lists every bad setting at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        BULWARK_AUDIT_HASH: 'md5',
        BULWARK_SEED_DEMO: 'maybe',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(problems.sort()).toEqual([
        'BULWARK_AUDIT_HASH',
        'BULWARK_MASTER_KEY',
        'BULWARK_SEED_DEMO',
        'DATABASE_URL',
        'PORT',
      ]);
    }
  });
});
