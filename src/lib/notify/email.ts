import nodemailer from 'nodemailer';

/** SMTP settings; `secure` means implicit TLS (port 465), otherwise STARTTLS is used when offered. */
export interface MailerConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  readonly from: string;
  /** Fail instead of sending in clear text when the server does not offer STARTTLS. */
  readonly requireTLS?: boolean;
  readonly timeoutMs?: number;
}

/** One message; nodemailer applies RFC 2047 encoding to non-ASCII headers and folds long lines. */
export interface MailMessage {
  readonly to: string | readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** What the server accepted. */
export interface SentMail {
  readonly messageId: string;
  readonly accepted: string[];
  readonly rejected: string[];
}

/** Sends mail through one SMTP server. */
export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

const addressOf = (a: string | { address: string }): string => (typeof a === 'string' ? a : a.address);

/** Creates a {@link Mailer} over nodemailer's SMTP transport. */
export function createMailer(config: MailerConfig): Mailer {
  const timeout = config.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTLS ?? false,
    auth: config.auth ? { user: config.auth.user, pass: config.auth.pass } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: config.from,
        to: typeof message.to === 'string' ? message.to : [...message.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      return {
        messageId: info.messageId,
        accepted: info.accepted.map(addressOf),
        rejected: info.rejected.map(addressOf),
      };
    },
    close: () => transport.close(),
  };
}
