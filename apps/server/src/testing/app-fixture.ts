import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { eq } from 'drizzle-orm';
import { users } from '@veza/db';
import type { Database } from '@veza/db';
import type { AgencyKind, JurisdictionCode, Role, UnitKind } from '@veza/shared';
import { buildApp } from '../app.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { sealSecret } from '../platform/auth/secret-box.ts';
import type { Config } from '../platform/config.ts';
import { openTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import {
  insertAccounts,
  insertAgencies,
  insertUnits,
  upsertJurisdictions,
} from '../setup/setup.repository.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = join(tmpdir(), `veza-test-${randomBytes(4).toString('hex')}`);
  return {
    env: 'demo',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir,
    pgliteDir: join(dataDir, 'pglite'),
    demoPassword: undefined,
    secretKey: randomBytes(32),
    session: { idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 12 * 3_600_000 },
    lockout: { maxFailures: 5, durationMs: 15 * 60_000 },
    trustProxy: false,
    bodyLimit: 1024 * 1024,
    // Tests sign in many times from one address; the limiter itself is tested with its own app.
    rateLimit: { loginPerMinute: 1000, globalPerMinute: 10_000 },
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  dispose(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  await upsertJurisdictions(database.db);
  const config = testConfig(overrides);
  const app = await buildApp({ database, config, webRoot: join(config.dataDir, 'no-web') });
  return {
    app,
    database,
    config,
    dispose: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

let passwordHash: Promise<string> | undefined;
/** argon2 is slow on purpose: one hash of TEST_PASSWORD serves every account of a test file. */
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export async function createAgencyRow(
  database: Database,
  input: { jurisdiction: JurisdictionCode | null; name?: string; kind?: AgencyKind },
): Promise<string> {
  const id = uuidv7();
  await insertAgencies(database.db, [
    {
      id,
      name: input.name ?? `Agency ${id.slice(-6)}`,
      kind: input.kind ?? 'criminal_police',
      jurisdiction: input.jurisdiction,
    },
  ]);
  return id;
}

export async function createUnitRow(
  database: Database,
  input: { agencyId: string; name?: string; kind?: UnitKind },
): Promise<string> {
  const id = uuidv7();
  await insertUnits(database.db, [
    {
      id,
      agencyId: input.agencyId,
      name: input.name ?? `Unit ${id.slice(-6)}`,
      kind: input.kind ?? 'trafficking',
    },
  ]);
  return id;
}

export interface TestAccount {
  id: string;
  email: string;
  displayName: string;
  unitId: string;
  agencyId: string;
}

/** A user in a fresh agency and unit of `jurisdiction` (null: regional), unless a unit is given. */
export async function createAccount(
  database: Database,
  input: {
    roles: Role[];
    jurisdiction?: JurisdictionCode | null;
    unitId?: string;
    agencyId?: string;
    totpSecret?: string;
    secretKey?: Buffer;
    mustChangePassword?: boolean;
    isDemo?: boolean;
  },
): Promise<TestAccount> {
  let agencyId = input.agencyId;
  let unitId = input.unitId;
  if (!unitId) {
    agencyId ??= await createAgencyRow(database, {
      jurisdiction: input.jurisdiction === undefined ? 'RS' : input.jurisdiction,
    });
    unitId = await createUnitRow(database, { agencyId });
  }
  const id = uuidv7();
  const email = `user-${id.slice(-12)}@veza.test`;
  const displayName = `Test ${input.roles.join(' ')} ${id.slice(-4)}`;
  await insertAccounts(database.db, [
    {
      id,
      email,
      displayName,
      unitId,
      language: 'en',
      passwordHash: await testPasswordHash(),
      mustChangePassword: input.mustChangePassword ?? false,
      isDemo: input.isDemo ?? false,
      roles: input.roles,
    },
  ]);
  if (input.totpSecret && input.secretKey) {
    await database.db
      .update(users)
      .set({ totpSecret: sealSecret(input.secretKey, input.totpSecret) })
      .where(eq(users.id, id));
  }
  return { id, email, displayName, unitId, agencyId: agencyId ?? '' };
}

export interface Signed {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'veza_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `veza_session=${cookie.value}`;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
  totp?: string,
): Promise<Signed> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password, ...(totp ? { totp } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = cookieOf(response);
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
