import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, informationRequests, notifications, outboundEnvelopes } from '@veza/db';
import type { InformationRequest, RequestPage } from '@veza/shared';
import {
  createAccount,
  createAgencyRow,
  createTestApp,
  createUnitRow,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';
import { runRequestClocks } from './requests.clock.ts';

let t: TestApp;
let investigatorS: Signed;
let colleagueElsewhereS: Signed;
let meSpocS: Signed;
let meSupervisorId: string;
let meSpocUnit: string;
let rsSpocS: Signed;
let alOfficerS: Signed;

const as = (who: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

/** What a Serbian investigator asks Montenegro about the Novi Sad club case. */
const REQUEST = {
  to: { jurisdiction: 'ME' },
  sought: 'Власници и корисници возила BG-123-ЖШ и улазак у Црну Гору 12.–14. новембра 2026.',
  purpose: 'Идентификација саучесника у трговини људима ради сексуалне експлоатације',
  facts:
    'Три девојке из Новог Сада превезене су у клуб у Будви; возило је регистровано на фирму из Подгорице.',
  offence: 'Трговина људима (чл. 388 КЗ)',
  whyHeld: 'Возило је прешло границу код Добраковa; власничка фирма је регистрована у Подгорици.',
  personLink: 'Возач је осумњичени организатор превоза.',
  urgency: 'urgent_direct',
  urgencyReasons: 'Жртве су можда још у Будви; постоји опасност од даљег премештања.',
  handlingCode: 'H2',
  evaluation: 'B2',
  language: 'sr-Cyrl',
  channel: 'siena',
  channelReference: 'SIENA-RS-2026-44721',
};

beforeAll(async () => {
  t = await createTestApp();
  const investigator = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const colleagueElsewhere = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const meAgency = await createAgencyRow(t.database, { jurisdiction: 'ME', name: 'Uprava policije' });
  meSpocUnit = await createUnitRow(t.database, {
    agencyId: meAgency,
    kind: 'international_cooperation',
    name: 'Odsjek za međunarodnu policijsku saradnju',
  });
  const meSpoc = await createAccount(t.database, {
    roles: ['cooperation_officer'],
    unitId: meSpocUnit,
    agencyId: meAgency,
  });
  meSupervisorId = (
    await createAccount(t.database, { roles: ['supervisor'], unitId: meSpocUnit, agencyId: meAgency })
  ).id;
  const rsAgency = await createAgencyRow(t.database, { jurisdiction: 'RS' });
  const rsSpocUnit = await createUnitRow(t.database, {
    agencyId: rsAgency,
    kind: 'international_cooperation',
  });
  const rsSpoc = await createAccount(t.database, {
    roles: ['cooperation_officer'],
    unitId: rsSpocUnit,
    agencyId: rsAgency,
  });
  const alOfficer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'AL' });
  investigatorS = await signIn(t.app, investigator.email);
  colleagueElsewhereS = await signIn(t.app, colleagueElsewhere.email);
  meSpocS = await signIn(t.app, meSpoc.email);
  rsSpocS = await signIn(t.app, rsSpoc.email);
  alOfficerS = await signIn(t.app, alOfficer.email);
});

afterAll(async () => {
  await t?.dispose();
});

describe('POST /api/requests/deadline', () => {
  it('answers the due moment in UTC counted in the receiving jurisdiction, storing nothing', async () => {
    const before = await t.database.db.select().from(informationRequests);
    const response = await as(investigatorS, 'POST', '/api/requests/deadline', {
      urgency: 'urgent_indirect',
      receivedAt: '2026-03-27T10:00:00+01:00',
      to: 'ME',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ dueAt: '2026-03-30T22:00:00.000Z', period: '3d' });
    expect(await t.database.db.select().from(informationRequests)).toHaveLength(before.length);
  });

  it('names the field of an unknown jurisdiction or a date without offset', async () => {
    const unknown = await as(investigatorS, 'POST', '/api/requests/deadline', {
      urgency: 'standard',
      receivedAt: '2026-03-27T10:00:00+01:00',
      to: 'GR',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'to' }] });
    const noOffset = await as(investigatorS, 'POST', '/api/requests/deadline', {
      urgency: 'standard',
      receivedAt: '27.03.2026 10:00',
      to: 'ME',
    });
    expect(noOffset.statusCode).toBe(400);
    expect(noOffset.json()).toMatchObject({ errors: [{ path: 'receivedAt' }] });
  });

  it('is for signed-in users only', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/requests/deadline',
      payload: { urgency: 'standard', receivedAt: '2026-03-27T10:00:00+01:00', to: 'ME' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('a request between Serbia and Montenegro', () => {
  let mine: InformationRequest;
  let theirs: InformationRequest;

  it('refuses an urgent request without its reasons and stores nothing', async () => {
    const { urgencyReasons: _omitted, ...withoutReasons } = REQUEST;
    const response = await as(investigatorS, 'POST', '/api/requests', { ...withoutReasons, send: true });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'urgencyReasons', code: 'required' }],
    });
    expect(await t.database.db.select().from(informationRequests)).toHaveLength(0);
    expect(await t.database.db.select().from(outboundEnvelopes)).toHaveLength(0);
  });

  it('sends it: the Montenegrin SPOC receives its own record with the 8-hour clock', async () => {
    const response = await as(investigatorS, 'POST', '/api/requests', { ...REQUEST, send: true });
    expect(response.statusCode).toBe(201);
    mine = response.json();
    expect(mine).toMatchObject({
      side: 'requesting',
      status: 'received',
      period: '8h',
      reference: expect.stringMatching(/^RS-\d{4}-0001$/),
    });
    expect(mine.to.unitId).toBe(meSpocUnit);
    // The hour of receipt is not counted: due 8 hours after the next whole hour.
    const received = new Date(mine.receivedAt ?? '');
    const due = new Date(mine.dueAt ?? '');
    const nextHour = Math.floor(received.getTime() / 3_600_000) * 3_600_000 + 3_600_000;
    expect(due.getTime()).toBe(nextHour + 8 * 3_600_000);

    const inbox = (await as(meSpocS, 'GET', '/api/requests?box=inbox')).json() as RequestPage;
    expect(inbox.items.map((r) => r.reference)).toEqual([mine.reference]);
    theirs = (await as(meSpocS, 'GET', `/api/requests/${inbox.items[0]?.id}`)).json();
    expect(theirs).toMatchObject({
      side: 'requested',
      status: 'received',
      exchangeId: mine.exchangeId,
      dueAt: mine.dueAt,
      sought: REQUEST.sought,
      urgencyReasons: REQUEST.urgencyReasons,
      case: null,
    });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.allowed).toEqual(
      expect.arrayContaining(['request.start', 'request.delay', 'request.answer', 'request.refuse']),
    );
    expect(theirs.allowed).not.toContain('request.withdraw');

    const kinds = (await t.database.db.select().from(outboundEnvelopes)).map((e) => [
      e.kind,
      e.toJurisdictionCode,
    ]);
    expect(kinds.sort()).toEqual([
      ['request.received', 'RS'],
      ['request.sent', 'ME'],
    ]);
    const told = await t.database.db.select().from(notifications).where(eq(notifications.unitId, meSpocUnit));
    expect(told.map((n) => n.kind)).toEqual(['request_received']);
  });

  it('shows neither side’s record to anyone else', async () => {
    expect((await as(alOfficerS, 'GET', `/api/requests/${mine.id}`)).statusCode).toBe(404);
    expect((await as(alOfficerS, 'GET', `/api/requests/${theirs.id}`)).statusCode).toBe(404);
    expect((await as(investigatorS, 'GET', `/api/requests/${theirs.id}`)).statusCode).toBe(404);
    expect((await as(colleagueElsewhereS, 'GET', `/api/requests/${mine.id}`)).statusCode).toBe(404);
    // The Serbian SPOC keeps the copy of its units' requests.
    const copies = (await as(rsSpocS, 'GET', '/api/requests?box=outbox')).json() as RequestPage;
    expect(copies.items.map((r) => r.id)).toEqual([mine.id]);
  });

  it('carries a delay notice to the requester and keeps the clock running', async () => {
    const expectedAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const past = await as(meSpocS, 'POST', `/api/requests/${theirs.id}/delay`, {
      reason: 'Čeka se odobrenje suda',
      expectedAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ errors: [{ path: 'expectedAt', code: 'not_in_future' }] });
    const response = await as(meSpocS, 'POST', `/api/requests/${theirs.id}/delay`, {
      reason: 'Čeka se odobrenje Osnovnog suda u Podgorici za podatke o vlasniku',
      expectedAt,
    });
    expect(response.statusCode).toBe(200);
    expect((response.json() as InformationRequest).dueAt).toBe(theirs.dueAt);
    const seen = (await as(investigatorS, 'GET', `/api/requests/${mine.id}`)).json() as InformationRequest;
    expect(seen.delay).toMatchObject({
      reason: 'Čeka se odobrenje Osnovnog suda u Podgorici za podatke o vlasniku',
      expectedAt,
    });
    expect(seen.dueAt).toBe(mine.dueAt);
    expect(seen.timeline.map((e) => e.type)).toEqual(['drafted', 'sent', 'received', 'delay_notice']);
  });

  it('answers in the language of the request or in English only', async () => {
    const albanian = await as(meSpocS, 'POST', `/api/requests/${theirs.id}/answer`, {
      completeness: 'fully',
      text: 'Pronari i automjetit është …',
      language: 'sq',
    });
    expect(albanian.statusCode).toBe(400);
    expect(albanian.json()).toMatchObject({ errors: [{ path: 'language', code: 'answer_language' }] });
    const answered = await as(meSpocS, 'POST', `/api/requests/${theirs.id}/answer`, {
      completeness: 'fully',
      text: 'Возило је регистровано на „Јадран транс“ д.о.о. Подгорица; ушло је 12. новембра у 23:10.',
      language: 'sr-Cyrl',
    });
    expect(answered.statusCode).toBe(200);
    const seen = (await as(investigatorS, 'GET', `/api/requests/${mine.id}`)).json() as InformationRequest;
    expect(seen).toMatchObject({
      status: 'answered_fully',
      answer: { language: 'sr-Cyrl', completeness: 'fully' },
    });
    const again = await as(meSpocS, 'POST', `/api/requests/${theirs.id}/refuse`, {
      ground: 'minor_offence',
      explanation: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'request_transition_refused' });
  });

  it('audits each side’s steps in its own jurisdiction', async () => {
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordType, 'information_request')));
    const byRecord = (id: string) =>
      entries.filter((e) => e.recordId === id).map((e) => `${e.operation}:${e.action}`);
    expect(byRecord(mine.id)).toEqual(
      expect.arrayContaining([
        'collection:request.create',
        'disclosure:request.send',
        'alteration:request.answer',
      ]),
    );
    expect(byRecord(theirs.id)).toEqual(
      expect.arrayContaining(['collection:request.send', 'disclosure:request.answer']),
    );
  });
});

describe('refusal and withdrawal', () => {
  it('refuses only on a listed ground, with an explanation, and tells the requester', async () => {
    const sent = (
      await as(investigatorS, 'POST', '/api/requests', {
        ...REQUEST,
        urgency: 'standard',
        urgencyReasons: undefined,
        send: true,
      })
    ).json() as InformationRequest;
    const inbox = (await as(meSpocS, 'GET', '/api/requests?box=inbox&open=true')).json() as RequestPage;
    const theirs = inbox.items.find((r) => r.exchangeId === sent.exchangeId);
    const unlisted = await as(meSpocS, 'POST', `/api/requests/${theirs?.id}/refuse`, {
      ground: 'too_busy',
      explanation: 'Nemamo ljudi',
    });
    expect(unlisted.statusCode).toBe(400);
    expect(unlisted.json()).toMatchObject({ errors: [{ path: 'ground' }] });
    const refused = await as(meSpocS, 'POST', `/api/requests/${theirs?.id}/refuse`, {
      ground: 'judicial_authorisation_refused',
      explanation: 'Osnovni sud u Podgorici nije odobrio pristup podacima o vlasniku.',
    });
    expect(refused.statusCode).toBe(200);
    const seen = (await as(investigatorS, 'GET', `/api/requests/${sent.id}`)).json() as InformationRequest;
    expect(seen).toMatchObject({ status: 'refused', refusal: { ground: 'judicial_authorisation_refused' } });
  });

  it('withdraws an open request on both sides; a draft stays home', async () => {
    const sent = (
      await as(investigatorS, 'POST', '/api/requests', { ...REQUEST, send: true })
    ).json() as InformationRequest;
    const withdrawn = await as(investigatorS, 'POST', `/api/requests/${sent.id}/withdraw`, {
      reason: 'Возило пронађено у Србији',
    });
    expect(withdrawn.statusCode).toBe(200);
    const [theirs] = await t.database.db
      .select()
      .from(informationRequests)
      .where(
        and(eq(informationRequests.exchangeId, sent.exchangeId), eq(informationRequests.side, 'requested')),
      );
    expect(theirs?.status).toBe('withdrawn');

    const draft = (await as(investigatorS, 'POST', '/api/requests', REQUEST)).json() as InformationRequest;
    const envelopesBefore = (await t.database.db.select().from(outboundEnvelopes)).length;
    await as(investigatorS, 'POST', `/api/requests/${draft.id}/withdraw`, { reason: 'Грешка' });
    expect((await t.database.db.select().from(outboundEnvelopes)).length).toBe(envelopesBefore);
  });
});

describe('addressing', () => {
  it('lands with the point of contact whatever other unit the request names', async () => {
    const meAgency = await createAgencyRow(t.database, { jurisdiction: 'ME', kind: 'border_police' });
    const border = await createUnitRow(t.database, { agencyId: meAgency, kind: 'border' });
    const named = (
      await as(investigatorS, 'POST', '/api/requests', {
        ...REQUEST,
        to: { jurisdiction: 'ME', unitId: border },
        send: true,
      })
    ).json() as InformationRequest;
    expect(named.to.unitId).toBe(meSpocUnit);
    const spoc = (
      await as(investigatorS, 'POST', '/api/requests', {
        ...REQUEST,
        to: { jurisdiction: 'ME', unitId: meSpocUnit },
        send: true,
      })
    ).json() as InformationRequest;
    expect(spoc.to.unitId).toBe(meSpocUnit);
  });

  it('refuses a request to one’s own jurisdiction, naming the field', async () => {
    const response = await as(investigatorS, 'POST', '/api/requests', {
      ...REQUEST,
      to: { jurisdiction: 'RS' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      errors: [{ path: 'to.jurisdiction', code: 'same_jurisdiction' }],
    });
  });
});

describe('the clock', () => {
  it('tells the SPOC at 50 % and 80 %, and at breach its supervisor too, each once', async () => {
    const sent = (
      await as(investigatorS, 'POST', '/api/requests', { ...REQUEST, send: true })
    ).json() as InformationRequest;
    const receivedAt = new Date(sent.receivedAt ?? '').getTime();
    const dueAt = new Date(sent.dueAt ?? '').getTime();
    const at = (fraction: number) => new Date(receivedAt + (dueAt - receivedAt) * fraction);
    const deadlineNotices = async () =>
      (
        await t.database.db.select().from(notifications).where(eq(notifications.kind, 'request_deadline'))
      ).filter((n) => (n.payload as { request: string }).request === sent.reference);

    await runRequestClocks(t.database.db, at(0.49));
    expect(await deadlineNotices()).toHaveLength(0);
    await runRequestClocks(t.database.db, at(0.5));
    await runRequestClocks(t.database.db, at(0.6));
    expect((await deadlineNotices()).map((n) => n.payload.notice)).toEqual(['50']);
    await runRequestClocks(t.database.db, at(0.85));
    await runRequestClocks(t.database.db, at(1));
    await runRequestClocks(t.database.db, at(1.2));
    const notices = await deadlineNotices();
    expect(notices.map((n) => [n.payload.notice, n.unitId ?? n.userId])).toEqual([
      ['50', meSpocUnit],
      ['80', meSpocUnit],
      ['breach', meSpocUnit],
      ['breach', meSupervisorId],
    ]);
  });
});
