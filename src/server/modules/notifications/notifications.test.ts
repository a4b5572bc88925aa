import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../lib/notify';
import { systemContext } from '../../core/actor';
import { inTransaction } from '../../db/tx';
import { createTestApp, type TestApp } from '../../testing/test-app';

/** Real local SMTP and HTTP receivers; only the network is local, nothing of ours is mocked. */
const mails: { to: string[]; raw: string }[] = [];
const hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let smtp: SMTPServer;
let receiver: http.Server;
let t: TestApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({
    BULWARK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    BULWARK_WEBHOOK_ALLOW_PRIVATE: 'true',
  });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  receiver.close();
});

describe('notifications', () => {
  it('delivers in-app, by email over SMTP and by signed webhook from one event', async () => {
    const admin = await t.login('vendor.admin@bulwark.demo');
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: admin.headers,
      payload: { url, secret: 'shared-secret-1', events: ['vulnerability.*'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('secret');

    const n = await inTransaction(t.database.db, (tx) =>
      t.app.services.notifications.notify(tx, systemContext(), {
        orgIds: [admin.orgId],
        kind: 'vulnerability.assigned',
        title: '新的漏洞报告待核实',
        body: '请在 2 日内向国家平台报送。',
        link: '/vulnerabilities/x',
      }),
    );
    expect(n).toBe(2);
    const ignored = await inTransaction(t.database.db, (tx) =>
      t.app.services.notifications.notify(tx, systemContext(), {
        orgIds: [admin.orgId],
        kind: 'exposure.new',
        title: 'x',
        body: 'y',
      }),
    );
    expect(ignored).toBe(2);
    const r = await t.app.services.notifications.deliverPending(new Date());
    expect(r).toEqual({ attempted: 5, sent: 5 });

    expect(mails.flatMap((m) => m.to).sort()).toEqual([
      'vendor.admin@bulwark.demo',
      'vendor.admin@bulwark.demo',
      'vendor.member@bulwark.demo',
      'vendor.member@bulwark.demo',
    ]);
    expect(mails[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(hooks).toHaveLength(1);
    const h = hooks[0]!;
    expect(JSON.parse(h.body)).toMatchObject({
      event: 'vulnerability.assigned',
      title: '新的漏洞报告待核实',
    });
    const v = verifyWebhook(
      'shared-secret-1',
      String(h.headers['x-bulwark-timestamp']),
      h.body,
      String(h.headers['x-bulwark-signature']),
    );
    expect(v).toEqual({ ok: true });

    const list = await t.app.inject({ url: '/api/notifications?unread=true', headers: admin.headers });
    expect(list.json().items.map((i: { kind: string }) => i.kind)).toEqual([
      'exposure.new',
      'vulnerability.assigned',
    ]);
    const first = list.json().items[0].id;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/notifications/${first}/read`,
          headers: admin.headers,
        })
      ).json().readAt,
    ).not.toBeNull();
    const member = await t.login('vendor.member@bulwark.demo');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/notifications/${first}/read`,
          headers: member.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: admin.headers })
      ).json(),
    ).toEqual({ updated: 1 });
  });

  it('retries a failing email later and never sends twice', async () => {
    const before = mails.length;
    const researcher = await t.login('researcher@bulwark.demo');
    await inTransaction(t.database.db, (tx) =>
      t.app.services.notifications.notify(tx, systemContext(), {
        orgIds: [researcher.orgId],
        kind: 'test.once',
        title: 'once',
        body: 'once',
      }),
    );
    const now = new Date();
    expect((await t.app.services.notifications.deliverPending(now)).sent).toBe(1);
    expect(
      (await t.app.services.notifications.deliverPending(new Date(now.getTime() + 3_600_000))).attempted,
    ).toBe(0);
    expect(mails.length).toBe(before + 1);
  });

  it('refuses a webhook to a private address unless configured, and tests a webhook on demand', async () => {
    const strict = await createTestApp();
    try {
      const admin = await strict.login('ent.gd1@bulwark.demo');
      const w = await strict.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: admin.headers,
        payload: { url: 'http://127.0.0.1:9/x', format: 'dingtalk' },
      });
      const test = await strict.app.inject({
        method: 'POST',
        url: `/api/webhooks/${w.json().id}/test`,
        headers: admin.headers,
      });
      expect(test.json()).toMatchObject({ ok: false });
      expect(test.json().error).toMatch(/loopback|private|refus/i);
    } finally {
      await strict.close();
    }
  });
});
