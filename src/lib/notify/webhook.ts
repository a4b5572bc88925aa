import { AddressRefusedError, type HostResolver, vetHost } from './address-policy';
import { fetchTransport, pinnedTransport } from './transport';
import {
  buildWebhookPayload,
  robotResponseError,
  type WebhookEvent,
  type WebhookFormat,
} from './webhook-payload';
import { dingtalkSignedUrl, signWebhook, WEBHOOK_HEADERS } from './webhook-signature';

/** One notification to one endpoint; `secret` signs Bulwark and DingTalk deliveries (WeCom keys live in the URL). */
export interface WebhookDelivery extends WebhookEvent {
  readonly url: string;
  readonly format: WebhookFormat;
  readonly secret?: string;
}

/** Transport policy; `allowPrivate` comes from config and disables the SSRF address checks. */
export interface DeliveryOptions {
  readonly fetchImpl?: typeof fetch;
  readonly timeoutMs?: number;
  readonly allowPrivate?: boolean;
  readonly maxResponseBytes?: number;
  readonly resolveHost?: HostResolver;
  readonly now?: () => number;
}

/** Outcome of one attempt; `refused` marks a policy refusal, which retrying will not fix. */
export interface DeliveryResult {
  readonly ok: boolean;
  readonly status: number;
  readonly durationMs: number;
  readonly error?: string;
  readonly refused?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/** Adds each format's authentication: Bulwark headers (signed when a secret is set) or DingTalk's query sign. */
function prepare(delivery: WebhookDelivery, url: URL, body: string, nowMs: number) {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Bulwark-Webhook/1',
  };
  if (delivery.format === 'dingtalk' && delivery.secret) {
    return { url: dingtalkSignedUrl(url, delivery.secret, nowMs), headers };
  }
  if (delivery.format === 'bulwark') {
    const timestamp = String(Math.floor(nowMs / 1000));
    headers[WEBHOOK_HEADERS.event] = delivery.event;
    headers[WEBHOOK_HEADERS.timestamp] = timestamp;
    if (delivery.secret) headers[WEBHOOK_HEADERS.signature] = signWebhook(delivery.secret, timestamp, body);
  }
  return { url, headers };
}

/** POSTs one event in its format with SSRF vetting, address pinning, no redirects, a timeout and a response cap. */
export async function deliverWebhook(
  delivery: WebhookDelivery,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const started = performance.now();
  const result = (fields: Omit<DeliveryResult, 'durationMs'>): DeliveryResult => ({
    ...fields,
    durationMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = new URL(delivery.url);
  } catch {
    return result({ ok: false, status: 0, error: 'invalid webhook URL', refused: true });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return result({ ok: false, status: 0, error: `unsupported scheme ${url.protocol}`, refused: true });
  }
  const body = JSON.stringify(buildWebhookPayload(delivery.format, delivery));
  const target = prepare(delivery, url, body, (options.now ?? Date.now)());
  try {
    const address = await vetHost(url.hostname, options.allowPrivate ?? false, options.resolveHost);
    const send = options.fetchImpl ? fetchTransport(options.fetchImpl) : pinnedTransport;
    const response = await send({
      url: target.url,
      headers: target.headers,
      body,
      address,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    });
    const { status } = response;
    if (status >= 300 && status < 400) {
      return result({
        ok: false,
        status,
        error: `redirect to ${response.location ?? '(none)'} not followed`,
      });
    }
    if (status < 200 || status >= 300) return result({ ok: false, status, error: `HTTP ${status}` });
    const robotError = robotResponseError(delivery.format, response.body);
    return result(robotError ? { ok: false, status, error: robotError } : { ok: true, status });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return result({
      ok: false,
      status: 0,
      error,
      ...(err instanceof AddressRefusedError && { refused: true }),
    });
  }
}
