import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { and, eq } from 'drizzle-orm';
import { auditLog, directoryEntries, notifications } from '@veza/db';
import type { DirectoryEntry, DirectoryEntryCreate, DirectoryPage } from '@veza/shared';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';
import { contactPointsOf } from './directory.readers.ts';
import { runDirectoryReminders } from './directory.reminders.ts';
import { searchKey } from './directory.search-key.ts';

let t: TestApp;
let coordinator: TestAccount;
let coordinatorS: Signed;
let officerS: Signed;
let rsCoordinatorS: Signed;

const as = (who: Signed, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const DRAGAN: DirectoryEntryCreate = {
  jurisdiction: 'ME',
  function: 'jit_expert',
  organisation: 'Vrhovno državno tužilaštvo',
  contactName: 'Dragan Petrović',
  languages: ['cnr', 'it'],
  availability: {
    kind: 'office',
    days: [1, 2, 3, 4, 5],
    opens: '07:30',
    closes: '15:30',
    timeZone: 'Europe/Podgorica',
  },
  // A national form: read as a Montenegrin number.
  channels: [
    { kind: 'phone', address: '020 202 410' },
    { kind: 'secure_email', address: 'ZIT@tuzilastvo.me.example' },
  ],
};

async function countEntries(): Promise<number> {
  return (await t.database.db.select({ id: directoryEntries.id }).from(directoryEntries)).length;
}

/** An entry written straight into the table, as the demo loads them, confirmed `daysAgo` days ago. */
async function storedEntry(input: {
  jurisdiction: 'RS' | 'ME';
  contactName: string | null;
  organisation: string;
  ownerUnitId: string;
  daysAgo: number;
}): Promise<string> {
  const id = uuidv7();
  const confirmed = new Date(Date.now() - input.daysAgo * 86_400_000);
  await t.database.db.insert(directoryEntries).values({
    id,
    jurisdictionCode: input.jurisdiction,
    function: 'spoc',
    organisation: input.organisation,
    contactName: input.contactName,
    languages: ['en', 'sr'],
    availability: { kind: 'always', timeZone: 'Europe/Belgrade' },
    channels: [{ kind: 'phone', address: '+381113062100' }],
    unitId: null,
    ownerUnitId: input.ownerUnitId,
    searchKey: searchKey(input.organisation, input.contactName),
    lastConfirmedAt: confirmed,
  });
  return id;
}

let created: DirectoryEntry;
let overdueId: string;
let rsCoordinator: TestAccount;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createAccount(t.database, { roles: ['national_coordinator'], jurisdiction: 'ME' });
  const officer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  rsCoordinator = await createAccount(t.database, { roles: ['national_coordinator'], jurisdiction: 'RS' });
  coordinatorS = await signIn(t.app, coordinator.email);
  officerS = await signIn(t.app, officer.email);
  rsCoordinatorS = await signIn(t.app, rsCoordinator.email);
  overdueId = await storedEntry({
    jurisdiction: 'RS',
    organisation: 'Управа за међународну оперативну полицијску сарадњу',
    contactName: 'Милош Јовановић',
    ownerUnitId: rsCoordinator.unitId,
    daysAgo: 200,
  });
});

afterAll(async () => {
  await t?.dispose();
});

describe('keeping the directory', () => {
  it('adds an entry with the number in E.164, English among the languages, and audits it', async () => {
    const response = await as(coordinatorS, 'POST', '/api/directory', DRAGAN);
    expect(response.statusCode, response.body).toBe(201);
    created = response.json<DirectoryEntry>();
    expect(created.channels).toEqual([
      { kind: 'phone', address: '+38220202410' },
      { kind: 'secure_email', address: 'zit@tuzilastvo.me.example' },
    ]);
    expect(created.languages).toEqual(['en', 'cnr', 'it']);
    expect(created.overdue).toBe(false);
    expect(created.allowed).toEqual(['directory.view', 'directory.manage']);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, created.id), eq(auditLog.operation, 'collection')));
    expect(audit?.action).toBe('directory.manage');
  });

  it('refuses a number that is not valid, by field, and stores nothing', async () => {
    const before = await countEntries();
    const response = await as(coordinatorS, 'POST', '/api/directory', {
      ...DRAGAN,
      channels: [{ kind: 'phone', address: '+382 12' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'channels.0.address', code: 'invalid_phone_number' }],
    });
    expect(await countEntries()).toBe(before);
  });

  it('links an entry to a Veza unit of its own jurisdiction only', async () => {
    const { jurisdiction: _, ...fields } = DRAGAN;
    const foreign = await as(coordinatorS, 'PUT', `/api/directory/${created.id}`, {
      ...fields,
      unitId: rsCoordinator.unitId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({
      errors: [{ path: 'unitId', code: 'unit_of_other_jurisdiction' }],
    });
    const own = await as(coordinatorS, 'PUT', `/api/directory/${created.id}`, {
      ...fields,
      unitId: coordinator.unitId,
    });
    expect(own.json<DirectoryEntry>().unitId).toBe(coordinator.unitId);
  });

  it('lets an officer read but not add or change, and a coordinator only her own jurisdiction', async () => {
    const read = await as(officerS, 'GET', `/api/directory/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<DirectoryEntry>().allowed).toEqual(['directory.view']);
    expect((await as(officerS, 'POST', '/api/directory', DRAGAN)).statusCode).toBe(403);
    const { jurisdiction: _, ...fields } = DRAGAN;
    expect((await as(officerS, 'PUT', `/api/directory/${created.id}`, fields)).statusCode).toBe(403);
    expect((await as(rsCoordinatorS, 'PUT', `/api/directory/${created.id}`, fields)).statusCode).toBe(403);
    expect((await as(rsCoordinatorS, 'POST', `/api/directory/${created.id}/confirm`)).statusCode).toBe(403);
    const changed = await as(coordinatorS, 'PUT', `/api/directory/${created.id}`, {
      ...fields,
      contactName: 'Драган Петровић',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<DirectoryEntry>().contactName).toBe('Драган Петровић');
  });
});

describe('searching', () => {
  it('finds a Cyrillic entry from a Latin query and a Latin one from a Cyrillic query', async () => {
    const latin = await as(officerS, 'GET', '/api/directory?q=Jovanovic');
    expect(latin.json<DirectoryPage>().items.map((e) => e.contactName)).toEqual(['Милош Јовановић']);
    await as(coordinatorS, 'PUT', `/api/directory/${created.id}`, {
      ...(({ jurisdiction: _, ...rest }) => rest)(DRAGAN),
    });
    const cyrillic = await as(officerS, 'GET', `/api/directory?q=${encodeURIComponent('Петровић')}`);
    expect(cyrillic.json<DirectoryPage>().items.map((e) => e.contactName)).toEqual(['Dragan Petrović']);
  });

  it('filters by country, function and language', async () => {
    const me = await as(officerS, 'GET', '/api/directory?jurisdiction=ME&function=jit_expert&language=it');
    expect(me.json<DirectoryPage>().items.map((e) => e.id)).toEqual([created.id]);
    const none = await as(officerS, 'GET', '/api/directory?jurisdiction=ME&language=sq');
    expect(none.json<DirectoryPage>().total).toBe(0);
    const english = await as(officerS, 'GET', '/api/directory?language=en');
    expect(english.json<DirectoryPage>().total).toBe(2);
  });

  it('writes one audit entry per answer that shows names, with their count', async () => {
    const before = await t.database.db.select().from(auditLog).where(eq(auditLog.operation, 'consultation'));
    await as(officerS, 'GET', '/api/directory');
    const after = await t.database.db.select().from(auditLog).where(eq(auditLog.operation, 'consultation'));
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)?.details).toMatchObject({ count: 2 });
  });
});

describe('freshness', () => {
  it('flags an entry not confirmed for six months and reminds its keeper once', async () => {
    const overdue = await as(officerS, 'GET', '/api/directory?overdue=true');
    expect(overdue.json<DirectoryPage>().items.map((e) => [e.id, e.overdue])).toEqual([[overdueId, true]]);
    expect(overdue.json<DirectoryPage>().overdue).toBe(1);

    expect(await runDirectoryReminders(t.database.db)).toEqual({ overdue: 1, reminded: 1 });
    expect(await runDirectoryReminders(t.database.db)).toEqual({ overdue: 1, reminded: 0 });
    const sent = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.unitId, rsCoordinator.unitId));
    expect(sent.map((n) => [n.kind, n.payload])).toEqual([
      ['directory_confirmation_due', expect.objectContaining({ function: 'spoc', jurisdiction: 'RS' })],
    ]);
  });

  it('confirming makes the entry current and is audited', async () => {
    const confirmed = await as(rsCoordinatorS, 'POST', `/api/directory/${overdueId}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<DirectoryEntry>().overdue).toBe(false);
    expect(Date.now() - Date.parse(confirmed.json<DirectoryEntry>().lastConfirmedAt)).toBeLessThan(60_000);
    expect(await runDirectoryReminders(t.database.db)).toEqual({ overdue: 0, reminded: 0 });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, overdueId), eq(auditLog.operation, 'alteration')));
    expect(audits.map((a) => a.details)).toEqual([expect.objectContaining({ confirmed: true })]);
  });
});

describe('exports and readers', () => {
  it('answers vCard 4.0 for one jurisdiction', async () => {
    const response = await as(officerS, 'GET', '/api/directory/export.vcf?jurisdiction=ME');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/vcard');
    const cards = ICAL.parse(response.body);
    const list = (Array.isArray(cards[0]) ? cards : [cards]) as unknown[];
    expect(list).toHaveLength(1);
    const card = new ICAL.Component(list[0] as never);
    expect(card.getFirstPropertyValue('fn')).toBe('Dragan Petrović');
    expect(card.getFirstPropertyValue('tel')).toBe('tel:+38220202410');
  });

  it('answers CSV with a header row', async () => {
    const response = await as(officerS, 'GET', '/api/directory/export.csv?jurisdiction=RS');
    expect(response.statusCode).toBe(200);
    const rows = parse(response.body) as string[][];
    expect(rows[0]?.slice(0, 5)).toEqual([
      'jurisdiction',
      'function',
      'function_title',
      'organisation',
      'contact_name',
    ]);
    expect(rows.slice(1).map((row) => row[4])).toEqual(['Милош Јовановић']);
  });

  it('refuses an unknown jurisdiction with its own code', async () => {
    const response = await as(officerS, 'GET', '/api/directory/export.vcf?jurisdiction=QQ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'unknown_jurisdiction' });
  });

  it('gives other modules the contact points of a jurisdiction by function', async () => {
    const points = await contactPointsOf(t.database.db, 'ME', ['jit_expert', 'spoc']);
    expect(points.map((p) => [p.function, p.contactName])).toEqual([['jit_expert', 'Dragan Petrović']]);
    expect(await contactPointsOf(t.database.db, 'ME', ['spoc'])).toEqual([]);
  });
});
