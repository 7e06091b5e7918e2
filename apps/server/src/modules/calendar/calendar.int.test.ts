import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, calendarFeeds, users } from '@veza/db';
import type { CalendarFeedCreated, CalendarFeedStatus, InformationRequest } from '@veza/shared';
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

let t: TestApp;
let investigatorS: Signed;
let meSpoc: TestAccount;
let meSpocS: Signed;
let alSpoc: TestAccount;
let alSpocS: Signed;
/** The Montenegrin SPOC's record of the Serbian request, and the Albanian SPOC's of another one. */
let toMontenegro: InformationRequest;
let toAlbania: InformationRequest;

const as = (who: Signed, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
const anonymous = (url: string) => t.app.inject({ method: 'GET', url });

/** A request of the Serbian investigator (the Novi Sad club case), to a jurisdiction's SPOC. */
const request = (to: 'ME' | 'AL') => ({
  to: { jurisdiction: to },
  sought: 'Власници возила BG-123-ЖШ и улазак у земљу 12.–14. новембра 2026.',
  purpose: 'Идентификација саучесника у трговини људима',
  facts: 'Три девојке из Новог Сада превезене су у клуб у Будви.',
  offence: 'Трговина људима (чл. 388 КЗ)',
  whyHeld: 'Возило је прешло границу; фирма је регистрована у тој земљи.',
  personLink: 'Возач, Драган Јовановић, осумњичени је организатор превоза.',
  urgency: 'standard',
  handlingCode: 'H1',
  evaluation: 'B2',
  language: 'sr-Cyrl',
  channel: 'none',
  send: true,
});

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  url: string;
}
interface ParsedCalendar {
  version: string;
  prodid: string;
  method: string;
  events: ParsedEvent[];
}

/** The first Python with icalendar: the one on the PATH, or Debian's (apt-get install python3-icalendar). */
function pythonWithIcalendar(): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import icalendar'], { stdio: 'ignore' });
      return python;
    } catch {
      // Not this one.
    }
  }
  throw new Error('no python3 with icalendar: apt-get install python3-icalendar');
}

/** Reads a feed as Python's icalendar does: an independent parser, as calendar apps are. */
function parseWithIcalendar(feed: string): ParsedCalendar {
  const script = [
    'import icalendar, json, sys',
    'cal = icalendar.Calendar.from_ical(sys.stdin.read())',
    'events = [{"uid": str(e.get("uid")), "summary": str(e.get("summary")),',
    '           "description": str(e.get("description")), "url": str(e.get("url")),',
    '           "start": e.decoded("dtstart").isoformat(), "end": e.decoded("dtend").isoformat()}',
    '          for e in cal.walk("VEVENT")]',
    'print(json.dumps({"version": str(cal.get("version")), "prodid": str(cal.get("prodid")),',
    '                  "method": str(cal.get("method")), "events": events}))',
  ].join('\n');
  const out = execFileSync(pythonWithIcalendar(), ['-c', script], { input: feed, encoding: 'utf8' });
  return JSON.parse(out) as ParsedCalendar;
}

const at = (iso: string) => new Date(iso).getTime();
/** The feed without its DTSTAMP lines, which say when it was written. */
const withoutStamps = (feed: string) => feed.replace(/DTSTAMP:\d{8}T\d{6}Z\r\n/g, '');
const pathOf = (url: string) => new URL(url).pathname;

async function feedReads(userId: string): Promise<number> {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, 'calendar.view')));
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  const investigator = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const meAgency = await createAgencyRow(t.database, { jurisdiction: 'ME', name: 'Uprava policije' });
  const meSpocUnit = await createUnitRow(t.database, {
    agencyId: meAgency,
    kind: 'international_cooperation',
    name: 'Odsjek za međunarodnu policijsku saradnju',
  });
  meSpoc = await createAccount(t.database, {
    roles: ['cooperation_officer'],
    unitId: meSpocUnit,
    agencyId: meAgency,
  });
  const alAgency = await createAgencyRow(t.database, { jurisdiction: 'AL', name: 'Policia e Shtetit' });
  const alSpocUnit = await createUnitRow(t.database, {
    agencyId: alAgency,
    kind: 'international_cooperation',
    name: 'Drejtoria e Bashkëpunimit Ndërkombëtar',
  });
  alSpoc = await createAccount(t.database, {
    roles: ['cooperation_officer'],
    unitId: alSpocUnit,
    agencyId: alAgency,
  });
  investigatorS = await signIn(t.app, investigator.email);
  meSpocS = await signIn(t.app, meSpoc.email);
  alSpocS = await signIn(t.app, alSpoc.email);
  expect((await as(meSpocS, 'PUT', '/api/me/language', { language: 'cnr' })).statusCode).toBe(200);
  expect((await as(alSpocS, 'PUT', '/api/me/language', { language: 'sq' })).statusCode).toBe(200);

  for (const to of ['ME', 'AL'] as const)
    expect((await as(investigatorS, 'POST', '/api/requests', request(to))).statusCode).toBe(201);
  const inbox = async (who: Signed) =>
    (await as(who, 'GET', '/api/requests?box=inbox')).json() as { items: InformationRequest[] };
  [toMontenegro] = (await inbox(meSpocS)).items as [InformationRequest];
  [toAlbania] = (await inbox(alSpocS)).items as [InformationRequest];
});

afterAll(async () => {
  await t?.dispose();
});

describe('GET /api/calendar.ics', () => {
  it("lists the answer deadline of the request the cooperation officer's SPOC handles, in their language", async () => {
    const response = await as(meSpocS, 'GET', '/api/calendar.ics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const calendar = parseWithIcalendar(response.body);
    expect(calendar).toMatchObject({
      version: '2.0',
      prodid: '-//Veza//Calendar feed//EN',
      method: 'PUBLISH',
    });
    expect(calendar.events).toHaveLength(1);
    const [event] = calendar.events as [ParsedEvent];
    expect(event.summary).toBe(`Rok za zahtjev ${toMontenegro.reference}`);
    // The event is the quarter of an hour that ends at the deadline, in UTC.
    const due = at(toMontenegro.dueAt ?? '');
    expect(at(event.end)).toBe(due);
    expect(at(event.start)).toBe(due - 15 * 60_000);
    expect(event.start).toMatch(/\+00:00$/);
    expect(event.url).toBe(`http://localhost:80/requests/${toMontenegro.id}`);
    expect(response.body).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
  });

  it('holds no personal data: the reference only, never what the request says about people', async () => {
    const feed = (await as(meSpocS, 'GET', '/api/calendar.ics')).body;
    for (const text of ['Драган', 'Јовановић', 'Новог Сада', 'BG-123'])
      expect(feed.replace(/\r\n /g, '')).not.toContain(text);
  });

  it("never shows another user's items: each SPOC sees its own request, the requester no deadline", async () => {
    const albanian = parseWithIcalendar((await as(alSpocS, 'GET', '/api/calendar.ics')).body);
    expect(albanian.events.map((e) => e.summary)).toEqual([`Afati i kërkesës ${toAlbania.reference}`]);
    const montenegrin = parseWithIcalendar((await as(meSpocS, 'GET', '/api/calendar.ics')).body);
    expect(montenegrin.events.map((e) => e.uid)).not.toContain(albanian.events[0]?.uid);
    expect(parseWithIcalendar((await as(investigatorS, 'GET', '/api/calendar.ics')).body).events).toEqual([]);
  });

  it('needs a session, and writes one consultation per read', async () => {
    expect((await anonymous('/api/calendar.ics')).statusCode).toBe(401);
    const before = await feedReads(meSpoc.id);
    await as(meSpocS, 'GET', '/api/calendar.ics');
    await as(meSpocS, 'GET', '/api/calendar.ics');
    expect(await feedReads(meSpoc.id)).toBe(before + 2);
  });
});

describe('the secret feed address', () => {
  let first: CalendarFeedCreated;

  it('is made by its owner, shown once, and stored only as a hash', async () => {
    const none = (await as(meSpocS, 'GET', '/api/calendar/feed')).json() as CalendarFeedStatus;
    expect(none).toMatchObject({ exists: false, createdAt: null });
    const response = await as(meSpocS, 'POST', '/api/calendar/feed');
    expect(response.statusCode).toBe(201);
    first = response.json();
    expect(first.url).toMatch(/^http:\/\/localhost:80\/api\/calendar\/feeds\/[0-9a-f]{64}\.ics$/);
    const token = /([0-9a-f]{64})\.ics$/.exec(first.url)?.[1] ?? '';
    const status = (await as(meSpocS, 'GET', '/api/calendar/feed')).json() as CalendarFeedStatus;
    expect(status).toMatchObject({ exists: true, createdAt: first.createdAt });
    expect(JSON.stringify(status)).not.toContain(token);
    const [row] = await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, meSpoc.id));
    expect(row?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('serves the same feed without a session, audited as the owner reading their own data', async () => {
    const before = await feedReads(meSpoc.id);
    const bySecret = await anonymous(pathOf(first.url));
    expect(bySecret.statusCode).toBe(200);
    expect(bySecret.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const bySession = await as(meSpocS, 'GET', '/api/calendar.ics');
    expect(withoutStamps(bySecret.body)).toBe(withoutStamps(bySession.body));
    expect(parseWithIcalendar(bySecret.body).events.map((e) => e.summary)).toEqual([
      `Rok za zahtjev ${toMontenegro.reference}`,
    ]);
    expect(await feedReads(meSpoc.id)).toBe(before + 2);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, meSpoc.id), eq(auditLog.action, 'calendar.view')))
      .orderBy(auditLog.seq)
      .limit(1)
      .offset(before);
    expect(entry).toMatchObject({ operation: 'consultation', subjectId: meSpoc.id });
    expect(entry?.details).toMatchObject({ via: 'secret_address', events: 1 });
  });

  it('answers 404 to an unknown token and to the old token once a new address replaces it', async () => {
    expect((await anonymous(`/api/calendar/feeds/${'0'.repeat(64)}.ics`)).statusCode).toBe(404);
    const second = (await as(meSpocS, 'POST', '/api/calendar/feed')).json() as CalendarFeedCreated;
    expect(second.url).not.toBe(first.url);
    expect((await anonymous(pathOf(first.url))).statusCode).toBe(404);
    expect((await anonymous(pathOf(second.url))).statusCode).toBe(200);
    first = second;
  });

  it('answers 404 once revoked; making and revoking are audited', async () => {
    const revoked = await as(meSpocS, 'DELETE', '/api/calendar/feed');
    expect(revoked.statusCode).toBe(204);
    expect((await anonymous(pathOf(first.url))).statusCode).toBe(404);
    expect((await as(meSpocS, 'GET', '/api/calendar/feed')).json()).toMatchObject({ exists: false });
    expect((await as(meSpocS, 'DELETE', '/api/calendar/feed')).statusCode).toBe(404);
    const changes = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, meSpoc.id), eq(auditLog.action, 'calendar.manage')))
      .orderBy(auditLog.seq);
    expect(changes.map((c) => [c.operation, (c.details as { change: string }).change])).toEqual([
      ['alteration', 'created'],
      ['alteration', 'replaced'],
      ['alteration', 'revoked'],
    ]);
  });

  it("answers 404 for a disabled user's address", async () => {
    const created = (await as(alSpocS, 'POST', '/api/calendar/feed')).json() as CalendarFeedCreated;
    expect((await anonymous(pathOf(created.url))).statusCode).toBe(200);
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, alSpoc.id));
    expect((await anonymous(pathOf(created.url))).statusCode).toBe(404);
  });
});
