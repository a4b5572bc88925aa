import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  BULWARK_SEED_DEMO: flag.default(true),
  BULWARK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BULWARK_AUDIT_HASH: z.enum(['sm3', 'sha256']).default('sm3'),
  BULWARK_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(1024 * 1024),
  BULWARK_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  BULWARK_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  BULWARK_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BULWARK_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  BULWARK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  BULWARK_ANON_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  BULWARK_COOKIE_SECURE: flag.default(false),
  BULWARK_PUBLIC_URL: z.url().optional(),
  BULWARK_PG_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  BULWARK_MASTER_KEY: z
    .string()
    .regex(
      /^(base64:[A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/,
      'must be 32 bytes as 64 hex characters or base64:…',
    )
    .optional(),
  BULWARK_MASTER_KEYS_PREVIOUS: z.string().optional(),
  BULWARK_SEAL_ALG: z.enum(['sm4-ctr-hmac-sm3', 'aes-256-gcm']).default('sm4-ctr-hmac-sm3'),
  BULWARK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+$/, 'must look like smtp://user:pass@host:587')
    .optional(),
  BULWARK_MAIL_FROM: z.string().min(3).default('Bulwark <noreply@bulwark.local>'),
  BULWARK_WEBHOOK_ALLOW_PRIVATE: flag.default(false),
  BULWARK_INTAKE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  BULWARK_REGULATIONS_DIR: z.string().min(1).optional(),
  BULWARK_CLOCK_OFFSET_FILE: z.string().min(1).optional(),
  BULWARK_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(8192).default(512),
  BULWARK_PDF_FONT: z.string().min(1).optional(),
});

/** The validated, frozen configuration; the only place that reads `process.env`. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly seedDemo: boolean;
  readonly logLevel: z.infer<typeof Env>['BULWARK_LOG_LEVEL'];
  readonly auditHash: 'sm3' | 'sha256';
  readonly bodyLimit: number;
  readonly sessionTtlHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly loginRatePerMinute: number;
  /** API requests per signed-in account (sessions and tokens of one user together) per minute; 0 = no limit. */
  readonly rateLimitPerMinute: number;
  /** Anonymous API requests per client IP per minute; 0 = no limit. Login and intake keep their own limits. */
  readonly anonRateLimitPerMinute: number;
  readonly cookieSecure: boolean;
  readonly publicUrl: string | undefined;
  readonly pgPoolMax: number;
  /** Master key material (secret); absent means a generated key file in DATA_DIR (PGlite only). */
  readonly masterKey: string | undefined;
  readonly masterKeysPrevious: string | undefined;
  readonly sealAlg: 'sm4-ctr-hmac-sm3' | 'aes-256-gcm';
  /** SMTP server for email notifications; unset turns email off. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Allow webhooks to loopback/private addresses (tests, intranet receivers). */
  readonly webhookAllowPrivate: boolean;
  /** Anonymous intake and claim-code requests per IP per minute. */
  readonly intakeRatePerMinute: number;
  /** A folder of newer regulation packs (`rmsv-2021.json`, …) that override the bundled ones. */
  readonly regulationsDir: string | undefined;
  /** Tests and drills only: a file holding a millisecond offset added to the server's clock. */
  readonly clockOffsetFile: string | undefined;
  /** Largest streamed upload (SBOMs, advisory sets). */
  readonly uploadLimitBytes: number;
  /** A CJK font for PDF reports (`path` or `path#PostScriptName`); unset tries known Noto/WenQuanYi paths. */
  readonly pdfFont: string | undefined;
}

/** Raised when settings are invalid; `problems` lists every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses an environment once into a frozen Config, collecting every problem before failing. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (cleaned.DATABASE_URL && !cleaned.BULWARK_MASTER_KEY) {
    problems.push(
      'BULWARK_MASTER_KEY: required with DATABASE_URL (every app node must share the sealing key)',
    );
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    seedDemo: e.BULWARK_SEED_DEMO,
    logLevel: e.BULWARK_LOG_LEVEL,
    auditHash: e.BULWARK_AUDIT_HASH,
    bodyLimit: e.BULWARK_BODY_LIMIT,
    sessionTtlHours: e.BULWARK_SESSION_TTL_HOURS,
    loginMaxFailures: e.BULWARK_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.BULWARK_LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.BULWARK_LOGIN_RATE_PER_MINUTE,
    rateLimitPerMinute: e.BULWARK_RATE_LIMIT_PER_MINUTE,
    anonRateLimitPerMinute: e.BULWARK_ANON_RATE_LIMIT_PER_MINUTE,
    cookieSecure: e.BULWARK_COOKIE_SECURE,
    publicUrl: e.BULWARK_PUBLIC_URL,
    pgPoolMax: e.BULWARK_PG_POOL_MAX,
    masterKey: e.BULWARK_MASTER_KEY,
    masterKeysPrevious: e.BULWARK_MASTER_KEYS_PREVIOUS,
    sealAlg: e.BULWARK_SEAL_ALG,
    smtpUrl: e.BULWARK_SMTP_URL,
    mailFrom: e.BULWARK_MAIL_FROM,
    webhookAllowPrivate: e.BULWARK_WEBHOOK_ALLOW_PRIVATE,
    intakeRatePerMinute: e.BULWARK_INTAKE_RATE_PER_MINUTE,
    regulationsDir: e.BULWARK_REGULATIONS_DIR,
    clockOffsetFile: e.BULWARK_CLOCK_OFFSET_FILE,
    uploadLimitBytes: e.BULWARK_UPLOAD_LIMIT_MB * 1024 * 1024,
    pdfFont: e.BULWARK_PDF_FONT,
  });
}
