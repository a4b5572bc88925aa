import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/actor';
import { base32Decode, totp } from '../../core/totp';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type As, createTestApp, sessionFrom, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BULWARK_LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => t.close());

const post = (url: string, as: As | null, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as?.headers ?? {}, ...(payload ? { payload } : {}) });
const passwordStep = (email: string, password = DEMO_PASSWORD) =>
  post('/api/auth/login', null, { email, password });
/** The code the authenticator app would show `steps` time steps from now. */
const codeFor = (secret: string, steps = 0) =>
  totp(base32Decode(secret), new Date(t.clock.now().getTime() + steps * 30_000));

/** Enrols a user and returns the base32 secret; the clock then moves a step so the next code is fresh. */
async function enrol(as: As): Promise<string> {
  const setup = await post('/api/auth/totp/setup', as);
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret } = setup.json();
  const on = await post('/api/auth/totp/enable', as, { code: codeFor(secret) });
  expect(on.statusCode, on.body).toBe(200);
  expect(on.json().totpEnabled).toBe(true);
  t.clock.advance(30_000);
  return secret;
}

describe('TOTP enrolment', () => {
  it('gives a regulator a base32 secret and an otpauth URI, stored sealed, and enables on a right code', async () => {
    const gd = await t.login('gd.admin@bulwark.demo');
    const setup = await post('/api/auth/totp/setup', gd);
    const { secret, otpauthUri } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe('/Bulwark:gd.admin@bulwark.demo');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Bulwark');
    const { rows } = await t.database.raw.query<{ sealed: Uint8Array }>(
      'select totp_secret_sealed as sealed from users where id = $1',
      [gd.userId],
    );
    expect(Buffer.from(rows[0]!.sealed).includes(base32Decode(secret))).toBe(false);
    expect(Buffer.from(rows[0]!.sealed).toString('latin1')).not.toContain(secret);

    const wrong = await post('/api/auth/totp/enable', gd, { code: codeFor(secret, 5) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('totp.invalid_code');
    expect(wrong.json().errors[0].path).toBe('body.code');
    const ok = await post('/api/auth/totp/enable', gd, { code: codeFor(secret) });
    expect(ok.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/auth/me', headers: gd.headers });
    expect(me.json().user.totpEnabled).toBe(true);
    expect((await post('/api/auth/totp/setup', gd)).json().code).toBe('totp.already_enabled');
  });

  it('refuses accounts outside the regulators with totp.not_allowed, and enable without setup', async () => {
    const ent = await t.login('ent.gd1@bulwark.demo');
    const r = await post('/api/auth/totp/setup', ent);
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('totp.not_allowed');
    const zj = await t.login('zj.admin@bulwark.demo');
    const early = await post('/api/auth/totp/enable', zj, { code: '123456' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('totp.not_set_up');
  });
});

describe('TOTP sign-in', () => {
  it('asks for the code after the password, then opens the session; a code works once', async () => {
    const secret = await enrol(await t.login('ministry.admin@bulwark.demo'));
    const first = await passwordStep('ministry.admin@bulwark.demo');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ totpRequired: true });
    expect(first.cookies.find((c) => c.name === 'bulwark_session')).toBeUndefined();
    const code = codeFor(secret);
    const done = await post('/api/auth/login/totp', null, { challenge: first.json().challenge, code });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.email).toBe('ministry.admin@bulwark.demo');
    const cookie = done.cookies.find((c) => c.name === 'bulwark_session');
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `bulwark_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);

    // Replay: the same code, even with a new challenge in the same step, is refused.
    const again = await passwordStep('ministry.admin@bulwark.demo');
    const replay = await post('/api/auth/login/totp', null, { challenge: again.json().challenge, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.totp_invalid');
    // The challenge was used up by the sign-in; an expired one says so.
    const used = await post('/api/auth/login/totp', null, { challenge: first.json().challenge, code });
    expect(used.json().code).toBe('auth.totp_challenge_invalid');
    t.clock.advance(6 * 60_000);
    const late = await post('/api/auth/login/totp', null, {
      challenge: again.json().challenge,
      code: codeFor(secret),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('auth.totp_challenge_invalid');
    // One step of drift either way is accepted.
    const drift = await passwordStep('ministry.admin@bulwark.demo');
    const ok = await post('/api/auth/login/totp', null, {
      challenge: drift.json().challenge,
      code: codeFor(secret, -1),
    });
    expect(ok.statusCode).toBe(200);
  });

  it('counts wrong codes toward the lock-out (423 with Retry-After), and the password step does not reset them', async () => {
    const zj = await t.login('zj.admin@bulwark.demo');
    const secret = await enrol(zj);
    const ch1 = (await passwordStep('zj.admin@bulwark.demo')).json().challenge;
    const bad = codeFor(secret, 10);
    expect((await post('/api/auth/login/totp', null, { challenge: ch1, code: bad })).statusCode).toBe(401);
    // Knowing the password again does not wipe the count.
    const ch2 = (await passwordStep('zj.admin@bulwark.demo')).json().challenge;
    expect((await post('/api/auth/login/totp', null, { challenge: ch2, code: bad })).statusCode).toBe(401);
    const third = await post('/api/auth/login/totp', null, { challenge: ch2, code: bad });
    expect(third.statusCode).toBe(423);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect((await passwordStep('zj.admin@bulwark.demo')).statusCode).toBe(423);
    const { rows } = await t.database.raw.query<{ action: string }>(
      `select action from audit_log where entity_id = $1 and action like 'auth.%' order by seq`,
      [zj.userId],
    );
    expect(rows.map((r) => r.action).slice(-3)).toEqual([
      'auth.totp_failed',
      'auth.totp_failed',
      'auth.locked',
    ]);
    t.clock.advance(16 * 60_000);
    const ch3 = (await passwordStep('zj.admin@bulwark.demo')).json().challenge;
    const ok = await post('/api/auth/login/totp', null, { challenge: ch3, code: codeFor(secret) });
    expect(ok.statusCode).toBe(200);
  });
});

describe('turning TOTP off and admin recovery', () => {
  it('needs the password and a current code to disable', async () => {
    const gdViewer = await addRegulatorUser('gd.viewer.totp@bulwark.test');
    const secret = await enrol(gdViewer);
    const wrongPw = await post('/api/auth/totp/disable', gdViewer, {
      password: 'not-the-password',
      code: codeFor(secret),
    });
    expect(wrongPw.statusCode).toBe(400);
    expect(wrongPw.json().errors[0].path).toBe('body.password');
    const wrongCode = await post('/api/auth/totp/disable', gdViewer, {
      password: DEMO_PASSWORD,
      code: codeFor(secret, 9),
    });
    expect(wrongCode.json().code).toBe('totp.invalid_code');
    const off = await post('/api/auth/totp/disable', gdViewer, {
      password: DEMO_PASSWORD,
      code: codeFor(secret),
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().totpEnabled).toBe(false);
    const plain = await passwordStep('gd.viewer.totp@bulwark.test');
    expect(plain.json().user.email).toBe('gd.viewer.totp@bulwark.test');
  });

  it('lets an admin of the org, or the ministry for a province, reset a lost device (audited), and no one else', async () => {
    const gdUser = await addRegulatorUser('gd.member.totp@bulwark.test');
    await enrol(gdUser);
    const zj = await loginWithTotpIfNeeded('zj.admin@bulwark.demo');
    const url = `/api/orgs/${gdUser.orgId}/users/${gdUser.userId}/totp/reset`;
    expect((await post(url, zj)).statusCode).toBe(404);
    const ent = await t.login('ent.gd1@bulwark.demo');
    expect((await post(url, ent)).statusCode).toBe(403);
    const gd = await loginWithTotpIfNeeded('gd.admin@bulwark.demo');
    const reset = await post(url, gd);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().totpEnabled).toBe(false);
    const plain = await passwordStep('gd.member.totp@bulwark.test');
    expect(plain.json().user).toBeDefined();

    await enrol(gdUser);
    const ministry = await loginWithTotpIfNeeded('ministry.admin@bulwark.demo');
    expect((await post(url, ministry)).statusCode).toBe(200);
    const { rows } = await t.database.raw.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_id = $1 and action = 'user.totp_reset'`,
      [gdUser.userId],
    );
    expect(rows[0]!.n).toBe(2);
  });
});

/** Adds a member to the Guangdong regulator and signs them in. */
async function addRegulatorUser(email: string): Promise<As> {
  const gd = await loginWithTotpIfNeeded('gd.admin@bulwark.demo');
  await t.app.services.users.addUser(systemContext(), gd.orgId, {
    email,
    name: 'm',
    password: DEMO_PASSWORD,
    role: 'member',
  });
  return t.login(email);
}

const secrets = new Map<string, string>();
/** Signs in a demo user whose TOTP an earlier test may have turned on, reading the secret back from the keyring. */
async function loginWithTotpIfNeeded(email: string): Promise<As> {
  const first = await passwordStep(email);
  if (!first.json().totpRequired) return t.login(email);
  let secret = secrets.get(email);
  if (!secret) {
    const { rows } = await t.database.raw.query<{ id: string; sealed: Uint8Array }>(
      'select id, totp_secret_sealed as sealed from users where email = $1',
      [email],
    );
    const raw = await t.app.services.keyring.open(
      t.database.db,
      Buffer.from(rows[0]!.sealed),
      `user:${rows[0]!.id}:totp-secret`,
    );
    secret = raw.toString('hex');
    secrets.set(email, secret);
  }
  t.clock.advance(30_000);
  const code = totp(Buffer.from(secret, 'hex'), t.clock.now());
  return sessionFrom(await post('/api/auth/login/totp', null, { challenge: first.json().challenge, code }));
}
