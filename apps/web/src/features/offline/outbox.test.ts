import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isApiError } from '../../api/client.ts';
import { FakeScreeningServer } from './fake-screening-server.ts';
import { closeDatabaseForTests } from './outbox.db.ts';
import { clearOutbox, listOutbox, queueScreening, resolveConflict } from './outbox.ts';
import { offlineStore, startOutbox } from './store.ts';
import { submitScreening, submitScreeningEdit } from './submit.ts';
import { syncOutbox } from './sync.ts';
import { forgetCsrfToken, httpTransport, type ScreeningTransport } from './transport.ts';

const OFFICER = 'officer-jovana';
const COLLEAGUE = 'officer-arben';

let server: FakeScreeningServer;
let transport: ScreeningTransport;
let stop: () => void = () => {};
const browser = { onLine: true };

function screening(clientId: string, place = 'Granični prelaz Batrovci') {
  return {
    clientId,
    instrumentId: 'veza.rapid',
    stage: 'rapid',
    occurredAt: '2026-11-23T09:30:00Z',
    setting: 'border_crossing',
    place,
    interviewLanguage: 'sr-Latn',
    narrative: 'Јована Петровић каже да јој је пасош одузет.',
    age: 17,
    answers: { 'rapid.documents': 'yes' },
  };
}

async function settle(): Promise<void> {
  await vi.waitFor(() => expect(offlineStore.getSnapshot().syncing).toBe(false));
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.stubGlobal('navigator', browser);
  vi.stubGlobal('window', Object.assign(new EventTarget(), { setInterval, clearInterval }));
  browser.onLine = true;
  server = new FakeScreeningServer();
  transport = httpTransport(server.fetch);
  forgetCsrfToken();
  stop = startOutbox(OFFICER, { transport });
});

afterEach(async () => {
  await settle();
  stop();
  closeDatabaseForTests();
  vi.unstubAllGlobals();
});

function goOffline() {
  browser.onLine = false;
  server.offline = true;
  window.dispatchEvent(new Event('offline'));
}

function goOnline() {
  browser.onLine = true;
  server.offline = false;
  window.dispatchEvent(new Event('online'));
}

describe('saving a screening', () => {
  it('sends it at once when online and keeps nothing on the device', async () => {
    const result = await submitScreening(screening('c-1'), transport);
    expect(result).toMatchObject({ status: 'synced', screening: { clientId: 'c-1', revision: 1 } });
    expect(server.screenings.size).toBe(1);
    expect(await listOutbox(OFFICER)).toEqual([]);
  });

  it('keeps it on the device while offline and sends it when the connection is back', async () => {
    goOffline();
    expect(await submitScreening(screening('c-2'), transport)).toEqual({ status: 'queued' });
    expect(server.screenings.size).toBe(0);
    await vi.waitFor(() => expect(offlineStore.getSnapshot().items).toHaveLength(1));

    goOnline();
    await vi.waitFor(() => expect(server.screenings.size).toBe(1));
    await settle();
    expect([...server.screenings.values()][0]).toMatchObject({
      clientId: 'c-2',
      narrative: 'Јована Петровић каже да јој је пасош одузет.',
    });
    expect(await listOutbox(OFFICER)).toEqual([]);
    expect(offlineStore.getSnapshot().items).toEqual([]);
  });

  it('queues it when the network fails on the way although the browser thinks it is online', async () => {
    server.offline = true;
    expect(await submitScreening(screening('c-3'), transport)).toEqual({ status: 'queued' });
    expect(await listOutbox(OFFICER)).toHaveLength(1);
  });

  it('stores it once when the answer was lost and the device sends it again', async () => {
    server.loseNextAnswer = true;
    expect(await submitScreening(screening('c-4'), transport)).toEqual({ status: 'queued' });
    expect(server.screenings.size).toBe(1);
    const report = await syncOutbox(OFFICER, transport);
    expect(report.sent).toBe(1);
    expect(server.screenings.size).toBe(1);
    expect(await listOutbox(OFFICER)).toEqual([]);
  });

  it('shows a refusal by the server to the form instead of queueing it', async () => {
    const error = await submitScreening(screening('c-5', ''), transport).catch((e: unknown) => e);
    expect(isApiError(error, 'validation_failed')).toBe(true);
    expect(await listOutbox(OFFICER)).toEqual([]);
  });

  it('sends queued screenings in the order they were saved', async () => {
    goOffline();
    await submitScreening(screening('c-6', 'Tabanovce'), transport);
    await submitScreening(screening('c-7', 'Kapitan Andreevo'), transport);
    await submitScreening(screening('c-8', 'Hani i Elezit'), transport);
    server.offline = false;
    browser.onLine = true;
    await syncOutbox(OFFICER, transport);
    expect([...server.screenings.values()].map((s) => s.place)).toEqual([
      'Tabanovce',
      'Kapitan Andreevo',
      'Hani i Elezit',
    ]);
  });

  it('keeps a refused item for the user and still sends the others', async () => {
    await queueScreening(OFFICER, screening('c-9', ''));
    await queueScreening(OFFICER, screening('c-10', 'Debeli Brijeg'));
    const report = await syncOutbox(OFFICER, transport);
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    expect(await listOutbox(OFFICER)).toMatchObject([
      { kind: 'create', state: 'failed', error: 'validation_failed', body: { clientId: 'c-9' } },
    ]);
  });
});

describe('editing a stored screening', () => {
  async function stored(clientId: string) {
    const result = await submitScreening(screening(clientId), transport);
    if (result.status !== 'synced') throw new Error('not stored');
    return result.screening;
  }

  it('shows a field changed on two devices as a conflict and applies nothing until the user chooses', async () => {
    const s = await stored('c-20');
    goOffline();
    await submitScreeningEdit(s.id, 1, { place: 'Preševo', age: 16 }, { transport });
    server.offline = false;
    server.changeElsewhere(s.id, { place: 'Vranje' });

    const report = await syncOutbox(OFFICER, transport);
    expect(report.conflicts).toBe(1);
    expect(server.screenings.get(s.id)).toMatchObject({ place: 'Vranje', age: 17, revision: 2 });
    const [item] = await listOutbox(OFFICER);
    expect(item).toMatchObject({
      kind: 'edit',
      state: 'conflict',
      serverRevision: 2,
      conflicts: [{ field: 'place', yours: 'Preševo', theirs: 'Vranje' }],
    });
  });

  it('resends the fields kept from this device against the new revision', async () => {
    const s = await stored('c-21');
    goOffline();
    await submitScreeningEdit(s.id, 1, { place: 'Preševo', age: 16 }, { transport });
    server.offline = false;
    browser.onLine = true;
    server.changeElsewhere(s.id, { place: 'Vranje' });
    await syncOutbox(OFFICER, transport);
    const [item] = await listOutbox(OFFICER);

    expect(await resolveConflict(item!.seq, { place: 'device' })).toBe('resend');
    await syncOutbox(OFFICER, transport);
    expect(server.screenings.get(s.id)).toMatchObject({ place: 'Preševo', age: 16, revision: 3 });
    expect(await listOutbox(OFFICER)).toEqual([]);
  });

  it('keeps the server value of a field when the user chooses it, and sends the rest', async () => {
    const s = await stored('c-22');
    server.changeElsewhere(s.id, { 'answers.rapid.documents': 'no' });
    const result = await submitScreeningEdit(
      s.id,
      1,
      { 'answers.rapid.documents': 'unknown', age: 19 },
      { transport },
    );
    expect(result).toEqual({
      status: 'conflict',
      conflicts: [{ field: 'answers.rapid.documents', yours: 'unknown', theirs: 'no' }],
    });
    const [item] = await listOutbox(OFFICER);
    await resolveConflict(item!.seq, { 'answers.rapid.documents': 'server' });
    await syncOutbox(OFFICER, transport);
    expect(server.screenings.get(s.id)).toMatchObject({
      answers: { 'rapid.documents': 'no' },
      age: 19,
      revision: 3,
    });
  });

  it('needs no choice when both devices made the same change', async () => {
    const s = await stored('c-23');
    server.changeElsewhere(s.id, { place: 'Horgoš' });
    const result = await submitScreeningEdit(s.id, 1, { place: 'Horgoš', age: 18 }, { transport });
    expect(result).toMatchObject({ status: 'synced', screening: { place: 'Horgoš', age: 18, revision: 3 } });
    expect(await listOutbox(OFFICER)).toEqual([]);
  });

  it('folds an edit of a screening that still waits into the screening itself', async () => {
    goOffline();
    await submitScreening(screening('c-24'), transport);
    await submitScreeningEdit(
      'c-24',
      0,
      { place: 'Gevgelija', 'answers.rapid.threats': 'yes' },
      { transport },
    );
    const items = await listOutbox(OFFICER);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'create',
      body: { place: 'Gevgelija', answers: { 'rapid.documents': 'yes', 'rapid.threats': 'yes' } },
    });
  });

  it('holds back a later edit of a screening whose earlier edit is in conflict', async () => {
    const s = await stored('c-25');
    goOffline();
    await submitScreeningEdit(s.id, 1, { place: 'Preševo' }, { transport });
    server.offline = false;
    server.changeElsewhere(s.id, { place: 'Vranje' });
    await syncOutbox(OFFICER, transport);
    server.offline = true;
    await submitScreeningEdit(s.id, 1, { age: 15 }, { transport });
    server.offline = false;
    await syncOutbox(OFFICER, transport);
    // The second edit joined the first: nothing reaches the server before the user chooses.
    expect(server.screenings.get(s.id)).toMatchObject({ age: 17, place: 'Vranje' });
  });
});

describe('the device holds personal data only for its user and only until sent', () => {
  it('never sends or shows another account’s items, and sign-out clears only the signed-out user’s', async () => {
    await queueScreening(COLLEAGUE, screening('c-30', 'Kapitan Andreevo'));
    await queueScreening(OFFICER, screening('c-31', 'Tabanovce'));
    await syncOutbox(OFFICER, transport);
    expect([...server.screenings.values()].map((s) => s.place)).toEqual(['Tabanovce']);
    expect(await listOutbox(COLLEAGUE)).toHaveLength(1);

    await queueScreening(OFFICER, screening('c-32', 'Bogorodica'));
    expect(await clearOutbox(OFFICER)).toBe(1);
    expect(await listOutbox(OFFICER)).toEqual([]);
    expect(await listOutbox(COLLEAGUE)).toHaveLength(1);
  });
});
