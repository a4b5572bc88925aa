import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names carried by every Bulwark-format delivery. */
export const WEBHOOK_HEADERS = {
  signature: 'x-bulwark-signature',
  timestamp: 'x-bulwark-timestamp',
  event: 'x-bulwark-event',
} as const;

/** Default replay window for {@link verifyWebhook}, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Signs `${timestamp}.${body}` with HMAC-SHA256 (RFC 2104); `timestamp` is Unix seconds. Returns 'sha256=<hex>'. */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Outcome of {@link verifyWebhook}; `stale` means outside the replay window. */
export type WebhookVerification = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** Checks a received signature in constant time and rejects timestamps more than `toleranceSeconds` from now. */
export function verifyWebhook(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): WebhookVerification {
  const match = /^sha256=([0-9a-f]{64})$/.exec(signature);
  if (!match?.[1] || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { ok: false, reason: 'stale' };
  }
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'))
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}

/**
 * DingTalk custom-robot "加签" signature: HMAC-SHA256 keyed by the SEC… secret over `${timestampMs}\n${secret}`,
 * Base64-encoded (before URL encoding). DingTalk rejects timestamps more than one hour from its clock.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Appends DingTalk's `timestamp` and URL-encoded `sign` query parameters to a robot webhook URL. */
export function dingtalkSignedUrl(url: URL, secret: string, timestampMs: number): URL {
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return signed;
}
