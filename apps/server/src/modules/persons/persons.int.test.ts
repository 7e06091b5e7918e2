import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { auditLog, personConsents, persons, referrals, screenings, serviceProviders } from '@veza/db';
import type { Consent, Person, PersonPage, Screening } from '@veza/shared';
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
import { consentInForce, loadPersonResource } from './index.ts';

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

const JOVANA = {
  category: 'presumed_victim',
  categoryKind: 'assessment',
  sex: 'female',
  ageGroup: 'child',
  nationality: 'RS',
  preferredLanguage: 'sr-Cyrl',
  identity: {
    givenName: 'Јована',
    familyName: 'Петровић',
    birthDate: '2010-03-14',
    phone: '+381 64 555 0101',
    guardian: {
      name: 'Центар за социјални рад Нови Сад',
      relation: 'appointed guardian',
      contact: '+381 21 555 000',
    },
  },
  guardianAppointed: true,
};

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

describe('persons', () => {
  let screening: Screening;
  let person: Person;

  beforeAll(async () => {
    screening = (await as(officerS, 'POST', '/api/screenings', fullInterview())).json<Screening>();
  });

  it('records a person with a pseudonymous reference and links the screening', async () => {
    const response = await as(officerS, 'POST', '/api/persons', { ...JOVANA, screeningId: screening.id });
    expect(response.statusCode).toBe(201);
    person = response.json<Person>();
    expect(person.reference).toMatch(/^P-RS-[2-9A-HJKMNP-Z]{6}$/);
    expect(person).toMatchObject({
      category: 'presumed_victim',
      categoryKind: 'assessment',
      ageGroup: 'child',
      guardianAppointed: true,
    });
    expect(JSON.stringify(person)).not.toContain('Петровић');
    expect(new Date(person.retainUntil).getTime()).toBeGreaterThan(new Date(person.reviewDueAt).getTime());
    const linked = (await as(officerS, 'GET', `/api/screenings/${screening.id}`)).json<Screening>();
    expect(linked).toMatchObject({ personId: person.id, personReference: person.reference, revision: 2 });
    expect(await auditCount('victim.create', person.id)).toBe(1);
  });

  it('refuses regional officers, who record no persons, and the trail says why', async () => {
    const regional = await createAccount(t.database, { roles: ['officer'], jurisdiction: null });
    const regionalS = await signIn(t.app, regional.email);
    expect((await as(regionalS, 'POST', '/api/persons', JOVANA)).statusCode).toBe(403);
    const denials = await t.database.db
      .select({ action: auditLog.action, recordType: auditLog.recordType, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, regional.id), eq(auditLog.operation, 'denial')))
      .orderBy(auditLog.seq);
    expect(denials).toEqual([
      { action: 'victim.create', recordType: 'victim', details: { reason: 'regional' } },
    ]);
  });

  it('keeps the identity encrypted at rest', async () => {
    const [raw] = await t.database.db.select().from(persons).where(eq(persons.id, person.id));
    const text = JSON.stringify(raw);
    for (const secret of ['Јована', 'Петровић', '2010-03-14', '+381 64']) expect(text).not.toContain(secret);
  });

  it('refuses bad input with field problems and stores nothing', async () => {
    const before = await rowCounts();
    const bad = [
      { ...JOVANA, category: 'culprit' },
      { ...JOVANA, identity: { ...JOVANA.identity, givenName: '' } },
      { ...JOVANA, nationality: 'Serbia' },
      { ...JOVANA, screeningId: screening.id }, // linked to Jovana already
    ];
    for (const body of bad) expect((await as(officerS, 'POST', '/api/persons', body)).statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('shows the record to the unit and the coordinator; not found to everybody else', async () => {
    for (const who of [colleagueS, coordinatorS]) {
      expect((await as(who, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(200);
    }
    for (const who of [otherUnitS, foreignOfficerS, foreignCoordinatorS, ngoS]) {
      expect((await as(who, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(404);
      expect((await as(who, 'GET', `/api/persons/${person.id}/identity`)).statusCode).toBe(404);
      expect((await as(who, 'GET', '/api/persons')).json<PersonPage>().total).toBe(0);
    }
    expect((await as(colleagueS, 'GET', '/api/persons')).json<PersonPage>().items.map((p) => p.id)).toContain(
      person.id,
    );
  });

  it('shows the identity only after a justification, and logs it with the justification', async () => {
    const first = await as(colleagueS, 'GET', `/api/persons/${person.id}/identity`);
    expect(first.statusCode).toBe(428);
    expect(first.json()).toMatchObject({ code: 'justification_required' });
    await as(colleagueS, 'POST', '/api/me/justifications', {
      scope: `person:${person.id}`,
      text: 'Upućivanje u sklonište, predmet KTN 45/26',
    });
    const second = await as(colleagueS, 'GET', `/api/persons/${person.id}/identity`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ identity: JOVANA.identity });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'victim.identity.view'), eq(auditLog.subjectId, person.id)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({
      operation: 'consultation',
      justification: 'Upućivanje u sklonište, predmet KTN 45/26',
      subjectLabel: person.reference,
      outcome: 'allowed',
    });
    expect(JSON.stringify(entry)).not.toContain('Петровић');
  });

  describe('consent and referral', () => {
    let providerId: string;

    beforeAll(async () => {
      providerId = uuidv7();
      await t.database.db.insert(serviceProviders).values({
        id: providerId,
        jurisdictionCode: 'RS',
        agencyId: ngo.agencyId,
        name: 'Sklonište Atina',
        services: ['shelter'],
        languages: ['sr-Cyrl'],
        openingHours: '0-24',
        city: 'Beograd',
      });
    });

    it('records consent per purpose and recipient as versions, and revocation wins', async () => {
      const recipient = `provider:${providerId}`;
      const grant = await as(officerS, 'POST', `/api/persons/${person.id}/consents`, {
        purpose: 'referral',
        recipient,
        status: 'granted',
        scope: ['identity', 'screening'],
        givenBy: 'guardian',
      });
      expect(grant.statusCode).toBe(201);
      expect(grant.json<Consent>()).toMatchObject({
        version: 1,
        status: 'granted',
        recordedBy: { id: officer.id },
      });
      expect(await consentInForce(t.database.db, person.id, 'referral', recipient)).toEqual([
        'identity',
        'screening',
      ]);
      await as(officerS, 'POST', `/api/persons/${person.id}/consents`, {
        purpose: 'referral',
        recipient: 'any',
        status: 'granted',
        scope: ['screening'],
        givenBy: 'guardian',
      });
      const revoke = await as(officerS, 'POST', `/api/persons/${person.id}/consents`, {
        purpose: 'referral',
        recipient,
        status: 'revoked',
        scope: [],
        givenBy: 'guardian',
      });
      expect(revoke.json<Consent>()).toMatchObject({ version: 2, status: 'revoked', scope: [] });
      expect(await consentInForce(t.database.db, person.id, 'referral', recipient)).toBeNull();
      expect(await consentInForce(t.database.db, person.id, 'referral', `provider:${uuidv7()}`)).toEqual([
        'screening',
      ]);
      expect(await consentInForce(t.database.db, person.id, 'data_sharing', 'any')).toBeNull();
      const history = (await as(coordinatorS, 'GET', `/api/persons/${person.id}/consents`)).json<Consent[]>();
      expect(history.filter((c) => c.recipient === recipient).map((c) => [c.version, c.status])).toEqual([
        [2, 'revoked'],
        [1, 'granted'],
      ]);
      expect(await auditCount('victim.consent.record', person.id)).toBe(3);
    });

    it('refuses consent from the child herself, and stores nothing', async () => {
      const before = await rowCounts();
      const response = await as(officerS, 'POST', `/api/persons/${person.id}/consents`, {
        purpose: 'data_sharing',
        recipient: 'any',
        status: 'granted',
        scope: ['screening'],
        givenBy: 'person',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('givenBy');
      expect(await rowCounts()).toEqual(before);
      expect(
        (
          await as(ngoS, 'POST', `/api/persons/${person.id}/consents`, {
            purpose: 'data_sharing',
            recipient: 'any',
            status: 'granted',
            scope: ['screening'],
            givenBy: 'guardian',
          })
        ).statusCode,
      ).toBe(404);
    });

    it('opens the person to the NGO a referral was sent to, identity only when shared', async () => {
      const referralId = uuidv7();
      await t.database.db.insert(referrals).values({
        id: referralId,
        reference: 'R-RS-000001',
        personId: person.id,
        kind: 'national',
        service: 'shelter',
        providerId,
        fromJurisdictionCode: 'RS',
        fromUnitId: officer.unitId,
        status: 'proposed',
        sharedScope: ['screening'],
        createdBy: officer.id,
      });
      // Proposed, not sent: nothing yet.
      expect((await as(ngoS, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(404);
      await t.database.db.update(referrals).set({ status: 'sent' }).where(eq(referrals.id, referralId));
      const read = await as(ngoS, 'GET', `/api/persons/${person.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json<Person>().allowed).toEqual(['victim.view']);
      expect((await as(ngoS, 'GET', '/api/persons')).json<PersonPage>().items.map((p) => p.id)).toEqual([
        person.id,
      ]);
      expect((await as(ngoS, 'GET', `/api/persons/${person.id}/identity`)).statusCode).toBe(403);

      await t.database.db
        .update(referrals)
        .set({ sharedScope: ['identity', 'screening'] })
        .where(eq(referrals.id, referralId));
      await as(ngoS, 'POST', '/api/me/justifications', { scope: 'session', text: 'Prijem u sklonište' });
      const identity = await as(ngoS, 'GET', `/api/persons/${person.id}/identity`);
      expect(identity.statusCode).toBe(200);
      // 'identity' without 'contact': the names, not the phone numbers.
      expect(identity.json()).toEqual({
        identity: {
          givenName: 'Јована',
          familyName: 'Петровић',
          birthDate: '2010-03-14',
          guardian: { name: JOVANA.identity.guardian.name, relation: 'appointed guardian' },
        },
      });
      // Still no screening for the NGO: screenings stay with the unit.
      expect((await as(ngoS, 'GET', `/api/screenings/${screening.id}`)).statusCode).toBe(404);
    });

    it('opens the person to the coordinators of the jurisdiction it was referred to, and to no one else there', async () => {
      expect((await as(foreignCoordinatorS, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(404);
      await t.database.db.insert(referrals).values({
        id: uuidv7(),
        reference: 'R-RS-000002',
        personId: person.id,
        kind: 'transnational',
        service: 'assisted_return',
        toJurisdictionCode: 'MK',
        procedure: 'return_inclusion',
        fromJurisdictionCode: 'RS',
        fromUnitId: officer.unitId,
        status: 'accepted',
        sharedScope: ['screening'],
        createdBy: officer.id,
      });
      expect((await as(foreignCoordinatorS, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(200);
      expect((await as(foreignCoordinatorS, 'GET', '/api/persons')).json<PersonPage>().total).toBe(1);
      expect((await as(foreignOfficerS, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(404);
      const resource = await loadPersonResource(t.database.db, person.id);
      expect(resource?.referrals.map((r) => r.toJurisdiction ?? r.agencyId).sort()).toEqual(
        ['MK', ngo.agencyId].sort(),
      );
      expect(await loadPersonResource(t.database.db, uuidv7())).toBeNull();
    });
  });
});
