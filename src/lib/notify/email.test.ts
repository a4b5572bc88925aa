import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from './email';
import { decodeBody, mimeParts, parseEntity } from './mime.test-support';

interface Received {
  from: string;
  to: string[];
  user?: string;
  raw: string;
}

const servers: SMTPServer[] = [];

/** Starts a real SMTP server on 127.0.0.1 (random port) that records every message it accepts. */
async function startServer(options: SMTPServerOptions = {}): Promise<{ port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...options,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        callback();
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, inbox };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const from = 'Bulwark 通知 <noreply@bulwark.example>';

describe('createMailer against a real SMTP server', () => {
  it('delivers a UTF-8 Chinese subject (RFC 2047 encoded) and body, with envelope and headers intact', async () => {
    const { port, inbox } = await startServer();
    const mailer = createMailer({ host: '127.0.0.1', port, secure: false, from });
    const subject = '【漏洞预警】CNVD-2024-12345 远程代码执行漏洞';
    const text = '受影响版本：1.0.0 至 1.2.3。\n请尽快升级。';
    const sent = await mailer.send({ to: 'analyst@example.cn', subject, text });
    mailer.close();

    expect(sent.accepted).toEqual(['analyst@example.cn']);
    expect(sent.rejected).toEqual([]);
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.from).toBe('noreply@bulwark.example');
    expect(mail.to).toEqual(['analyst@example.cn']);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(/[^\x20-\x7e\r\n\t]/.test(mail.raw)).toBe(false);
    const entity = parseEntity(mail.raw);
    expect(entity.headers.get('subject')).toEqual([subject]);
    expect(entity.headers.get('from')?.[0]).toBe('Bulwark 通知 <noreply@bulwark.example>');
    expect(entity.headers.get('message-id')?.[0]).toBe(sent.messageId);
    expect(decodeBody(entity).replace(/\r\n/g, '\n').trimEnd()).toBe(text);
  });

  it('sends text and html as multipart/alternative to several recipients', async () => {
    const { port, inbox } = await startServer();
    const mailer = createMailer({ host: '127.0.0.1', port, secure: false, from });
    await mailer.send({
      to: ['a@example.cn', 'b@example.cn'],
      subject: 'digest',
      text: '纯文本',
      html: '<p>超文本</p>',
    });
    mailer.close();

    expect(inbox[0]?.to).toEqual(['a@example.cn', 'b@example.cn']);
    const parts = mimeParts(parseEntity(inbox[0]?.raw ?? ''));
    const byType = new Map(
      parts.map((p) => [p.headers.get('content-type')?.[0]?.split(';')[0], decodeBody(p)]),
    );
    expect(byType.get('text/plain')?.trim()).toBe('纯文本');
    expect(byType.get('text/html')?.trim()).toBe('<p>超文本</p>');
  });

  it('authenticates with the configured credentials', async () => {
    const { port, inbox } = await startServer({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'bulwark' && auth.password === 's3cret')
          callback(null, { user: auth.username });
        else callback(new Error('invalid credentials'));
      },
    });
    const good = createMailer({
      host: '127.0.0.1',
      port,
      secure: false,
      from,
      auth: { user: 'bulwark', pass: 's3cret' },
    });
    await good.send({ to: 'x@example.cn', subject: 's', text: 't' });
    good.close();
    expect(inbox[0]?.user).toBe('bulwark');

    const bad = createMailer({
      host: '127.0.0.1',
      port,
      secure: false,
      from,
      auth: { user: 'bulwark', pass: 'nope' },
    });
    await expect(bad.send({ to: 'x@example.cn', subject: 's', text: 't' })).rejects.toThrow(
      /invalid credentials/,
    );
    bad.close();
    expect(inbox).toHaveLength(1);
  });

  it('reports recipients the server rejects and does not let a subject inject headers', async () => {
    const { port, inbox } = await startServer({
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@blocked.example')) callback(new Error('mailbox unavailable'));
        else callback();
      },
    });
    const mailer = createMailer({ host: '127.0.0.1', port, secure: false, from });
    const sent = await mailer.send({
      to: ['ok@example.cn', 'no@blocked.example'],
      subject: 'hello\r\nBcc: victim@evil.example',
      text: 't',
    });
    mailer.close();

    expect(sent.accepted).toEqual(['ok@example.cn']);
    expect(sent.rejected).toEqual(['no@blocked.example']);
    expect(inbox[0]?.to).toEqual(['ok@example.cn']);
    const entity = parseEntity(inbox[0]?.raw ?? '');
    expect(entity.headers.has('bcc')).toBe(false);
    expect(entity.headers.get('subject')?.[0]).toMatch(/^hello\s*Bcc: victim@evil\.example$/);
  });

  it('refuses to send in clear text when requireTLS is set and the server offers no STARTTLS', async () => {
    const { port, inbox } = await startServer();
    const mailer = createMailer({
      host: '127.0.0.1',
      port,
      secure: false,
      from,
      requireTLS: true,
      timeoutMs: 5000,
    });
    await expect(mailer.send({ to: 'x@example.cn', subject: 's', text: 't' })).rejects.toThrow(/STARTTLS/i);
    mailer.close();
    expect(inbox).toHaveLength(0);
  });
});
