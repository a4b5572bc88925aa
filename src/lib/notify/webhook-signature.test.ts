import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingtalkSign, dingtalkSignedUrl, signWebhook, verifyWebhook } from './webhook-signature';

const secret = 'whsec_test';
const body = JSON.stringify({ event: 'vulnerability.published', title: '漏洞', data: { id: 1 } });
const now = 1_767_225_600; // 2026-01-01T00:00:00Z

describe('Bulwark webhook signature', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>" as sha256=<hex>', () => {
    const independent = createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(Buffer.from(`${now}.${body}`, 'utf8'))
      .digest('hex');
    expect(signWebhook(secret, now, body)).toBe(`sha256=${independent}`);
  });
  it('verifies a round trip', () => {
    expect(
      verifyWebhook(secret, String(now), body, signWebhook(secret, now, body), { nowSeconds: now + 10 }),
    ).toEqual({
      ok: true,
    });
  });
  it.each([
    ['body', () => [String(now), `${body} `, signWebhook(secret, now, body)]],
    ['timestamp', () => [String(now + 1), body, signWebhook(secret, now, body)]],
    ['secret', () => [String(now), body, signWebhook('other', now, body)]],
    [
      'signature digit',
      () => [String(now), body, signWebhook(secret, now, body).replace(/.$/, (c) => (c === '0' ? '1' : '0'))],
    ],
  ])('rejects a tampered %s as mismatch', (_label, make) => {
    const [timestamp, payload, signature] = make() as [string, string, string];
    expect(verifyWebhook(secret, timestamp, payload, signature, { nowSeconds: now })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
  it('rejects stale and future timestamps outside the tolerance window', () => {
    const signature = signWebhook(secret, now, body);
    const at = (nowSeconds: number, toleranceSeconds?: number) =>
      verifyWebhook(secret, String(now), body, signature, { nowSeconds, toleranceSeconds });
    expect(at(now + 300)).toEqual({ ok: true });
    expect(at(now + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(at(now - 301)).toEqual({ ok: false, reason: 'stale' });
    expect(at(now + 30, 10)).toEqual({ ok: false, reason: 'stale' });
  });
  it.each([
    ['no prefix', String(now), signWebhook(secret, now, body).slice(7)],
    ['short hex', String(now), 'sha256=abcd'],
    ['upper-case hex', String(now), signWebhook(secret, now, body).toUpperCase()],
    ['non-numeric timestamp', 'yesterday', signWebhook(secret, 'yesterday', body)],
  ])('rejects %s as malformed', (_label, timestamp, signature) => {
    expect(verifyWebhook(secret, timestamp, body, signature, { nowSeconds: now })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});

describe('DingTalk robot sign (加签)', () => {
  // The secret of DingTalk's sample code; the millisecond timestamp is arbitrary. The literals below were computed
  // with Python's hmac/base64/urllib.parse.quote_plus, mirroring DingTalk's Python sample.
  const dtSecret = 'this is secret';
  const timestampMs = 1_577_262_236_757;
  const pythonSign = 'hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=';
  const pythonQuoted = 'hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D';

  it('equals Base64(HMAC-SHA256(key=secret, timestamp + "\\n" + secret)) computed independently', () => {
    const expected = createHmac('sha256', Buffer.from(dtSecret, 'utf8'))
      .update(Buffer.from(`${timestampMs}\n${dtSecret}`, 'utf8'))
      .digest('base64');
    expect(dingtalkSign(dtSecret, timestampMs)).toBe(expected);
    expect(dingtalkSign(dtSecret, timestampMs)).toBe(pythonSign);
    expect(dingtalkSign(dtSecret, timestampMs + 1)).not.toBe(expected);
  });
  it('appends timestamp and the URL-encoded sign to the robot URL, keeping access_token', () => {
    const url = new URL('https://oapi.dingtalk.com/robot/send?access_token=abc123');
    const signed = dingtalkSignedUrl(url, dtSecret, timestampMs);
    const sign = dingtalkSign(dtSecret, timestampMs);
    expect(signed.searchParams.get('access_token')).toBe('abc123');
    expect(signed.searchParams.get('timestamp')).toBe(String(timestampMs));
    expect(signed.searchParams.get('sign')).toBe(sign);
    // Like Java's URLEncoder / Python's quote_plus in DingTalk's samples: + / = are percent-encoded.
    expect(signed.search).toBe(`?access_token=abc123&timestamp=${timestampMs}&sign=${pythonQuoted}`);
    expect(sign).toBe(pythonSign);
    expect(url.search).toBe('?access_token=abc123');
  });
});
