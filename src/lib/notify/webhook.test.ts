import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, type WebhookDelivery } from './webhook';
import { verifyWebhook, WEBHOOK_HEADERS } from './webhook-signature';

interface Hit {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];

/** A real HTTP receiver on 127.0.0.1 that records requests and answers with `respond`. */
async function receiver(respond: (res: ServerResponse, hit: Hit) => void = (res) => res.end('ok')) {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      hits.push(hit);
      respond(res, hit);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, hits, url: `http://127.0.0.1:${port}/hook` };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const event = {
  event: 'vulnerability.published',
  title: 'CNVD-2024-12345 已发布',
  text: '**严重**：远程代码执行',
  data: { id: 7 },
};
const nowMs = Date.UTC(2026, 0, 1);
const json = (body: unknown) => (res: ServerResponse) =>
  res.setHeader('content-type', 'application/json').end(JSON.stringify(body));

describe('deliverWebhook to a real local receiver', () => {
  it('delivers a signed Bulwark event that the receiver verifies (allowPrivate = true)', async () => {
    const { url, hits } = await receiver();
    const delivery: WebhookDelivery = { url, format: 'bulwark', secret: 'whsec_1', ...event };
    const result = await deliverWebhook(delivery, { allowPrivate: true, now: () => nowMs });

    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    const timestamp = String(hit.headers[WEBHOOK_HEADERS.timestamp]);
    const signature = String(hit.headers[WEBHOOK_HEADERS.signature]);
    expect(timestamp).toBe(String(nowMs / 1000));
    expect(hit.headers[WEBHOOK_HEADERS.event]).toBe('vulnerability.published');
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(verifyWebhook('whsec_1', timestamp, hit.body, signature, { nowSeconds: nowMs / 1000 })).toEqual({
      ok: true,
    });
    const independent = createHmac('sha256', 'whsec_1').update(`${timestamp}.${hit.body}`).digest('hex');
    expect(signature).toBe(`sha256=${independent}`);
    expect(JSON.parse(hit.body)).toEqual({ ...event });
  });

  it('refuses the same receiver when private targets are not allowed, without connecting', async () => {
    const { port, hits } = await receiver();
    for (const target of [
      `http://127.0.0.1:${port}/hook`,
      `http://localhost:${port}/hook`,
      `http://2130706433:${port}/hook`,
      `http://0x7f.1:${port}/hook`,
      `http://[::ffff:127.0.0.1]:${port}/hook`,
      `http://[::1]:${port}/hook`,
    ]) {
      const result = await deliverWebhook(
        { url: target, format: 'bulwark', ...event },
        { allowPrivate: false },
      );
      expect(result, target).toMatchObject({ ok: false, status: 0, refused: true });
      expect(result.error, target).toMatch(/loopback/);
    }
    expect(hits).toHaveLength(0);
  });

  it('connects to the vetted address without a second DNS lookup, keeping the URL host for the Host header', async () => {
    const { port, hits } = await receiver();
    let lookups = 0;
    const resolveHost = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 as const }];
    };
    const url = `http://hooks.bulwark.invalid:${port}/hook`;
    const result = await deliverWebhook(
      { url, format: 'bulwark', ...event },
      { allowPrivate: true, resolveHost },
    );
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(lookups).toBe(1);
    expect(hits[0]?.headers.host).toBe(`hooks.bulwark.invalid:${port}`);
    expect(hits[0]?.headers[WEBHOOK_HEADERS.signature]).toBeUndefined();

    const refused = await deliverWebhook({ url, format: 'bulwark', ...event }, { resolveHost });
    expect(refused).toMatchObject({ ok: false, refused: true });
    expect(hits).toHaveLength(1);
  });

  it('signs DingTalk deliveries in the query and treats errcode ≠ 0 as failure', async () => {
    let answer: unknown = { errcode: 0, errmsg: 'ok' };
    const { url, hits } = await receiver((res) => json(answer)(res));
    const delivery: WebhookDelivery = {
      url: `${url}?access_token=tok`,
      format: 'dingtalk',
      secret: 'SECabc',
      ...event,
    };
    const ok = await deliverWebhook(delivery, { allowPrivate: true, now: () => nowMs });
    expect(ok).toMatchObject({ ok: true, status: 200 });

    const query = new URL(hits[0]?.url ?? '', 'http://x').searchParams;
    expect(query.get('access_token')).toBe('tok');
    expect(query.get('timestamp')).toBe(String(nowMs));
    const expected = createHmac('sha256', 'SECabc').update(`${nowMs}\nSECabc`).digest('base64');
    expect(query.get('sign')).toBe(expected);
    expect(JSON.parse(hits[0]?.body ?? '')).toEqual({
      msgtype: 'markdown',
      markdown: { title: event.title, text: `### ${event.title}\n\n${event.text}` },
    });

    answer = { errcode: 310000, errmsg: 'sign not match' };
    const failed = await deliverWebhook(delivery, { allowPrivate: true });
    expect(failed).toMatchObject({
      ok: false,
      status: 200,
      error: 'dingtalk robot error 310000: sign not match',
    });
  });

  it('sends WeCom markdown content and requires a JSON errcode answer', async () => {
    let answer: (res: ServerResponse) => void = json({ errcode: 0, errmsg: 'ok' });
    const { url, hits } = await receiver((res) => answer(res));
    const delivery: WebhookDelivery = { url: `${url}?key=k`, format: 'wecom', ...event };
    expect(await deliverWebhook(delivery, { allowPrivate: true })).toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse(hits[0]?.body ?? '')).toEqual({
      msgtype: 'markdown',
      markdown: { content: `### ${event.title}\n\n${event.text}` },
    });
    answer = (res) => res.end('<html>gateway</html>');
    expect(await deliverWebhook(delivery, { allowPrivate: true })).toMatchObject({
      ok: false,
      error: /non-JSON/,
    });
  });

  it('does not follow redirects and reports HTTP errors', async () => {
    const { url, hits } = await receiver((res, hit) => {
      if (hit.url === '/hook') res.writeHead(302, { location: '/elsewhere' }).end();
      else res.writeHead(500).end();
    });
    const redirected = await deliverWebhook({ url, format: 'bulwark', ...event }, { allowPrivate: true });
    expect(redirected).toMatchObject({
      ok: false,
      status: 302,
      error: 'redirect to /elsewhere not followed',
    });
    expect(hits.map((h) => h.url)).toEqual(['/hook']);
    const failed = await deliverWebhook(
      { url: url.replace('/hook', '/x'), format: 'bulwark', ...event },
      { allowPrivate: true },
    );
    expect(failed).toMatchObject({ ok: false, status: 500, error: 'HTTP 500' });
  });

  it('times out a receiver that never answers', async () => {
    const { url } = await receiver(() => {});
    const result = await deliverWebhook(
      { url, format: 'bulwark', ...event },
      { allowPrivate: true, timeoutMs: 200 },
    );
    expect(result).toMatchObject({ ok: false, status: 0, error: 'timed out after 200 ms' });
    expect(result.durationMs).toBeGreaterThanOrEqual(190);
    expect(result.durationMs).toBeLessThan(2000);
  });

  it('caps the response size', async () => {
    const { url } = await receiver((res) => res.end('x'.repeat(200_000)));
    const result = await deliverWebhook(
      { url, format: 'bulwark', ...event },
      { allowPrivate: true, maxResponseBytes: 1024 },
    );
    expect(result).toMatchObject({ ok: false, error: 'response body exceeds 1024 bytes' });
  });

  it('refuses non-HTTP schemes and unparsable URLs', async () => {
    for (const url of ['ftp://example.cn/x', 'file:///etc/passwd', 'gopher://example.cn/', 'not a url']) {
      const result = await deliverWebhook({ url, format: 'bulwark', ...event }, { allowPrivate: true });
      expect(result, url).toMatchObject({ ok: false, status: 0, refused: true });
    }
  });

  it('uses an injected fetch with redirect: manual, still vetting the address first', async () => {
    const { url, hits } = await receiver();
    const calls: RequestInit[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      calls.push(init ?? {});
      return fetch(input, init);
    };
    expect(await deliverWebhook({ url, format: 'bulwark', ...event }, { fetchImpl })).toMatchObject({
      refused: true,
    });
    expect(calls).toHaveLength(0);
    expect(
      await deliverWebhook({ url, format: 'bulwark', ...event }, { fetchImpl, allowPrivate: true }),
    ).toMatchObject({
      ok: true,
      status: 200,
    });
    expect(calls[0]?.redirect).toBe('manual');
    expect(hits).toHaveLength(1);
  });
});
