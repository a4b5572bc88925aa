/**
 * Outgoing notification transports; no database, no app imports.
 *
 * - {@link createMailer}: SMTP via nodemailer.
 * - {@link deliverWebhook}: one POST in Bulwark (HMAC-SHA256 signed), DingTalk-robot or WeCom-robot format, refusing
 *   loopback/private/link-local/… targets unless allowed and pinning the connection to the vetted address.
 * - {@link signWebhook}/{@link verifyWebhook}: the receiver side of the Bulwark signature with replay protection.
 */
export {
  type AddressClass,
  AddressRefusedError,
  classifyAddress,
  type HostResolver,
  type ResolvedAddress,
  vetHost,
} from './address-policy';
export { createMailer, type Mailer, type MailerConfig, type MailMessage, type SentMail } from './email';
export { type DeliveryOptions, type DeliveryResult, deliverWebhook, type WebhookDelivery } from './webhook';
export { buildWebhookPayload, type WebhookEvent, type WebhookFormat } from './webhook-payload';
export {
  DEFAULT_TOLERANCE_SECONDS,
  dingtalkSign,
  dingtalkSignedUrl,
  signWebhook,
  verifyWebhook,
  WEBHOOK_HEADERS,
  type WebhookVerification,
} from './webhook-signature';
