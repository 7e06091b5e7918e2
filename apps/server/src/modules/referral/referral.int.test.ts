import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications, personConsents, persons, referralEvents, screenings } from '@veza/db';
import type { Provider, Referral, ReferralPage } from '@veza/shared';
import { sealSecret } from '../../platform/auth/secret-box.ts';
import {
  createAccount,
  createAgencyRow,
  createTestApp,
  createUnitRow,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';
import { runReferralReminders } from './referral.reminders.ts';

let t: TestApp;
let officer: TestAccount;
let officerS: Signed;
let colleagueS: Signed;
let otherUnitS: Signed;
let caseworkerS: Signed;
let otherNgoS: Signed;
let coordinatorS: Signed;
let foreignOfficerS: Signed;
let mkCoordinatorS: Signed;
let alCoordinatorS: Signed;
let shelter: Provider;
let outsideProvider: Provider;
let shelterUnitId: string;

const as = (who: Signed, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

/**
 * Persons and consents are written straight into their tables: the persons module (built beside this
 * one) owns their API; the referral module reads them.
 */
async function personOf(
  unitId: string,
  identity: Record<string, unknown>,
  ageGroup: 'child' | 'adult' = 'child',
): Promise<string> {
  const id = uuidv7();
  await t.database.db.insert(persons).values({
    id,
    reference: `P-RS-${id.slice(-6).toUpperCase()}`,
    jurisdictionCode: 'RS',
    unitId,
    category: 'presumed_victim',
    categoryKind: 'assessment',
    sex: 'female',
    ageGroup,
    nationality: 'RS',
    identity: sealSecret(t.config.secretKey, JSON.stringify(identity)),
    reviewDueAt: new Date('2027-11-01T00:00:00Z'),
    retainUntil: new Date('2031-11-01T00:00:00Z'),
    createdBy: officer.id,
  });
  return id;
}

/** A full interview that gave grounds to refer, written straight into its table as the persons are. */
async function screeningOf(personId: string, unitId: string): Promise<string> {
  const id = uuidv7();
  await t.database.db.insert(screenings).values({
    id,
    clientId: uuidv7(),
    reference: `S-RS-${id.slice(-6).toUpperCase()}`,
    personId,
    instrumentId: 'veza.full',
    instrumentVersion: 1,
    stage: 'full',
    jurisdictionCode: 'RS',
    unitId,
    screenedBy: officer.id,
    occurredAt: new Date('2026-11-20T22:40:00Z'),
    setting: 'border_crossing',
    place: 'Прешево',
    interviewLanguage: 'sr',
    age: 16,
    answers: { 'unodc.child_unaccompanied': 'yes', 'unodc.begging_for_others': 'yes' },
    outcome: 'grounds_to_refer',
    rule: 'R-CHILD-ACT-PURPOSE',
    reasons: ['unodc.child_unaccompanied', 'unodc.begging_for_others'],
    childRule: true,
    nonPunishmentAlert: false,
    exploitationTypes: ['begging'],
    fieldRevisions: {},
  });
  return id;
}

let consentVersion = 0;
async function consent(
  personId: string,
  input: { purpose?: string; recipient: string; status?: 'granted' | 'revoked'; scope: string[] },
): Promise<void> {
  consentVersion += 1;
  await t.database.db.insert(personConsents).values({
    id: uuidv7(),
    personId,
    purpose: input.purpose ?? 'referral',
    recipient: input.recipient,
    version: consentVersion,
    status: input.status ?? 'granted',
    scope: input.scope,
    givenBy: 'guardian',
    recordedBy: officer.id,
  });
}

const JOVANA = {
  givenName: 'Јована',
  familyName: 'Петровић',
  birthDate: '2010-03-14',
  phone: '+381 64 000 0000',
  address: 'Нови Сад',
};

beforeAll(async () => {
  t = await createTestApp();
  officer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const colleague = await createAccount(t.database, { roles: ['officer'], unitId: officer.unitId });
  const otherUnit = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const shelterAgency = await createAgencyRow(t.database, {
    jurisdiction: 'RS',
    kind: 'ngo',
    name: 'Светионик',
  });
  shelterUnitId = await createUnitRow(t.database, { agencyId: shelterAgency, kind: 'shelter' });
  const caseworker = await createAccount(t.database, {
    roles: ['ngo_caseworker'],
    unitId: shelterUnitId,
    agencyId: shelterAgency,
  });
  const otherNgo = await createAccount(t.database, { roles: ['ngo_caseworker'], jurisdiction: 'RS' });
  const coordinator = await createAccount(t.database, {
    roles: ['national_coordinator'],
    jurisdiction: 'RS',
  });
  const foreignOfficer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'XK' });
  const mkCoordinator = await createAccount(t.database, {
    roles: ['national_coordinator'],
    jurisdiction: 'MK',
  });
  const alCoordinator = await createAccount(t.database, {
    roles: ['national_coordinator'],
    jurisdiction: 'AL',
  });
  officerS = await signIn(t.app, officer.email);
  colleagueS = await signIn(t.app, colleague.email);
  otherUnitS = await signIn(t.app, otherUnit.email);
  caseworkerS = await signIn(t.app, caseworker.email);
  otherNgoS = await signIn(t.app, otherNgo.email);
  coordinatorS = await signIn(t.app, coordinator.email);
  foreignOfficerS = await signIn(t.app, foreignOfficer.email);
  mkCoordinatorS = await signIn(t.app, mkCoordinator.email);
  alCoordinatorS = await signIn(t.app, alCoordinator.email);
  const created = await as(coordinatorS, 'POST', '/api/providers', {
    jurisdiction: 'RS',
    agencyId: shelterAgency,
    name: 'Сигурна кућа „Светионик“',
    services: ['shelter', 'psychological'],
    capacity: 12,
    available: 4,
    languages: ['sr', 'sq'],
    openingHours: '24/7',
    open24h: true,
    acceptsChildren: true,
    city: 'Београд',
  });
  expect(created.statusCode).toBe(201);
  shelter = created.json();
  outsideProvider = (
    await as(coordinatorS, 'POST', '/api/providers', {
      jurisdiction: 'RS',
      name: 'Дом здравља „Врачар“',
      services: ['medical'],
      openingHours: 'пон–пет 07–20',
      city: 'Београд',
    })
  ).json();
});

afterAll(async () => {
  await t?.dispose();
});

async function referToShelter(personId: string, send = true): Promise<Referral> {
  const response = await as(officerS, 'POST', '/api/referrals', {
    personId,
    kind: 'national',
    service: 'shelter',
    providerId: shelter.id,
    urgent: true,
    message: 'Девојчица од 16 година, потребан смештај вечерас.',
    send,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('provider directory', () => {
  it('filters by service, 24/7, language and children', async () => {
    const all: Provider[] = (await as(officerS, 'GET', '/api/providers?jurisdiction=RS')).json();
    expect(all.map((p) => p.name).sort()).toEqual([outsideProvider.name, shelter.name].sort());
    const open: Provider[] = (
      await as(officerS, 'GET', '/api/providers?jurisdiction=RS&open24h=true')
    ).json();
    expect(open.map((p) => p.id)).toEqual([shelter.id]);
    const albanian: Provider[] = (
      await as(officerS, 'GET', '/api/providers?language=sq&service=shelter&children=true')
    ).json();
    expect(albanian.map((p) => p.id)).toEqual([shelter.id]);
    const medical: Provider[] = (await as(officerS, 'GET', '/api/providers?service=medical')).json();
    expect(medical.map((p) => p.id)).toEqual([outsideProvider.id]);
  });

  it('lets the coordinator of the jurisdiction edit it, and nobody else', async () => {
    const edited = await as(coordinatorS, 'PATCH', `/api/providers/${shelter.id}`, { available: 3 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ available: 3, allowed: ['provider.view', 'provider.manage'] });
    expect((await as(officerS, 'PATCH', `/api/providers/${shelter.id}`, { available: 9 })).statusCode).toBe(
      403,
    );
    expect(
      (await as(mkCoordinatorS, 'PATCH', `/api/providers/${shelter.id}`, { available: 9 })).statusCode,
    ).toBe(403);
    const tooMany = await as(coordinatorS, 'PATCH', `/api/providers/${shelter.id}`, { available: 13 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ path: 'available' })]);
  });
});

describe('referral lifecycle', () => {
  it('refers a girl to a shelter, which accepts and takes her into service, with a timeline', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: `provider:${shelter.id}`, scope: ['identity'] });
    const sent = await referToShelter(personId);
    expect(sent).toMatchObject({ status: 'sent', sharedScope: ['identity'], kind: 'national' });
    expect(sent.reflection?.daysLeft).toBe(30);
    expect(sent.acknowledgeBy).toBeNull();

    // The shelter's inbox has it; the unit was told.
    const inbox: ReferralPage = (await as(caseworkerS, 'GET', '/api/referrals?direction=incoming')).json();
    expect(inbox.items.map((r) => r.id)).toContain(sent.id);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.unitId, shelterUnitId), eq(notifications.kind, 'referral_received')));
    expect(told.map((n) => n.link)).toContain(`/referrals/${sent.id}`);

    const accepted = await as(caseworkerS, 'POST', `/api/referrals/${sent.id}/transitions`, {
      to: 'accepted',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const inService: Referral = (
      await as(caseworkerS, 'POST', `/api/referrals/${sent.id}/transitions`, { to: 'in_service' })
    ).json();
    expect(inService.status).toBe('in_service');
    expect(inService.timeline.map((e) => [e.type, e.toStatus])).toEqual([
      ['proposed', 'proposed'],
      ['sent', 'sent'],
      ['accepted', 'accepted'],
      ['service_started', 'in_service'],
    ]);
    expect(inService.timeline[2]?.actor?.id).toBeDefined();
    expect(inService.message).toBe('Девојчица од 16 година, потребан смештај вечерас.');
  });

  it('refuses an illegal move with its own error and changes nothing', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: 'any', scope: [] });
    const proposal = await referToShelter(personId, false);
    expect(proposal.status).toBe('proposed');
    const refused = await as(officerS, 'POST', `/api/referrals/${proposal.id}/transitions`, {
      to: 'in_service',
    });
    expect(refused.statusCode).toBe(403);
    const sent: Referral = (
      await as(officerS, 'POST', `/api/referrals/${proposal.id}/transitions`, { to: 'sent' })
    ).json();
    const early = await as(caseworkerS, 'POST', `/api/referrals/${sent.id}/transitions`, {
      to: 'in_service',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'referral_transition_refused' });
    const after: Referral = (await as(officerS, 'GET', `/api/referrals/${sent.id}`)).json();
    expect(after.status).toBe('sent');
    expect(after.timeline).toHaveLength(2);
  });

  it('asks for a reason to decline, and keeps it', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: `provider:${shelter.id}`, scope: ['identity'] });
    const sent = await referToShelter(personId);
    const bare = await as(caseworkerS, 'POST', `/api/referrals/${sent.id}/transitions`, {
      to: 'declined',
      reason: '  ',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([expect.objectContaining({ path: 'reason', code: 'required' })]);
    const declined: Referral = (
      await as(caseworkerS, 'POST', `/api/referrals/${sent.id}/transitions`, {
        to: 'declined',
        reason: 'Нема слободних места за малолетнице.',
      })
    ).json();
    expect(declined).toMatchObject({
      status: 'declined',
      declineReason: 'Нема слободних места за малолетнице.',
    });
    const officerView: Referral = (await as(officerS, 'GET', `/api/referrals/${sent.id}`)).json();
    expect(officerView.timeline.at(-1)).toMatchObject({
      type: 'declined',
      note: 'Нема слободних места за малолетнице.',
    });
    const toSender = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.unitId, officer.unitId), eq(notifications.kind, 'referral_status')));
    expect(toSender.map((n) => n.payload)).toContainEqual({ referral: sent.reference, status: 'declined' });
  });

  it('lets the sending officer record the answer of a provider outside Veza', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: 'any', scope: [] });
    const sent: Referral = (
      await as(officerS, 'POST', '/api/referrals', {
        personId,
        kind: 'national',
        service: 'medical',
        providerId: outsideProvider.id,
        send: true,
      })
    ).json();
    const accepted = await as(officerS, 'POST', `/api/referrals/${sent.id}/transitions`, { to: 'accepted' });
    expect(accepted.statusCode).toBe(200);
  });

  it('starts the reflection clock at sending, and keeps one clock per person', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: 'any', scope: [] });
    const proposal: Referral = (
      await as(officerS, 'POST', '/api/referrals', {
        personId,
        kind: 'national',
        service: 'shelter',
        providerId: shelter.id,
        reflectionDays: 45,
      })
    ).json();
    expect(proposal.reflection).toBeNull();
    const tooShort = await as(officerS, 'POST', '/api/referrals', {
      personId,
      kind: 'national',
      service: 'shelter',
      providerId: shelter.id,
      reflectionDays: 20,
    });
    expect(tooShort.statusCode).toBe(400);
    // Another referral sent meanwhile starts the person's clock; the proposal's 45 days are not it.
    const first: Referral = (
      await as(officerS, 'POST', '/api/referrals', {
        personId,
        kind: 'national',
        service: 'medical',
        providerId: outsideProvider.id,
        send: true,
      })
    ).json();
    expect(first.reflection?.daysLeft).toBe(30);
    // Sending the proposal later runs on the same clock instead of restarting it.
    const sent: Referral = (
      await as(officerS, 'POST', `/api/referrals/${proposal.id}/transitions`, { to: 'sent' })
    ).json();
    expect(sent.reflection).toEqual(first.reflection);
  });

  it('names the screening it follows, and refuses a screening of somebody else', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    const brother = await personOf(officer.unitId, { ...JOVANA, givenName: 'Марко' });
    const screeningId = await screeningOf(personId, officer.unitId);
    const input = { kind: 'national', service: 'shelter', providerId: shelter.id, screeningId };

    const wrong = await as(officerS, 'POST', '/api/referrals', { ...input, personId: brother });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ path: 'screeningId', code: 'not_found' }),
    ]);

    const right = await as(officerS, 'POST', '/api/referrals', { ...input, personId });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json<Referral>()).toMatchObject({ screeningId, person: { id: personId } });
  });

  it('refuses a provider that does not offer the service', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    const response = await as(officerS, 'POST', '/api/referrals', {
      personId,
      kind: 'national',
      service: 'legal_aid',
      providerId: shelter.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: 'service', code: 'not_offered' }),
    ]);
  });
});

describe('consent-limited sharing', () => {
  it('refuses to send without consent in force, and stores nothing', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: `provider:${shelter.id}`, scope: ['identity'] });
    await consent(personId, { recipient: `provider:${shelter.id}`, status: 'revoked', scope: [] });
    // A general consent does not override a revocation for this very provider.
    await consent(personId, { recipient: 'any', scope: ['identity', 'contact'] });
    const response = await as(officerS, 'POST', '/api/referrals', {
      personId,
      kind: 'national',
      service: 'shelter',
      providerId: shelter.id,
      send: true,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'consent_missing' });
    const page: ReferralPage = (await as(officerS, 'GET', `/api/referrals?personId=${personId}`)).json();
    expect(page.total).toBe(0);
  });

  it('freezes what was shared when sending; a later revocation does not widen or rewrite it', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: `provider:${shelter.id}`, scope: ['identity'] });
    const sent = await referToShelter(personId);
    await consent(personId, {
      recipient: `provider:${shelter.id}`,
      scope: ['identity', 'contact', 'health'],
    });
    const later: Referral = (await as(caseworkerS, 'GET', `/api/referrals/${sent.id}`)).json();
    expect(later.sharedScope).toEqual(['identity']);

    // The caseworker reads the names the consent allowed, never the telephone or address.
    const noReason = await as(caseworkerS, 'GET', `/api/referrals/${sent.id}/identity`);
    expect(noReason.statusCode).toBe(428);
    await as(caseworkerS, 'POST', '/api/me/justifications', {
      scope: `referral:${sent.id}`,
      text: 'Пријем у сигурну кућу',
    });
    const identity = await as(caseworkerS, 'GET', `/api/referrals/${sent.id}/identity`);
    expect(identity.statusCode, identity.body).toBe(200);
    expect(identity.json().identity).toEqual({
      givenName: 'Јована',
      familyName: 'Петровић',
      birthDate: '2010-03-14',
    });
    const [logged] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, sent.id), eq(auditLog.justification, 'Пријем у сигурну кућу')));
    expect(logged?.operation).toBe('consultation');
  });

  it('logs the sending as a disclosure to the recipient', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: `provider:${shelter.id}`, scope: ['identity'] });
    const sent = await referToShelter(personId);
    const [disclosure] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, sent.id), eq(auditLog.operation, 'disclosure')));
    expect(disclosure?.recipients).toEqual([`provider:${shelter.id}`]);
  });
});

describe('who sees a referral', () => {
  let referral: Referral;
  beforeAll(async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: `provider:${shelter.id}`, scope: ['identity'] });
    referral = await referToShelter(personId);
  });

  it('shows it to the sending unit, the shelter and the national coordinator', async () => {
    for (const who of [officerS, colleagueS, caseworkerS, coordinatorS]) {
      expect((await as(who, 'GET', `/api/referrals/${referral.id}`)).statusCode).toBe(200);
      const list: ReferralPage = (await as(who, 'GET', '/api/referrals')).json();
      expect(list.items.map((r) => r.id)).toContain(referral.id);
    }
  });

  it('answers "not found" to another unit, another NGO and another jurisdiction', async () => {
    for (const who of [otherUnitS, otherNgoS, foreignOfficerS, mkCoordinatorS]) {
      expect((await as(who, 'GET', `/api/referrals/${referral.id}`)).statusCode).toBe(404);
      const list: ReferralPage = (await as(who, 'GET', '/api/referrals')).json();
      expect(list.items.map((r) => r.id)).not.toContain(referral.id);
    }
    const moved = await as(otherNgoS, 'POST', `/api/referrals/${referral.id}/transitions`, {
      to: 'accepted',
    });
    expect(moved.statusCode).toBe(404);
  });

  it('does not show a proposal to the shelter before it is sent', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    const proposal = await referToShelter(personId, false);
    expect((await as(caseworkerS, 'GET', `/api/referrals/${proposal.id}`)).statusCode).toBe(404);
  });

  it('does not let an officer refer a person of another unit', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    const response = await as(otherUnitS, 'POST', '/api/referrals', {
      personId,
      kind: 'national',
      service: 'shelter',
      providerId: shelter.id,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('transnational referral', () => {
  it('goes to the other jurisdiction’s coordinator with a due date, and only there', async () => {
    const personId = await personOf(officer.unitId, JOVANA, 'adult');
    await consent(personId, {
      purpose: 'transnational_referral',
      recipient: 'jurisdiction:MK',
      scope: ['identity', 'screening'],
    });
    const response = await as(coordinatorS, 'POST', '/api/referrals', {
      personId,
      kind: 'transnational',
      service: 'assisted_return',
      toJurisdiction: 'MK',
      procedure: 'return_inclusion',
      send: true,
    });
    expect(response.statusCode, response.body).toBe(201);
    const sent: Referral = response.json();
    const dueInDays = (Date.parse(sent.acknowledgeBy ?? '') - Date.parse(sent.updatedAt)) / 86_400_000;
    expect(dueInDays).toBeCloseTo(10, 3);
    expect(sent.sharedScope).toEqual(['identity', 'screening']);

    expect((await as(alCoordinatorS, 'GET', `/api/referrals/${sent.id}`)).statusCode).toBe(404);
    const received: Referral = (await as(mkCoordinatorS, 'GET', `/api/referrals/${sent.id}`)).json();
    expect(received.allowed).toEqual(expect.arrayContaining(['referral.acknowledge', 'referral.respond']));
    // The sender cannot acknowledge its own referral.
    expect((await as(coordinatorS, 'POST', `/api/referrals/${sent.id}/acknowledge`)).statusCode).toBe(403);
    const acknowledged: Referral = (
      await as(mkCoordinatorS, 'POST', `/api/referrals/${sent.id}/acknowledge`)
    ).json();
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    expect((await as(mkCoordinatorS, 'POST', `/api/referrals/${sent.id}/acknowledge`)).statusCode).toBe(409);
  });

  it('needs consent for that jurisdiction, not for another', async () => {
    const personId = await personOf(officer.unitId, JOVANA, 'adult');
    await consent(personId, {
      purpose: 'transnational_referral',
      recipient: 'jurisdiction:AL',
      scope: ['identity'],
    });
    const response = await as(coordinatorS, 'POST', '/api/referrals', {
      personId,
      kind: 'transnational',
      service: 'shelter',
      toJurisdiction: 'MK',
      procedure: 'first_assistance',
      send: true,
    });
    expect(response.json()).toMatchObject({ code: 'consent_missing' });
  });
});

describe('reminders', () => {
  it('reminds both sides once when the reflection period ends within 7 days, and notes it', async () => {
    const personId = await personOf(officer.unitId, JOVANA);
    await consent(personId, { recipient: `provider:${shelter.id}`, scope: [] });
    const sent = await referToShelter(personId);
    const endsAt = Date.parse(sent.reflection?.endsAt ?? '');
    const sixDaysBefore = new Date(endsAt - 6 * 86_400_000);
    const before = new Date(endsAt - 9 * 86_400_000);

    await runReferralReminders(t.database.db, before);
    const first = await runReferralReminders(t.database.db, sixDaysBefore);
    const again = await runReferralReminders(t.database.db, new Date(sixDaysBefore.getTime() + 3_600_000));
    expect(first.reflectionEnding).toBeGreaterThanOrEqual(1);
    expect(again.reflectionEnding).toBe(0);

    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'reflection_ending'));
    const aboutThis = told.filter((n) => n.link === `/referrals/${sent.id}`);
    expect(aboutThis.map((n) => n.unitId).sort()).toEqual([officer.unitId, shelterUnitId].sort());
    const events = await t.database.db
      .select()
      .from(referralEvents)
      .where(and(eq(referralEvents.referralId, sent.id), eq(referralEvents.type, 'reminder')));
    expect(events).toHaveLength(1);
  });

  it('reminds when a transnational referral is not acknowledged in time', async () => {
    const personId = await personOf(officer.unitId, JOVANA, 'adult');
    await consent(personId, { purpose: 'transnational_referral', recipient: 'any', scope: [] });
    const sent: Referral = (
      await as(officerS, 'POST', '/api/referrals', {
        personId,
        kind: 'transnational',
        service: 'shelter',
        toJurisdiction: 'MK',
        procedure: 'first_assistance',
        urgent: true,
        send: true,
      })
    ).json();
    const due = Date.parse(sent.acknowledgeBy ?? '');
    expect(
      (await runReferralReminders(t.database.db, new Date(due - 3_600_000))).acknowledgementOverdue,
    ).toBe(0);
    const late = await runReferralReminders(t.database.db, new Date(due + 3_600_000));
    expect(late.acknowledgementOverdue).toBe(1);
    const rerun = await runReferralReminders(t.database.db, new Date(due + 7_200_000));
    expect(rerun.acknowledgementOverdue).toBe(0);
  });
});
