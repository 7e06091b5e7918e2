import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { auditLog, serviceProviders } from '@veza/db';
import type { Person, Screening } from '@veza/shared';
import { pdfText } from '../../platform/pdf/pdf-text.testing.ts';
import {
  createAccount,
  createAgencyRow,
  createTestApp,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';
import { ensureDefaultInstruments } from '../indicators/index.ts';

let t: TestApp;
let officer: Signed;
let otherUnit: Signed;
let coordinator: Signed;
let ngo: Signed;
let person: Person;
let screening: Screening;
let referralId: string;

const as = (who: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

async function textOf(body: Buffer): Promise<string> {
  return (await pdfText(new Uint8Array(body))).join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureDefaultInstruments(t.database.db);
  const officerAccount = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const otherUnitAccount = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const coordinatorAccount = await createAccount(t.database, {
    roles: ['national_coordinator'],
    jurisdiction: 'RS',
  });
  const ngoAgency = await createAgencyRow(t.database, { jurisdiction: 'RS', kind: 'ngo', name: 'Atina' });
  const ngoAccount = await createAccount(t.database, { roles: ['ngo_caseworker'], agencyId: ngoAgency });
  [officer, otherUnit, coordinator, ngo] = (await Promise.all(
    [officerAccount, otherUnitAccount, coordinatorAccount, ngoAccount].map((a) => signIn(t.app, a.email)),
  )) as [Signed, Signed, Signed, Signed];

  const created = await as(officer, 'POST', '/api/persons', {
    category: 'presumed_victim',
    categoryKind: 'assessment',
    sex: 'male',
    ageGroup: 'child',
    nationality: 'XK',
    preferredLanguage: 'sq',
    identity: {
      givenName: 'Arben',
      familyName: 'Krasniqi',
      birthDate: '2010-05-02',
      guardian: { name: 'Центар за социјални рад Врање', relation: 'appointed guardian' },
    },
    guardianAppointed: true,
  });
  expect(created.statusCode).toBe(201);
  person = created.json<Person>();
  const screened = await as(officer, 'POST', '/api/screenings', {
    clientId: randomUUID(),
    instrumentId: 'veza.full',
    stage: 'full',
    personId: person.id,
    occurredAt: '2026-11-20T21:40:00Z',
    setting: 'border_crossing',
    place: 'Прешево',
    interviewLanguage: 'sq',
    interpreterLanguage: 'sr-Cyrl',
    narrative: 'Më thanë se do të punoja në një kafene.',
    age: 16,
    answers: { 'ilo.act_escorted': 'yes', 'ilo.abusive_living_conditions': 'yes' },
  });
  expect(screened.statusCode).toBe(201);
  screening = screened.json<Screening>();

  const providerId = uuidv7();
  await t.database.db.insert(serviceProviders).values({
    id: providerId,
    jurisdictionCode: 'RS',
    agencyId: ngoAgency,
    name: 'Atina – sklonište',
    services: ['shelter'],
    capacity: 10,
    available: 3,
    languages: ['sr-Latn', 'sq'],
    openingHours: '24/7',
    open24h: true,
    acceptsChildren: true,
    city: 'Beograd',
  });
  const consent = await as(officer, 'POST', `/api/persons/${person.id}/consents`, {
    purpose: 'referral',
    recipient: `provider:${providerId}`,
    status: 'granted',
    scope: ['screening'],
    givenBy: 'guardian',
  });
  expect(consent.statusCode).toBe(201);
  const referral = await as(officer, 'POST', '/api/referrals', {
    personId: person.id,
    screeningId: screening.id,
    kind: 'national',
    service: 'shelter',
    providerId,
    send: true,
  });
  expect(referral.statusCode).toBe(201);
  referralId = referral.json<{ id: string }>().id;
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

describe('GET /api/screenings/:id/summary.pdf', () => {
  it("prints the summary in the officer's and the person's language, with the pseudonym and not the name", async () => {
    const response = await as(
      officer,
      'GET',
      `/api/screenings/${screening.id}/summary.pdf?lang=sr-Cyrl&lang=sq`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`${screening.reference}.pdf`);
    const text = await textOf(response.rawPayload);
    expect(text).toContain('Резиме скрининга');
    expect(text).toContain('Përmbledhje e shqyrtimit');
    expect(text).toContain(person.reference);
    expect(text).not.toContain('Krasniqi');
    // The person's own words stay out of the paper copy.
    expect(text).not.toContain('kafene');
  });

  it("uses the reader's language and the person's preferred one when none is asked for", async () => {
    const text = await textOf(
      (await as(coordinator, 'GET', `/api/screenings/${screening.id}/summary.pdf`)).rawPayload,
    );
    expect(text).toContain('Screening summary');
    expect(text).toContain('Përmbledhje e shqyrtimit');
  });

  it('prints the name only with a justification, and logs the disclosure with it', async () => {
    const url = `/api/screenings/${screening.id}/summary.pdf?lang=en&identity=true`;
    const refused = await as(officer, 'GET', url);
    expect(refused.statusCode).toBe(428);
    expect(refused.json()).toMatchObject({ code: 'justification_required' });

    const reason = 'Upućivanje u sklonište Atina';
    expect(
      (await as(officer, 'POST', '/api/me/justifications', { scope: 'session', text: reason })).statusCode,
    ).toBeLessThan(300);
    const text = await textOf((await as(officer, 'GET', url)).rawPayload);
    expect(text).toContain('Arben Krasniqi');
    expect(text).toContain(reason);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.screening_summary'), eq(auditLog.justification, reason)));
    expect(entry).toMatchObject({ operation: 'disclosure', recordId: screening.id, subjectId: person.id });
  });

  it('answers "not found" to an officer of another unit, and refuses a language Veza does not print', async () => {
    expect((await as(otherUnit, 'GET', `/api/screenings/${screening.id}/summary.pdf`)).statusCode).toBe(404);
    expect((await as(ngo, 'GET', `/api/screenings/${screening.id}/summary.pdf`)).statusCode).toBe(404);
    const bad = await as(officer, 'GET', `/api/screenings/${screening.id}/summary.pdf?lang=de`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
  });
});

describe('GET /api/referrals/:id/form.pdf', () => {
  it('prints the referral form for the sender and for the receiving NGO, which sees no name', async () => {
    const sender = await textOf(
      (await as(officer, 'GET', `/api/referrals/${referralId}/form.pdf?lang=sr-Latn&lang=sq`)).rawPayload,
    );
    expect(sender).toContain('Obrazac upućivanja');
    expect(sender).toContain('Formulari i referimit');
    expect(sender).toContain('Atina – sklonište, Beograd');
    expect(sender).toContain(screening.reference);

    const receiver = await as(ngo, 'GET', `/api/referrals/${referralId}/form.pdf?lang=sr-Latn`);
    expect(receiver.statusCode).toBe(200);
    expect(await textOf(receiver.rawPayload)).toContain(person.reference);
    await as(ngo, 'POST', '/api/me/justifications', { scope: 'session', text: 'Prijem u sklonište' });
    // Consent covered the screening, not the identity: the NGO may not print the name.
    expect((await as(ngo, 'GET', `/api/referrals/${referralId}/form.pdf?identity=true`)).statusCode).toBe(
      403,
    );
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.referral_form'), eq(auditLog.recordId, referralId)));
    expect(logged.length).toBe(2);
  });

  it('answers "not found" to someone the referral does not concern', async () => {
    expect((await as(otherUnit, 'GET', `/api/referrals/${referralId}/form.pdf`)).statusCode).toBe(404);
  });
});
