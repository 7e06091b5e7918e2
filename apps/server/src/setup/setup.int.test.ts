import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { informationRequests, jurisdictions, users } from '@veza/db';
import { DEMO_ACCOUNTS } from '@veza/demo';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { testConfig } from '../testing/app-fixture.ts';
import { createFirstAdministrator } from './first-administrator.ts';
import { seedDemo } from './seed-demo.ts';

describe('demo seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('loads the scenario with one shared password; demo administrators enrol two-factor at first sign-in', async () => {
    const result = await seedDemo(database, { password: 'demo-password-for-tests' });
    expect(result.generatedPassword).toBe(false);
    const [seven] = await database.db.select({ n: count() }).from(jurisdictions);
    expect(seven?.n).toBe(7);
    const [demoUsers] = await database.db.select({ n: count() }).from(users).where(eq(users.isDemo, true));
    expect(demoUsers?.n).toBe(result.users);
    // Information requests in every state, each sent one held by both sides; the Novi Sad club case
    // asks North Macedonia about the Tabanovce transport.
    const requests = await database.db.select().from(informationRequests);
    const statuses = new Set(requests.filter((r) => r.side === 'requesting').map((r) => r.status));
    expect([...statuses].sort()).toEqual(
      [
        'answered_fully',
        'answered_partly',
        'drafted',
        'in_progress',
        'received',
        'refused',
        'withdrawn',
      ].sort(),
    );
    const grounds = new Set(requests.flatMap((r) => (r.refusalGround ? [r.refusalGround] : [])));
    expect(grounds.size).toBeGreaterThanOrEqual(4);
    // The volume behind the lists and the statistics: a few hundred, each pair of the seven exchanging.
    const pairs = new Set(requests.map((r) => `${r.fromJurisdictionCode}>${r.toJurisdictionCode}`));
    expect(requests.length / 2).toBeGreaterThan(300);
    expect(pairs.size).toBe(42);
    const tabanovce = requests.filter((r) => r.channelReference === 'SIENA-RS-2026-31877');
    expect(tabanovce.map((r) => r.side).sort()).toEqual(['requested', 'requesting']);
    expect(tabanovce.find((r) => r.side === 'requesting')?.caseId).not.toBeNull();
    expect(tabanovce.find((r) => r.side === 'requested')).toMatchObject({
      caseId: null,
      status: 'in_progress',
    });
    expect(tabanovce.find((r) => r.side === 'requested')?.delayReason).toBeTruthy();

    const app = await buildApp({ database, config: testConfig(), webRoot: '/nonexistent' });
    try {
      const admin = DEMO_ACCOUNTS.find((a) => a.roles.includes('sysadmin'));
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: admin?.email, password: 'demo-password-for-tests' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().user.totpEnrolmentRequired).toBe(true);
    } finally {
      await app.close();
    }
    await expect(seedDemo(database, { password: 'again-and-again' })).rejects.toThrow(/already has users/);
  });
});

describe('first administrator', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('creates a regional administrator with a one-time password, and only once', async () => {
    const created = await createFirstAdministrator(database, {
      email: 'Admin@Example.org',
      displayName: 'First Admin',
    });
    expect(created.email).toBe('admin@example.org');
    expect(created.temporaryPassword).toMatch(/^[\w]{4}(-[\w]{4}){3}$/);
    const app = await buildApp({
      database,
      config: testConfig({ env: 'production' }),
      webRoot: '/nonexistent',
    });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@example.org', password: created.temporaryPassword },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().user).toMatchObject({
        jurisdiction: null,
        mustChangePassword: true,
        totpEnrolmentRequired: true,
      });
    } finally {
      await app.close();
    }
    await expect(
      createFirstAdministrator(database, { email: 'second@example.org', displayName: 'Second' }),
    ).rejects.toThrow(/already has users/);
  });
});
