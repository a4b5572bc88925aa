/** The demo password every seeded login shares. */
export const DEMO_PASSWORD = 'Bulwark-Demo-2026';

/** A signed-in user: the session cookie and CSRF token live in the database, so they outlive a server restart. */
export interface Session {
  email: string;
  cookie: string;
  csrf: string;
}

/** What came back from one request; `status` 0 means the connection failed (refused, reset mid-request). */
export interface Reply {
  status: number;
  body: unknown;
  error?: string;
}

/** Signs in with the demo password; throws unless the server answers 200. */
export async function login(baseUrl: string, email: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { email, cookie, csrf: csrfToken };
}

/**
 * One API call as `session` (or anonymously). Never throws: a connection cut by the kill is status 0, and a 2xx whose
 * body was cut off keeps its status with `body` undefined, since the status line already acknowledged the write.
 */
export async function call(
  baseUrl: string,
  session: Session | null,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<Reply> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (e) {
    return { status: 0, body: undefined, error: e instanceof Error ? e.message : String(e) };
  }
  try {
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } catch (e) {
    return { status: res.status, body: undefined, error: e instanceof Error ? e.message : String(e) };
  }
}
