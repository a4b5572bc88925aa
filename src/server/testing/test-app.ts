import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../app';
import { ManualClock } from '../core/clock';
import type { Database } from '../db/client';
import { DEMO_PASSWORD } from '../seed/demo';
import { testConfig } from './test-config';
import { openTestDatabase } from './test-db';

/** Credentials for `inject` calls: a session cookie with its CSRF token, or a bearer token. */
export interface As {
  headers: Record<string, string>;
  csrf?: string;
  userId: string;
  orgId: string;
}

/** A full app on a private database clone, with a manual clock (from `start`, default now) and login helpers. */
/** The signed-in caller a successful login answer (password, or its TOTP step) establishes. */
export function sessionFrom(res: LightMyRequestResponse): As {
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'bulwark_session');
  const me = res.json();
  return {
    headers: { cookie: `bulwark_session=${cookie?.value}`, 'x-csrf-token': me.csrfToken },
    csrf: me.csrfToken,
    userId: me.user.id,
    orgId: me.org.id,
  };
}

export async function createTestApp(env: Record<string, string> = {}, start = new Date()) {
  const database: Database = await openTestDatabase();
  const clock = new ManualClock(start);
  const config = testConfig(env);
  const app = await buildApp({ config, database, clock, webDir: '/nonexistent' });
  await app.ready();

  /** Signs in and returns headers that carry the session cookie and CSRF token for writes. */
  async function login(email: string, password = DEMO_PASSWORD): Promise<As> {
    return sessionFrom(
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } }),
    );
  }

  return {
    app,
    database,
    clock,
    config,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The test app type. */
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
