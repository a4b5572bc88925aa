import { createMailer, type Mailer } from '../../../lib/notify';

/** Builds a mailer from `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (implicit TLS). */
export function mailerFromUrl(url: string, from: string): Mailer {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return createMailer({
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    auth: u.username
      ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
      : undefined,
    from,
  });
}
