import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import { auditLog, instrumentVersions } from '@veza/db';
import type { Instrument, InstrumentContentInput } from '@veza/shared';
import { LOCALES } from '@veza/shared';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';
import { DEFAULT_LIBRARY, FULL_INTERVIEW_ID, RAPID_SCREEN_ID } from './library/index.ts';
import { ensureDefaultInstruments } from './indicators.seed.ts';

let t: TestApp;
let officer: Signed;
let caseworker: Signed;
let coordinator: Signed;
let analyst: Signed;

beforeAll(async () => {
  t = await createTestApp();
  await ensureDefaultInstruments(t.database.db);
  const signedIn = async (roles: Parameters<typeof createAccount>[1]['roles']) =>
    signIn(t.app, (await createAccount(t.database, { roles, jurisdiction: 'RS' })).email);
  officer = await signedIn(['officer']);
  caseworker = await signedIn(['ngo_caseworker']);
  coordinator = await signedIn(['national_coordinator']);
  analyst = await signedIn(['analyst']);
});
afterAll(async () => {
  await t?.dispose();
});

const assessAs = (who: Signed, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/screenings/assess', headers: who.headers, payload });
const instrumentsAs = (who: Signed, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/instruments${query}`, headers: who.headers });
const publishAs = (who: Signed, id: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/instruments/${id}/versions`, headers: who.headers, payload });

async function countRows() {
  const [audit] = await t.database.db.select({ n: count() }).from(auditLog);
  const [versions] = await t.database.db.select({ n: count() }).from(instrumentVersions);
  return { audit: audit?.n, versions: versions?.n };
}

/** The shipped rapid screen as a coordinator would send it back: read, edited, published. */
function editedRapidScreen(change: (content: InstrumentContentInput) => void): InstrumentContentInput {
  const content = structuredClone(DEFAULT_LIBRARY[RAPID_SCREEN_ID]!) as InstrumentContentInput;
  change(content);
  return content;
}

describe('GET /api/instruments', () => {
  it('lists the published instruments in the shape the screens rely on', async () => {
    const response = await instrumentsAs(officer);
    expect(response.statusCode).toBe(200);
    const instruments = response.json() as Instrument[];
    // By instrument id, the latest version of each.
    expect(instruments.map((i) => [i.id, i.version])).toEqual([
      [FULL_INTERVIEW_ID, 1],
      [RAPID_SCREEN_ID, 1],
    ]);
    const full = instruments.find((i) => i.id === FULL_INTERVIEW_ID)!;
    const sale = full.indicators.find((i) => i.id === 'drugs.forced_to_sell');
    expect(sale).toMatchObject({
      element: 'purpose',
      grade: 'strong',
      exploitationTypes: ['forced_criminality'],
      appliesTo: 'both',
      tags: ['drugs'],
    });
    expect(Object.keys(sale?.text ?? {}).sort()).toEqual([...LOCALES].sort());
    expect(sale?.text['sr-Latn']).toBe('Osoba je primorana da prodaje drogu za druge.');
    expect(full.allowed).toEqual(['screening.assess', 'instrument.view']);
  });

  it('lets an NGO caseworker screen too', async () => {
    expect((await instrumentsAs(caseworker)).statusCode).toBe(200);
  });

  it('offers publishing to a national coordinator', async () => {
    const [first] = (await instrumentsAs(coordinator)).json() as Instrument[];
    expect(first?.allowed).toContain('instrument.publish');
  });

  it('refuses an analyst, who has no screening duty, and logs the refusal', async () => {
    const response = await instrumentsAs(analyst);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
    const [last] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last).toMatchObject({ operation: 'denial', action: 'instrument.view', outcome: 'denied' });
  });

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/instruments' });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /api/screenings/assess', () => {
  const demo = {
    instrumentId: FULL_INTERVIEW_ID,
    age: 16,
    answers: { 'unodc.child_unaccompanied': 'yes', 'unodc.begging_for_others': 'yes', 'ilo.violence': 'no' },
  };

  it('gives a 16-year-old with two medium indicators grounds to refer under the child rule', async () => {
    const response = await assessAs(officer, demo);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      outcome: 'grounds_to_refer',
      rule: 'R-CHILD-ACT-PURPOSE',
      reasons: ['unodc.child_unaccompanied', 'unodc.begging_for_others'],
      childRule: true,
      nonPunishmentAlert: false,
      nonPunishmentReasons: [],
      instrumentId: FULL_INTERVIEW_ID,
      version: 1,
    });
  });

  it('raises the non-punishment alert on a drug-crime indicator', async () => {
    const response = await assessAs(officer, {
      ...demo,
      answers: { ...demo.answers, 'drugs.forced_to_sell': 'yes' },
    });
    expect(response.json()).toMatchObject({
      outcome: 'grounds_to_refer',
      childRule: true,
      nonPunishmentAlert: true,
      nonPunishmentReasons: ['drugs.forced_to_sell'],
    });
  });

  it('sends a positive rapid screen on to the full interview', async () => {
    const response = await assessAs(officer, {
      instrumentId: RAPID_SCREEN_ID,
      age: 30,
      answers: { 'rapid.documents_held': 'yes', 'rapid.debt': 'no' },
    });
    expect(response.json()).toMatchObject({
      outcome: 'further_interview',
      rule: 'R-RAPID-POSITIVE',
      reasons: ['rapid.documents_held'],
      childRule: false,
    });
  });

  it('stores nothing and audits nothing', async () => {
    const before = await countRows();
    expect((await assessAs(caseworker, demo)).statusCode).toBe(200);
    expect(await countRows()).toEqual(before);
  });

  it('refuses answers for indicators the instrument does not have, naming them', async () => {
    const response = await assessAs(officer, {
      instrumentId: FULL_INTERVIEW_ID,
      answers: { 'ilo.violence': 'yes', 'ilo.invented': 'yes', 'rapid.debt': 'no' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        { path: 'answers.ilo.invented', code: 'unknown_indicator' },
        { path: 'answers.rapid.debt', code: 'unknown_indicator' },
      ],
    });
  });

  it('refuses an answer other than yes, no or unknown, and unknown fields', async () => {
    const maybe = await assessAs(officer, {
      instrumentId: FULL_INTERVIEW_ID,
      answers: { 'ilo.violence': 'maybe' },
    });
    expect(maybe.statusCode).toBe(400);
    const name = await assessAs(officer, { ...demo, name: 'Ana' });
    expect(name.statusCode).toBe(400);
  });

  it('names an instrument or a version that does not exist', async () => {
    const noInstrument = await assessAs(officer, { instrumentId: 'veza.nothing', answers: {} });
    expect(noInstrument.statusCode).toBe(400);
    expect(noInstrument.json().errors).toEqual([
      expect.objectContaining({ path: 'instrumentId', code: 'not_found' }),
    ]);
    const noVersion = await assessAs(officer, { ...demo, version: 99 });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors).toEqual([
      expect.objectContaining({ path: 'version', code: 'not_found' }),
    ]);
  });

  it('refuses an analyst', async () => {
    expect((await assessAs(analyst, demo)).statusCode).toBe(403);
  });

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/screenings/assess', payload: demo });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /api/instruments/:id/versions', () => {
  it('publishes a new version, keeps the old one, and audits the alteration', async () => {
    const content = editedRapidScreen((c) => {
      c.indicators = c.indicators.filter((i) => i.id !== 'rapid.debt');
      c.title.en = 'Rapid screen (revised)';
      // A Latin text that does not match the Cyrillic is replaced by the derived one.
      c.title['sr-Latn'] = 'wrong';
    });
    const response = await publishAs(coordinator, RAPID_SCREEN_ID, content);
    expect(response.statusCode).toBe(201);
    const published = response.json() as Instrument;
    expect(published).toMatchObject({ id: RAPID_SCREEN_ID, version: 2, stage: 'rapid' });
    expect(published.title['sr-Latn']).toBe('Brza provera (granica, racija, patrola)');
    expect(published.indicators).toHaveLength(5);

    const latest = (await instrumentsAs(officer)).json() as Instrument[];
    expect(latest.map((i) => [i.id, i.version])).toEqual([
      [FULL_INTERVIEW_ID, 1],
      [RAPID_SCREEN_ID, 2],
    ]);
    const all = (await instrumentsAs(officer, '?all=true')).json() as Instrument[];
    expect(all.map((i) => [i.id, i.version])).toEqual([
      [FULL_INTERVIEW_ID, 1],
      [RAPID_SCREEN_ID, 2],
      [RAPID_SCREEN_ID, 1],
    ]);

    // A screening keeps the version it used: version 1 still knows rapid.debt, version 2 does not.
    const old = await assessAs(officer, {
      instrumentId: RAPID_SCREEN_ID,
      version: 1,
      answers: { 'rapid.debt': 'yes' },
    });
    expect(old.json()).toMatchObject({ version: 1, outcome: 'further_interview' });
    const current = await assessAs(officer, {
      instrumentId: RAPID_SCREEN_ID,
      answers: { 'rapid.debt': 'yes' },
    });
    expect(current.statusCode).toBe(400);

    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'instrument.publish'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({
      operation: 'alteration',
      recordType: 'instrument',
      recordId: RAPID_SCREEN_ID,
      outcome: 'allowed',
      details: { version: 2, previousVersion: 1, indicators: 5, added: [], removed: ['rapid.debt'] },
    });
  });

  it('starts a new instrument at version 1', async () => {
    const response = await publishAs(
      coordinator,
      'rs.labour-inspection',
      editedRapidScreen(() => undefined),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ id: 'rs.labour-inspection', version: 1 });
  });

  it('refuses a rapid screen of more than six questions', async () => {
    const seven = editedRapidScreen((c) => {
      c.indicators.push({ ...c.indicators[0]!, id: 'rapid.seventh' });
    });
    const response = await publishAs(coordinator, RAPID_SCREEN_ID, seven);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'indicators' })]);
  });

  it('refuses duplicate indicator ids, a missing language and a changed stage', async () => {
    const duplicate = editedRapidScreen((c) => {
      c.indicators[1] = { ...c.indicators[1]!, id: c.indicators[0]!.id };
    });
    expect((await publishAs(coordinator, RAPID_SCREEN_ID, duplicate)).statusCode).toBe(400);
    const noAlbanian = editedRapidScreen((c) => {
      delete (c.indicators[0]!.text as Partial<Record<string, string>>)['sq'];
    });
    expect((await publishAs(coordinator, RAPID_SCREEN_ID, noAlbanian)).statusCode).toBe(400);
    const full = editedRapidScreen((c) => {
      c.stage = 'full';
    });
    const changed = await publishAs(coordinator, RAPID_SCREEN_ID, full);
    expect(changed.statusCode).toBe(400);
    expect(changed.json().errors).toEqual([
      expect.objectContaining({ path: 'stage', code: 'stage_changed' }),
    ]);
  });

  it('refuses an officer: only national coordinators publish', async () => {
    const response = await publishAs(
      officer,
      RAPID_SCREEN_ID,
      editedRapidScreen(() => undefined),
    );
    expect(response.statusCode).toBe(403);
  });

  it('leaves published versions alone when the library is installed again', async () => {
    expect(await ensureDefaultInstruments(t.database.db)).toEqual([]);
    const latest = (await instrumentsAs(officer)).json() as Instrument[];
    expect(latest.find((i) => i.id === RAPID_SCREEN_ID)?.version).toBe(2);
  });
});
