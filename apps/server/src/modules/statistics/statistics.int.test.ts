import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { auditLog, persons, screenings } from '@veza/db';
import type { JurisdictionCode, StatisticsTable } from '@veza/shared';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let rsOfficer: TestAccount;
let rsCoordinator: Signed;
let mkCoordinator: Signed;
let regionalAnalyst: Signed;
let officer: Signed;
let nationalAnalyst: Signed;

const get = (who: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers });

let sequence = 0;
/** Screenings of distinct persons, each with a person record of the given sex and age group. */
async function screen(
  count: number,
  who: TestAccount,
  jurisdiction: JurisdictionCode,
  person: { sex: string; ageGroup: string; nationality: string },
  occurredAt = '2026-03-10T10:00:00Z',
): Promise<void> {
  for (let i = 0; i < count; i++) {
    sequence += 1;
    const personId = uuidv7();
    await t.database.db.insert(persons).values({
      id: personId,
      reference: `P-${jurisdiction}-T${String(sequence).padStart(5, '0')}`,
      jurisdictionCode: jurisdiction,
      unitId: who.unitId,
      category: 'presumed_victim',
      categoryKind: 'assessment',
      ...person,
      identity: 'sealed-elsewhere',
      reviewDueAt: new Date('2027-03-10T00:00:00Z'),
      retainUntil: new Date('2031-03-10T00:00:00Z'),
      createdBy: who.id,
    });
    await t.database.db.insert(screenings).values({
      id: uuidv7(),
      clientId: uuidv7(),
      reference: `S-${jurisdiction}-T${String(sequence).padStart(5, '0')}`,
      personId,
      instrumentId: 'veza.rapid',
      instrumentVersion: 1,
      stage: 'rapid',
      jurisdictionCode: jurisdiction,
      unitId: who.unitId,
      screenedBy: who.id,
      occurredAt: new Date(occurredAt),
      setting: 'border_crossing',
      place: 'Preševo',
      interviewLanguage: 'sq',
      answers: {},
      outcome: 'grounds_to_refer',
      rule: 'R-RAPID-POSITIVE',
      reasons: [],
      childRule: person.ageGroup !== 'adult',
      nonPunishmentAlert: false,
      exploitationTypes: ['labour'],
      fieldRevisions: {},
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database;
  rsOfficer = await createAccount(db, { roles: ['officer'], jurisdiction: 'RS' });
  const mkOfficer = await createAccount(db, { roles: ['officer'], jurisdiction: 'MK' });
  const accounts = await Promise.all([
    createAccount(db, { roles: ['national_coordinator'], jurisdiction: 'RS' }),
    createAccount(db, { roles: ['national_coordinator'], jurisdiction: 'MK' }),
    createAccount(db, { roles: ['analyst'], jurisdiction: null }),
    createAccount(db, { roles: ['analyst'], jurisdiction: 'RS' }),
  ]);
  const signed = await Promise.all(accounts.map((a) => signIn(t.app, a.email)));
  [rsCoordinator, mkCoordinator, regionalAnalyst, nationalAnalyst] = signed as [
    Signed,
    Signed,
    Signed,
    Signed,
  ];
  officer = await signIn(t.app, rsOfficer.email);
  await screen(26, rsOfficer, 'RS', { sex: 'female', ageGroup: 'adult', nationality: 'RS' });
  await screen(3, rsOfficer, 'RS', { sex: 'male', ageGroup: 'child', nationality: 'AL' });
  await screen(14, mkOfficer, 'MK', { sex: 'female', ageGroup: 'adult', nationality: 'MK' });
  // Outside the period asked for below.
  await screen(
    12,
    rsOfficer,
    'RS',
    { sex: 'male', ageGroup: 'adult', nationality: 'RS' },
    '2025-06-01T00:00:00Z',
  );
}, 60_000);

afterAll(async () => {
  await t.dispose();
});

const QUERY = '/api/statistics?from=2026-01&to=2026-12&groupBy=sex';

describe('statistics', () => {
  it("gives a national coordinator their jurisdiction's counts, small cells withheld and all figures rounded", async () => {
    const response = await get(rsCoordinator, QUERY);
    expect(response.statusCode).toBe(200);
    const table = response.json<StatisticsTable>();
    expect(table.jurisdiction).toBe('RS');
    expect(table.rows).toEqual([
      { keys: ['female'], value: 25, suppressed: false },
      { keys: ['male'], value: null, suppressed: true },
    ]);
    // 29 screenings: published as 30, so total minus female does not give the 3 boys.
    expect(table.total).toEqual({ value: 30, suppressed: false });
  });

  it('breaks down by two dimensions at once and withholds each small combination', async () => {
    const table = (
      await get(regionalAnalyst, '/api/statistics?from=2026-01&to=2026-12&groupBy=jurisdiction,nationality')
    ).json<StatisticsTable>();
    expect(table.jurisdiction).toBeNull();
    expect(table.rows).toEqual([
      { keys: ['MK', 'MK'], value: 15, suppressed: false },
      { keys: ['RS', 'AL'], value: null, suppressed: true },
      { keys: ['RS', 'RS'], value: 25, suppressed: false },
    ]);
  });

  it("refuses another jurisdiction's figures to a national coordinator and statistics to officers and national analysts", async () => {
    expect((await get(mkCoordinator, `${QUERY}&jurisdiction=RS`)).statusCode).toBe(403);
    expect((await get(officer, QUERY)).json()).toMatchObject({ code: 'forbidden' });
    expect((await get(nationalAnalyst, QUERY)).statusCode).toBe(403);
    const denials = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'statistics.view'), eq(auditLog.operation, 'denial')));
    expect(denials.length).toBeGreaterThanOrEqual(3);
  });

  it('explains a query it cannot answer', async () => {
    const bad = await get(rsCoordinator, '/api/statistics?from=2026-05&to=2026-01&groupBy=sex,religion');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const days = await get(rsCoordinator, '/api/statistics?from=2026-01-01&to=2026-02&groupBy=sex');
    expect(days.statusCode).toBe(400);
  });

  it('exports the same protected table as CSV and logs the export as a disclosure', async () => {
    const response = await get(rsCoordinator, QUERY.replace('/api/statistics?', '/api/statistics.csv?'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('veza-screenings-RS-2026-01-2026-12.csv');
    const lines = response.body.trim().split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['sex,screenings', 'female,25', 'male,<11', 'total,30']);
    expect(response.body).not.toMatch(/\b(3|26|29)\b/);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'statistics.export'), eq(auditLog.operation, 'disclosure')));
    expect(entry).toMatchObject({ recordType: 'statistics', recordId: 'RS', outcome: 'allowed' });
  });
});
