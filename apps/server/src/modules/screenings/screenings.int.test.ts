import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { auditLog, personConsents, persons, screenings } from '@veza/db';
import type { Screening, ScreeningPage } from '@veza/shared';
import {
  createAccount,
  createAgencyRow,
  createTestApp,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';
import { ensureDefaultInstruments } from '../indicators/index.ts';

let t: TestApp;
let officer: TestAccount;
let officerS: Signed;
let colleagueS: Signed;
let otherUnitS: Signed;
let coordinatorS: Signed;
let foreignOfficerS: Signed;
let foreignCoordinator: TestAccount;
let foreignCoordinatorS: Signed;
let ngo: TestAccount;
let ngoS: Signed;

const as = (who: Signed, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const NARRATIVE = 'Rekli su mi da ću raditi u kafiću u Novom Sadu, a onda su mi uzeli pasoš.';

/** A 16-year-old with two medium indicators (act and purpose): the child rule gives grounds to refer. */
const fullInterview = (overrides: object = {}) => ({
  clientId: randomUUID(),
  instrumentId: 'veza.full',
  stage: 'full',
  occurredAt: '2026-11-20T21:40:00Z',
  setting: 'raid',
  place: 'Novi Sad, Bulevar oslobođenja 12',
  interviewLanguage: 'sr-Cyrl',
  interpreterLanguage: null,
  narrative: NARRATIVE,
  age: 16,
  answers: { 'ilo.act_escorted': 'yes', 'ilo.abusive_living_conditions': 'yes' },
  ...overrides,
});

async function auditCount(action: string, recordId?: string): Promise<number> {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), recordId ? eq(auditLog.recordId, recordId) : undefined));
  return row?.n ?? 0;
}

async function rowCounts() {
  const [s] = await t.database.db.select({ n: count() }).from(screenings);
  const [p] = await t.database.db.select({ n: count() }).from(persons);
  const [c] = await t.database.db.select({ n: count() }).from(personConsents);
  return { screenings: s?.n, persons: p?.n, consents: c?.n };
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureDefaultInstruments(t.database.db);
  officer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const colleague = await createAccount(t.database, {
    roles: ['officer'],
    unitId: officer.unitId,
    agencyId: officer.agencyId,
  });
  const otherUnit = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const coordinator = await createAccount(t.database, {
    roles: ['national_coordinator'],
    jurisdiction: 'RS',
  });
  const foreignOfficer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'MK' });
  foreignCoordinator = await createAccount(t.database, {
    roles: ['national_coordinator'],
    jurisdiction: 'MK',
  });
  const ngoAgency = await createAgencyRow(t.database, { jurisdiction: 'RS', kind: 'ngo', name: 'Atina' });
  ngo = await createAccount(t.database, { roles: ['ngo_caseworker'], agencyId: ngoAgency });
  officerS = await signIn(t.app, officer.email);
  colleagueS = await signIn(t.app, colleague.email);
  otherUnitS = await signIn(t.app, otherUnit.email);
  coordinatorS = await signIn(t.app, coordinator.email);
  foreignOfficerS = await signIn(t.app, foreignOfficer.email);
  foreignCoordinatorS = await signIn(t.app, foreignCoordinator.email);
  ngoS = await signIn(t.app, ngo.email);
});
afterAll(async () => {
  await t?.dispose();
});

describe('POST /api/screenings', () => {
  let stored: Screening;

  it('stores a full interview with the engine’s assessment and the instrument version', async () => {
    const response = await as(officerS, 'POST', '/api/screenings', fullInterview());
    expect(response.statusCode).toBe(201);
    stored = response.json<Screening>();
    expect(stored).toMatchObject({
      reference: 'S-RS-000001',
      instrumentId: 'veza.full',
      instrumentVersion: 1,
      stage: 'full',
      jurisdiction: 'RS',
      unitId: officer.unitId,
      screenedBy: { id: officer.id, displayName: officer.displayName },
      outcome: 'grounds_to_refer',
      rule: 'R-CHILD-ACT-PURPOSE',
      childRule: true,
      nonPunishmentAlert: false,
      narrative: NARRATIVE,
      revision: 1,
    });
    expect(stored.reasons.sort()).toEqual(['ilo.abusive_living_conditions', 'ilo.act_escorted']);
    expect(stored.allowed).toEqual(['screening.view', 'screening.edit']);
  });

  it('raises the non-punishment alert for a drug-crime indicator', async () => {
    const response = await as(
      officerS,
      'POST',
      '/api/screenings',
      fullInterview({ age: 24, answers: { 'drugs.forced_to_sell': 'yes' } }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json<Screening>()).toMatchObject({
      reference: 'S-RS-000002',
      nonPunishmentAlert: true,
      nonPunishmentReasons: ['drugs.forced_to_sell'],
      childRule: false,
      exploitationTypes: ['forced_criminality'],
    });
  });

  it('keeps the person’s own words encrypted at rest', async () => {
    const [raw] = await t.database.db.select().from(screenings).where(eq(screenings.id, stored.id));
    expect(raw?.narrative).toMatch(/^v1:/);
    expect(JSON.stringify(raw)).not.toContain('pasoš');
  });

  it('writes a collection entry to the audit trail', async () => {
    expect(await auditCount('screening.create', stored.id)).toBe(1);
  });

  it('returns the stored screening, 200, for the same clientId sent again, and stores it once', async () => {
    const before = await rowCounts();
    const again = await as(
      officerS,
      'POST',
      '/api/screenings',
      fullInterview({ clientId: stored.clientId, place: 'somewhere else' }),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json<Screening>()).toMatchObject({ id: stored.id, place: stored.place });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses another user’s clientId without showing their screening', async () => {
    const reused = await as(
      colleagueS,
      'POST',
      '/api/screenings',
      fullInterview({ clientId: stored.clientId }),
    );
    expect(reused.statusCode).toBe(409);
    expect(reused.body).not.toContain(NARRATIVE);
  });

  it('refuses bad input with field problems and stores nothing', async () => {
    const before = await rowCounts();
    const auditBefore = await auditCount('screening.create');
    const cases = [
      [fullInterview({ answers: { 'ilo.no_such_thing': 'yes' } }), 'answers.ilo.no_such_thing'],
      [fullInterview({ stage: 'rapid' }), 'stage'],
      [fullInterview({ setting: 'beach' }), 'setting'],
      [fullInterview({ place: '' }), 'place'],
      [fullInterview({ instrumentId: 'veza.none' }), 'instrumentId'],
      [fullInterview({ parentId: randomUUID() }), 'parentId'],
      [fullInterview({ personId: randomUUID() }), 'personId'],
      [fullInterview({ outcome: 'no_indicators' }), ''],
    ] as const;
    for (const [body, path] of cases) {
      const response = await as(officerS, 'POST', '/api/screenings', body);
      expect(response.statusCode, path).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
      if (path)
        expect(response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    }
    expect(await rowCounts()).toEqual(before);
    expect(await auditCount('screening.create')).toBe(auditBefore);
  });

  it('links a full interview to the rapid screen it follows', async () => {
    const rapid = await as(officerS, 'POST', '/api/screenings', {
      ...fullInterview({
        instrumentId: 'veza.rapid',
        stage: 'rapid',
        answers: { 'rapid.documents_held': 'yes' },
      }),
    });
    expect(rapid.statusCode).toBe(201);
    expect(rapid.json<Screening>()).toMatchObject({ outcome: 'further_interview', rule: 'R-RAPID-POSITIVE' });
    const full = await as(
      officerS,
      'POST',
      '/api/screenings',
      fullInterview({ parentId: rapid.json<Screening>().id }),
    );
    expect(full.statusCode).toBe(201);
    expect(full.json<Screening>().parentId).toBe(rapid.json<Screening>().id);
  });

  it('refuses NGO caseworkers and regional officers, who store no screenings', async () => {
    expect((await as(ngoS, 'POST', '/api/screenings', fullInterview())).statusCode).toBe(403);
    const regional = await createAccount(t.database, { roles: ['officer'], jurisdiction: null });
    const regionalS = await signIn(t.app, regional.email);
    expect((await as(regionalS, 'POST', '/api/screenings', fullInterview())).statusCode).toBe(403);
    // The policy refuses them as regional members, and the trail says so.
    const denials = await t.database.db
      .select({ action: auditLog.action, recordType: auditLog.recordType, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, regional.id), eq(auditLog.operation, 'denial')))
      .orderBy(auditLog.seq);
    expect(denials).toEqual([
      { action: 'screening.create', recordType: 'screening', details: { reason: 'regional' } },
    ]);
  });
});

describe('GET /api/screenings', () => {
  let id: string;
  beforeAll(async () => {
    const list = (await as(officerS, 'GET', '/api/screenings')).json<ScreeningPage>();
    id = list.items.find((s) => s.reference === 'S-RS-000001')?.id ?? '';
  });

  it('shows the unit its screenings, newest first, without the narrative', async () => {
    const page = (await as(colleagueS, 'GET', '/api/screenings?limit=2')).json<ScreeningPage>();
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
    expect(page.items.every((s) => s.narrative === null)).toBe(true);
  });

  it('logs a list read as one consultation naming the references shown', async () => {
    const before = await auditCount('screening.view');
    const page = (await as(coordinatorS, 'GET', '/api/screenings?limit=3')).json<ScreeningPage>();
    expect(await auditCount('screening.view')).toBe(before + 1);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'screening.view'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({ operation: 'consultation', outcome: 'allowed' });
    expect(entry?.details).toMatchObject({ list: true, references: page.items.map((s) => s.reference) });
  });

  it('shows the coordinator the whole jurisdiction, and nothing to others', async () => {
    expect((await as(coordinatorS, 'GET', '/api/screenings')).json<ScreeningPage>().total).toBe(4);
    for (const who of [otherUnitS, foreignOfficerS, foreignCoordinatorS, ngoS]) {
      expect((await as(who, 'GET', '/api/screenings')).json<ScreeningPage>()).toEqual({
        items: [],
        total: 0,
      });
    }
  });

  it('lets the unit and the coordinator read one, logged; others get not found', async () => {
    for (const who of [colleagueS, coordinatorS]) {
      const response = await as(who, 'GET', `/api/screenings/${id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<Screening>().narrative).toBe(NARRATIVE);
    }
    expect(await auditCount('screening.view', id)).toBe(2);
    for (const who of [otherUnitS, foreignOfficerS, foreignCoordinatorS, ngoS]) {
      const response = await as(who, 'GET', `/api/screenings/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Novi Sad');
    }
    const [denial] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'denial'), eq(auditLog.recordId, id)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(denial).toMatchObject({ action: 'screening.view', outcome: 'denied' });
  });
});

describe('PUT /api/screenings/:id', () => {
  let screening: Screening;
  beforeAll(async () => {
    screening = (
      await as(officerS, 'POST', '/api/screenings', fullInterview({ answers: {} }))
    ).json<Screening>();
  });

  it('applies changes, recomputes the assessment and counts the revision up', async () => {
    expect(screening.outcome).toBe('no_indicators');
    const response = await as(officerS, 'PUT', `/api/screenings/${screening.id}`, {
      baseRevision: 1,
      changes: {
        'answers.ilo.act_escorted': 'yes',
        'answers.ilo.abusive_living_conditions': 'yes',
        place: 'Subotica',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Screening>()).toMatchObject({
      revision: 2,
      place: 'Subotica',
      outcome: 'grounds_to_refer',
      rule: 'R-CHILD-ACT-PURPOSE',
    });
    expect(await auditCount('screening.edit', screening.id)).toBe(1);
  });

  it('answers sync_conflict with yours and theirs, and applies nothing', async () => {
    const response = await as(colleagueS, 'PUT', `/api/screenings/${screening.id}`, {
      baseRevision: 1,
      changes: { place: 'Sombor', age: 17 },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'sync_conflict',
      conflicts: [{ field: 'place', yours: 'Sombor', theirs: 'Subotica' }],
    });
    const current = (await as(officerS, 'GET', `/api/screenings/${screening.id}`)).json<Screening>();
    expect(current).toMatchObject({ revision: 2, place: 'Subotica', age: 16 });
  });

  it('applies a change to a field nobody else touched since the base revision', async () => {
    const response = await as(colleagueS, 'PUT', `/api/screenings/${screening.id}`, {
      baseRevision: 1,
      changes: { age: 19, ageInDoubt: false },
    });
    expect(response.statusCode).toBe(200);
    // An adult with act and purpose but no means: a further interview, not a referral.
    expect(response.json<Screening>()).toMatchObject({
      revision: 3,
      age: 19,
      childRule: false,
      outcome: 'further_interview',
    });
  });

  it('refuses unknown fields and wrong values with field problems', async () => {
    const response = await as(officerS, 'PUT', `/api/screenings/${screening.id}`, {
      baseRevision: 3,
      changes: { outcome: 'grounds_to_refer', 'answers.ilo.act_escorted': 'maybe', setting: 'beach' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json<{ errors: { path: string }[] }>()
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['changes.answers.ilo.act_escorted', 'changes.outcome', 'changes.setting']);
    expect((await as(officerS, 'GET', `/api/screenings/${screening.id}`)).json<Screening>().revision).toBe(3);
  });

  it('answers not found to another unit and another jurisdiction', async () => {
    for (const who of [otherUnitS, foreignOfficerS]) {
      const response = await as(who, 'PUT', `/api/screenings/${screening.id}`, {
        baseRevision: 3,
        changes: { age: 12 },
      });
      expect(response.statusCode).toBe(404);
    }
  });
});
