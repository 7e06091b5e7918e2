import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export type VezaEnvironment = 'demo' | 'production';

export interface Config {
  env: VezaEnvironment;
  port: number;
  host: string;
  /** postgres://... when set; otherwise the embedded PGlite under `pgliteDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  /** Password for every demo account; generated at start when unset (demo mode only). */
  demoPassword: string | undefined;
  /** 32 bytes; encrypts TOTP secrets at rest (AES-256-GCM). */
  secretKey: Buffer;
  session: { idleTimeoutMs: number; absoluteTimeoutMs: number };
  /**
   * Sign-in throttling (no lock-outs): `maxFailures` failed sign-ins from one address on one account
   * are free, each further one makes that pair wait 1 s, 2 s, 4 s ... up to `durationMs`. Past
   * `accountCeiling` failures in an hour from all addresses, every pair waits at least
   * `accountSlowdownMs` between attempts; the account is never locked.
   */
  lockout: { maxFailures: number; durationMs: number };
  signInCeiling?: { accountCeiling: number; accountSlowdownMs: number };
  /** Readiness fails (503 storage_full) when less than this is free where PGlite keeps its files. */
  minFreeDiskBytes?: number;
  /** PGlite's one connection: how long a request may wait for it, and how many may wait. */
  /** Passed to Fastify's trustProxy: false, true, a hop count or a list of addresses. */
  trustProxy: boolean | number | string;
  bodyLimit: number;
  /**
   * Requests a minute: `globalPerMinute` per signed-in session, `anonymousPerMinute` per address for
   * requests without a session, `loginPerMinute` sign-ins per (account, address) pair.
   */
  rateLimit: { loginPerMinute: number; globalPerMinute: number; anonymousPerMinute?: number };
}

/** Start-up refused because the environment is wrong; the message names every problem. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const EnvSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
  HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default('127.0.0.1')),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  VEZA_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default('./data')),
  VEZA_ENV: z.preprocess(emptyAsUndefined, z.enum(['demo', 'production']).default('demo')),
  VEZA_DEMO_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8).max(256).optional()),
  VEZA_SECRET_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  VEZA_SESSION_IDLE_MINUTES: z.preprocess(emptyAsUndefined, positiveInt(30)),
  VEZA_SESSION_ABSOLUTE_HOURS: z.preprocess(emptyAsUndefined, positiveInt(12)),
  VEZA_LOCKOUT_ATTEMPTS: z.preprocess(emptyAsUndefined, positiveInt(5)),
  VEZA_LOCKOUT_MINUTES: z.preprocess(emptyAsUndefined, positiveInt(15)),
  VEZA_TRUST_PROXY: z.preprocess(emptyAsUndefined, z.string().optional()),
  VEZA_BODY_LIMIT: z.preprocess(emptyAsUndefined, positiveInt(1024 * 1024)),
  VEZA_LOGIN_RATE_LIMIT: z.preprocess(emptyAsUndefined, positiveInt(10)),
  VEZA_RATE_LIMIT: z.preprocess(emptyAsUndefined, positiveInt(600)),
  VEZA_ANONYMOUS_RATE_LIMIT: z.preprocess(emptyAsUndefined, positiveInt(600)),
  VEZA_SIGNIN_ACCOUNT_CEILING: z.preprocess(emptyAsUndefined, positiveInt(100)),
  VEZA_SIGNIN_ACCOUNT_SLOWDOWN_SECONDS: z.preprocess(emptyAsUndefined, positiveInt(30)),
  VEZA_MIN_FREE_DISK_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(256)),
});

/**
 * Reads the configuration from the environment. In demo mode a missing secret key is generated once
 * and kept in `<dataDir>/secret.key` (mode 0600) so that TOTP secrets survive a restart; production
 * refuses to start without VEZA_SECRET_KEY so that the key is managed by the operator, not the disk.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.VEZA_DATA_DIR);
  return {
    env: e.VEZA_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: join(dataDir, 'pglite'),
    demoPassword: e.VEZA_DEMO_PASSWORD,
    secretKey: resolveSecretKey(e.VEZA_SECRET_KEY, e.VEZA_ENV, dataDir),
    session: {
      idleTimeoutMs: e.VEZA_SESSION_IDLE_MINUTES * 60_000,
      absoluteTimeoutMs: e.VEZA_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    lockout: { maxFailures: e.VEZA_LOCKOUT_ATTEMPTS, durationMs: e.VEZA_LOCKOUT_MINUTES * 60_000 },
    trustProxy: parseTrustProxy(e.VEZA_TRUST_PROXY),
    bodyLimit: e.VEZA_BODY_LIMIT,
    rateLimit: {
      loginPerMinute: e.VEZA_LOGIN_RATE_LIMIT,
      globalPerMinute: e.VEZA_RATE_LIMIT,
      anonymousPerMinute: e.VEZA_ANONYMOUS_RATE_LIMIT,
    },
    signInCeiling: {
      accountCeiling: e.VEZA_SIGNIN_ACCOUNT_CEILING,
      accountSlowdownMs: e.VEZA_SIGNIN_ACCOUNT_SLOWDOWN_SECONDS * 1000,
    },
    minFreeDiskBytes: e.VEZA_MIN_FREE_DISK_MB * 1024 * 1024,
  };
}

/** Accepts 64 hexadecimal characters or base64 / base64url of exactly 32 bytes. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      'VEZA_SECRET_KEY must be 32 bytes, written as 64 hex characters or base64 ' +
        '(generate one with: openssl rand -hex 32)',
    );
  }
  return key;
}

function resolveSecretKey(value: string | undefined, env: VezaEnvironment, dataDir: string): Buffer {
  if (value) return parseSecretKey(value);
  if (env === 'production') {
    throw new ConfigError(
      'VEZA_SECRET_KEY is required in production (32 bytes; generate one with: openssl rand -hex 32)',
    );
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return parseSecretKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  // writeFileSync's mode is filtered by the umask; make sure nobody else can read the key.
  chmodSync(file, 0o600);
  return key;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
