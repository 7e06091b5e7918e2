import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, informationRequests } from '@veza/db';
import type { InformationRequest, RequestPage, RequestStatistics } from '@veza/shared';
import {
  createAccount,
  createAgencyRow,
  createTestApp,
  createUnitRow,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let officerRs: Signed;
let spocRs: Signed;
let spocMe: Signed;
let coordinatorAl: Signed;
let regionalAnalyst: Signed;
let investigator: Signed;

const as = (who: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const REQUEST = {
  to: { jurisdiction: 'ME' },
  sought: 'Registration of vehicle PG-100-AA and its border crossings in November 2026.',
  purpose: 'Identifying the transport of a trafficking network',
  facts: 'Three young women were driven from Novi Sad to Budva in a car registered in Podgorica.',
  offence: 'Trafficking in human beings',
  whyHeld: 'The vehicle is registered in Podgorica.',
  personLink: 'The driver is suspected of organising the transport.',
  urgency: 'standard',
  handlingCode: 'H0',
  evaluation: 'B2',
  language: 'en',
  channel: 'none',
};

async function send(who: Signed, extra: object = {}): Promise<InformationRequest> {
  const response = await as(who, 'POST', '/api/requests', { ...REQUEST, ...extra, send: true });
  expect(response.statusCode).toBe(201);
  return response.json<InformationRequest>();
}

async function inboxIds(): Promise<Map<string, string>> {
  const page = (await as(spocMe, 'GET', '/api/requests?box=inbox')).json<RequestPage>();
  return new Map(page.items.map((item) => [item.exchangeId, item.id]));
}

const month = new Date().toISOString().slice(0, 7);
const statistics = async (who: Signed) =>
  as(who, 'GET', `/api/requests/statistics?from=${month}&to=${month}`);
const pair = (body: RequestStatistics, from: string, to: string) =>
  body.pairs.find((p) => p.from === from && p.to === to);

beforeAll(async () => {
  t = await createTestApp();
  const meAgency = await createAgencyRow(t.database, { jurisdiction: 'ME' });
  const meSpocUnit = await createUnitRow(t.database, {
    agencyId: meAgency,
    kind: 'international_cooperation',
  });
  const rsAgency = await createAgencyRow(t.database, { jurisdiction: 'RS' });
  const rsSpocUnit = await createUnitRow(t.database, {
    agencyId: rsAgency,
    kind: 'international_cooperation',
  });
  const accounts = await Promise.all([
    createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' }),
    createAccount(t.database, { roles: ['cooperation_officer'], unitId: rsSpocUnit, agencyId: rsAgency }),
    createAccount(t.database, { roles: ['cooperation_officer'], unitId: meSpocUnit, agencyId: meAgency }),
    createAccount(t.database, { roles: ['national_coordinator'], jurisdiction: 'AL' }),
    createAccount(t.database, { roles: ['analyst'], jurisdiction: null }),
    createAccount(t.database, { roles: ['officer'], jurisdiction: 'ME' }),
  ]);
  const signed = await Promise.all(accounts.map((account) => signIn(t.app, account.email)));
  [officerRs, spocRs, spocMe, coordinatorAl, regionalAnalyst, investigator] = signed as [
    Signed,
    Signed,
    Signed,
    Signed,
    Signed,
    Signed,
  ];
});

afterAll(async () => {
  await t?.dispose();
});

describe('statistics per pair of jurisdictions', () => {
  it('withholds the figures of a pair with fewer than 11 requests', async () => {
    const sent = await send(officerRs);
    const theirs = (await inboxIds()).get(sent.exchangeId) ?? '';
    await as(spocMe, 'POST', `/api/requests/${theirs}/answer`, {
      completeness: 'fully',
      text: 'Registered to a Podgorica company.',
      language: 'en',
    });
    const response = await statistics(spocRs);
    expect(response.statusCode).toBe(200);
    const body = response.json<RequestStatistics>();
    expect(body.threshold).toBe(11);
    expect(pair(body, 'RS', 'ME')).toMatchObject({
      requests: { value: null, suppressed: true },
      answeredInTime: { value: null, suppressed: true },
      answeredLate: { value: 0, suppressed: false },
      medianMinutesToAnswer: { value: null, suppressed: true },
    });
  });

  it('counts answers by the deadline in time and the others late, once the pair reaches 11', async () => {
    const sent = await Promise.all(Array.from({ length: 22 }, () => send(officerRs)));
    const ids = await inboxIds();
    const theirs = sent.map((request) => ids.get(request.exchangeId) ?? '');
    // Eleven of them were due a moment ago (received in this month still): their answers come late.
    const lateClock = () => ({
      receivedAt: new Date(Date.now() - 60_000),
      dueAt: new Date(Date.now() - 30_000),
    });
    const late = theirs.slice(0, 11);
    await t.database.db
      .update(informationRequests)
      .set(lateClock())
      .where(inArray(informationRequests.id, late));
    await t.database.db
      .update(informationRequests)
      .set(lateClock())
      .where(
        and(
          eq(informationRequests.side, 'requesting'),
          inArray(
            informationRequests.exchangeId,
            sent.slice(0, 11).map((request) => request.exchangeId),
          ),
        ),
      );
    for (const id of theirs.slice(0, 21))
      expect(
        (
          await as(spocMe, 'POST', `/api/requests/${id}/answer`, {
            completeness: 'fully',
            text: 'Nothing recorded.',
            language: 'en',
          })
        ).statusCode,
      ).toBe(200);
    const last = theirs[21] ?? '';
    await as(spocMe, 'POST', `/api/requests/${last}/refuse`, {
      ground: 'not_available',
      explanation: 'No such records are kept.',
    });

    // Both sides count the same: Serbia from its records of requests made, Montenegro from those received.
    for (const reader of [spocRs, spocMe, regionalAnalyst]) {
      const body = (await statistics(reader)).json<RequestStatistics>();
      expect(pair(body, 'RS', 'ME')).toMatchObject({
        requests: { value: 23, suppressed: false },
        answeredInTime: { value: 10 + 1, suppressed: false },
        answeredLate: { value: 11, suppressed: false },
        refused: { value: null, suppressed: true },
      });
      expect(pair(body, 'RS', 'ME')?.medianMinutesToAnswer.value).toEqual(expect.any(Number));
    }
  });

  it('shows a jurisdiction only its own pairs, and nothing to those who do not report', async () => {
    const body = (await statistics(coordinatorAl)).json<RequestStatistics>();
    expect(body.pairs).toEqual([]);
    expect((await statistics(officerRs)).statusCode).toBe(403);
    expect((await statistics(investigator)).statusCode).toBe(403);
  });

  it('names the field of a month that is not one', async () => {
    const response = await as(spocRs, 'GET', '/api/requests/statistics?from=2026-13&to=2027-01');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'from' }] });
  });
});

describe('the copy for the requester’s SPOC (art. 4(1)-(2))', () => {
  it('keeps the request from the SPOC when an exception is recorded with its reason', async () => {
    const refused = await as(officerRs, 'POST', '/api/requests', {
      ...REQUEST,
      spocCopyException: 'personal_safety',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ path: 'spocCopyReason', code: 'required' }] });

    const withCopy = await send(officerRs);
    const withoutCopy = await send(officerRs, {
      spocCopyException: 'personal_safety',
      spocCopyReason: 'An informant inside the SPOC’s building is at risk.',
    });
    expect(withoutCopy.spocCopy).toEqual({
      exception: 'personal_safety',
      reason: 'An informant inside the SPOC’s building is at risk.',
    });
    const outbox = (await as(spocRs, 'GET', '/api/requests?box=outbox')).json<RequestPage>();
    const seen = new Set(outbox.items.map((item) => item.id));
    expect(seen.has(withCopy.id)).toBe(true);
    expect(seen.has(withoutCopy.id)).toBe(false);
    expect((await as(spocRs, 'GET', `/api/requests/${withoutCopy.id}`)).statusCode).toBe(404);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, withoutCopy.id), eq(auditLog.action, 'request.create')));
    expect(entry?.details).toMatchObject({ spocCopyException: 'personal_safety' });
  });
});

describe('follow-up answers', () => {
  it('follows a partial answer with a full one; both reach the requester in order', async () => {
    const sent = await send(officerRs);
    const theirs = (await inboxIds()).get(sent.exchangeId) ?? '';
    const answer = (completeness: string, text: string) =>
      as(spocMe, 'POST', `/api/requests/${theirs}/answer`, { completeness, text, language: 'en' });
    expect((await answer('partly', 'The owner is a Podgorica company.')).statusCode).toBe(200);
    const full = await answer('fully', 'The crossings: 12 November 23:10 at Dobrakovo.');
    expect(full.statusCode).toBe(200);
    expect((await answer('partly', 'Once more.')).statusCode).toBe(409);
    const mine = (await as(officerRs, 'GET', `/api/requests/${sent.id}`)).json<InformationRequest>();
    expect(mine.status).toBe('answered_fully');
    expect(mine.answers.map((given) => [given.completeness, given.text])).toEqual([
      ['partly', 'The owner is a Podgorica company.'],
      ['fully', 'The crossings: 12 November 23:10 at Dobrakovo.'],
    ]);
    expect(mine.answer?.completeness).toBe('fully');
  });
});
