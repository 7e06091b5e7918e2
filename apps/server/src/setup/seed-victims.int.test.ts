import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { persons, referrals, screenings } from '@veza/db';
import { DEMO_ACCOUNTS } from '@veza/demo';
import { IdentitySchema, JURISDICTIONS } from '@veza/shared';
import type { StatisticsTable } from '@veza/shared';
import { buildApp } from '../app.ts';
import { openSecret } from '../platform/auth/secret-box.ts';
import { openTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { testConfig } from '../testing/app-fixture.ts';
import { seedDemo } from './seed-demo.ts';

const PASSWORD = 'demo-password-for-tests';

describe('victim-identification demo data', () => {
  let database: TestDatabase;
  const config = testConfig();
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemo(database, { password: PASSWORD, secretKey: config.secretKey });
  }, 120_000);
  afterAll(async () => {
    await database?.dispose();
  });

  it('screens people in every jurisdiction over the past 18 months, drug-linked cases and children included', async () => {
    const rows = await database.db.select().from(screenings);
    expect(rows.length).toBeGreaterThan(300);
    expect(new Set(rows.map((r) => r.jurisdictionCode))).toEqual(new Set(JURISDICTIONS));
    const ages = rows.map((r) => Date.now() - r.occurredAt.getTime());
    expect(Math.max(...ages)).toBeLessThanOrEqual(550 * 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(400 * 86_400_000);
    expect(rows.filter((r) => r.nonPunishmentAlert).length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.childRule && r.outcome === 'grounds_to_refer').length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.outcome === 'no_indicators').length).toBeGreaterThan(0);
  });

  it("seals identities with the server key, names in the person's own script, children with guardians", async () => {
    const rows = await database.db.select().from(persons);
    const identities = rows.map((r) => ({
      row: r,
      identity: IdentitySchema.parse(JSON.parse(openSecret(config.secretKey, r.identity))),
    }));
    expect(rows.every((r) => !r.identity.includes('"givenName"'))).toBe(true);
    const serbian = identities.filter((i) => i.row.nationality === 'RS');
    expect(serbian.length).toBeGreaterThan(10);
    expect(serbian.every((i) => /\p{Script=Cyrillic}/u.test(i.identity.familyName))).toBe(true);
    const albanian = identities.filter((i) => i.row.nationality === 'AL');
    expect(albanian.every((i) => /^[\p{Script=Latin} ]+$/u.test(i.identity.givenName))).toBe(true);
    const children = identities.filter((i) => i.row.ageGroup === 'child');
    expect(children.length).toBeGreaterThan(20);
    expect(children.every((i) => i.identity.guardian)).toBe(true);
  });

  it('refers people nationally in every status, and one transnational referral is in progress', async () => {
    const rows = await database.db.select().from(referrals);
    const national = rows.filter((r) => r.kind === 'national');
    expect(new Set(national.map((r) => r.status))).toEqual(
      new Set(['proposed', 'sent', 'accepted', 'declined', 'in_service', 'closed']),
    );
    const [transnational] = rows.filter((r) => r.kind === 'transnational');
    expect(transnational).toMatchObject({
      fromJurisdictionCode: 'MK',
      toJurisdictionCode: 'AL',
      procedure: 'return_inclusion',
      status: 'sent',
    });
    const [child] = await database.db.select().from(persons).where(eq(persons.id, transnational!.personId));
    expect(child?.ageGroup).toBe('child');
  });

  it('gives the coordinator of Montenegro statistics with some figures shown and small ones withheld', async () => {
    const app = await buildApp({ database, config, webRoot: '/nonexistent' });
    try {
      const coordinator = DEMO_ACCOUNTS.find((a) => a.roles.includes('national_coordinator'));
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: coordinator?.email, password: PASSWORD },
      });
      const cookie = login.cookies.find((c) => c.name === 'veza_session');
      const now = new Date();
      const from = new Date(now.getFullYear(), now.getMonth() - 17, 1);
      const month = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
      const response = await app.inject({
        method: 'GET',
        url: `/api/statistics?from=${month(from)}&to=${month(now)}&groupBy=sex`,
        headers: { cookie: `veza_session=${cookie?.value}` },
      });
      const table = response.json<StatisticsTable>();
      expect(table.jurisdiction).toBe('ME');
      expect(table.rows.some((r) => r.value !== null && r.value >= 10)).toBe(true);
      expect(table.rows.some((r) => r.suppressed)).toBe(true);

      const outcomes = await app.inject({
        method: 'GET',
        url: `/api/statistics?measure=referrals&from=${month(from)}&to=${month(now)}&groupBy=outcome`,
        headers: { cookie: `veza_session=${cookie?.value}` },
      });
      const referralTable = outcomes.json<StatisticsTable>();
      expect(referralTable.measure).toBe('referrals');
      expect(referralTable.rows.length).toBeGreaterThan(0);
      for (const row of referralTable.rows) {
        expect(['proposed', 'sent', 'accepted', 'declined', 'in_service', 'closed']).toContain(row.keys[0]);
      }
    } finally {
      await app.close();
    }
  });
});
