/** Target payload dialect: Bulwark's own signed JSON event, a DingTalk robot or a WeCom (企业微信) robot. */
export type WebhookFormat = 'bulwark' | 'dingtalk' | 'wecom';

/** What is being announced; robots get `title` and `text` as Markdown, Bulwark receivers get everything. */
export interface WebhookEvent {
  readonly event: string;
  readonly title: string;
  readonly text: string;
  readonly data?: unknown;
}

/** Builds the JSON body for `format`. */
export function buildWebhookPayload(format: WebhookFormat, e: WebhookEvent): unknown {
  switch (format) {
    case 'bulwark':
      return { event: e.event, title: e.title, text: e.text, data: e.data ?? null };
    case 'dingtalk':
      // DingTalk shows `title` only in the conversation list, so it is repeated as the heading of `text`.
      return { msgtype: 'markdown', markdown: { title: e.title, text: `### ${e.title}\n\n${e.text}` } };
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: `### ${e.title}\n\n${e.text}` } };
  }
}

/**
 * Robots answer HTTP 200 even on failure and report it as `{ errcode, errmsg }` with errcode 0 for success; returns
 * an error message, or undefined when the response body reports success (or the format has no such convention).
 */
export function robotResponseError(format: WebhookFormat, body: string): string | undefined {
  if (format === 'bulwark') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `${format} robot returned a non-JSON body`;
  }
  const { errcode, errmsg } = (parsed ?? {}) as { errcode?: unknown; errmsg?: unknown };
  return errcode === 0 ? undefined : `${format} robot error ${String(errcode)}: ${String(errmsg)}`;
}
