import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, notifications } from '@veza/db';
import type { Case, DrugsLink, Entity, HitDetails, HitLists } from '@veza/shared';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let owner: TestAccount;
let ownerSession: Signed;
let officer: TestAccount;
let officerSession: Signed;
let drugs: Case;
let own: Case;
let secretPhone: Entity;
let secretPerson: Entity;

const as = (who: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const statement = (property: string, value: string, source = 'Operativni izveštaj 44/26') => ({
  property,
  value,
  source,
  evaluationSource: 'B',
  evaluationInfo: 2,
  handlingCode: 'H2',
  kind: 'fact',
});

async function save(who: Signed, caseId: string, body: object): Promise<Entity> {
  const response = await as(who, 'POST', `/api/cases/${caseId}/entities`, body);
  expect(response.statusCode).toBe(201);
  return response.json<Entity>();
}

async function openCase(who: Signed, title: string, type: string, handlingCode = 'H0'): Promise<Case> {
  const response = await as(who, 'POST', '/api/cases', { title, type, handlingCode });
  expect(response.statusCode).toBe(201);
  return response.json<Case>();
}

async function myHits(who: Signed): Promise<HitLists> {
  const response = await as(who, 'GET', '/api/linkage/hits');
  expect(response.statusCode).toBe(200);
  return response.json<HitLists>();
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  officer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  ownerSession = await signIn(t.app, owner.email);
  officerSession = await signIn(t.app, officer.email);
  // The drug unit's case, which the trafficking officer of another unit may not see.
  drugs = await openCase(ownerSession, 'Operacija Bela', 'drug_trafficking', 'H2');
  secretPerson = await save(ownerSession, drugs.id, {
    schema: 'Person',
    caption: 'Arben Krasniqi',
    statements: [statement('name', 'Arben Krasniqi'), statement('birthDate', '1984-06-30')],
  });
  secretPhone = await save(ownerSession, drugs.id, {
    schema: 'Phone',
    caption: 'Telefon kurira 064 555 0101',
    statements: [statement('number', '+381 64 555 0101', 'Tajni izvor Sokol')],
  });
  own = await openCase(officerSession, 'Operacija Granica', 'trafficking');
});
afterAll(async () => {
  await t?.dispose();
});

describe('hit/no-hit', () => {
  let saved: Entity;

  it('gives an officer outside the case team a hit with unit and reference only', async () => {
    saved = await save(officerSession, own.id, {
      schema: 'Phone',
      caption: '0645550101',
      statements: [{ ...statement('number', '0645550101'), handlingCode: 'H0' }],
    });
    expect(saved.suggestions).toEqual([]);
    const { mine } = await myHits(officerSession);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      entityId: saved.id,
      caseReference: own.reference,
      kind: 'phone',
      owningJurisdiction: 'RS',
      otherCaseReference: drugs.reference,
      status: 'notified',
    });
    expect(mine[0]?.owningUnit).toBeTruthy();
  });

  it('never lets a name, caption or statement of the other case reach the requester', async () => {
    await save(officerSession, own.id, {
      schema: 'Person',
      caption: 'Арбен Красники',
      statements: [
        { ...statement('name', 'Арбен Красники'), handlingCode: 'H0' },
        { ...statement('birthDate', '1984-06-30'), handlingCode: 'H0' },
      ],
    });
    const body = (await as(officerSession, 'GET', '/api/linkage/hits')).body;
    expect(JSON.parse(body).mine).toHaveLength(2);
    for (const secret of [
      'Arben Krasniqi',
      'Telefon kurira',
      'Tajni izvor Sokol',
      '+381 64 555 0101',
      secretPhone.id,
      secretPerson.id,
    ])
      expect(body).not.toContain(secret);
    // Nor through the case: it stays not found.
    expect((await as(officerSession, 'GET', `/api/cases/${drugs.id}`)).statusCode).toBe(404);
    const details = await as(
      officerSession,
      'GET',
      `/api/linkage/hits/${JSON.parse(body).mine[0].id}/details`,
    );
    expect(details.statusCode).toBe(404);
  });

  it('tells the owner that someone has a hit, without a name', async () => {
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, owner.id), eq(notifications.kind, 'hit')));
    expect(told).toHaveLength(2);
    expect(told[0]?.payload).toMatchObject({ reference: drugs.reference, jurisdiction: 'RS' });
    expect(JSON.stringify(told)).not.toMatch(/Krasniqi|Красники|0101/);
    const { onMyCases } = await myHits(ownerSession);
    expect(onMyCases.map((h) => [h.caseReference, h.status, h.canDecide])).toEqual([
      [drugs.reference, 'notified', false],
      [drugs.reference, 'notified', false],
    ]);
  });

  it('lets the requester ask with a reason and the owner grant the one entity, logged as a disclosure', async () => {
    const hit = (await myHits(officerSession)).mine.find((h) => h.kind === 'phone');
    const short = await as(officerSession, 'POST', `/api/linkage/hits/${hit?.id}/access-request`, {
      reason: 'x',
    });
    expect(short.statusCode).toBe(400);
    const asked = await as(officerSession, 'POST', `/api/linkage/hits/${hit?.id}/access-request`, {
      reason: 'Isti broj koristi regruter žrtava u predmetu Granica',
    });
    expect(asked.statusCode).toBe(204);
    // Only the owner decides; the requester cannot grant themselves.
    expect(
      (await as(officerSession, 'POST', `/api/linkage/hits/${hit?.id}/decision`, { decision: 'granted' }))
        .statusCode,
    ).toBe(404);
    const pending = (await myHits(ownerSession)).onMyCases.find((h) => h.id === hit?.id);
    expect(pending).toMatchObject({
      status: 'access_requested',
      canDecide: true,
      entityCaption: 'Telefon kurira 064 555 0101',
      requesterName: officer.displayName,
      requestReason: 'Isti broj koristi regruter žrtava u predmetu Granica',
    });
    const granted = await as(ownerSession, 'POST', `/api/linkage/hits/${hit?.id}/decision`, {
      decision: 'granted',
    });
    expect(granted.statusCode).toBe(204);
    const details = await as(officerSession, 'GET', `/api/linkage/hits/${hit?.id}/details`);
    expect(details.statusCode).toBe(200);
    expect(details.json<HitDetails>()).toMatchObject({
      caption: 'Telefon kurira 064 555 0101',
      otherCaseReference: drugs.reference,
      handlingCode: 'H2',
      statements: [{ property: 'number', value: '+381 64 555 0101', source: 'Tajni izvor Sokol' }],
    });
    const [disclosure] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'disclosure'), eq(auditLog.recordId, secretPhone.id)))
      .orderBy(desc(auditLog.seq));
    expect(disclosure).toMatchObject({ actorId: owner.id, recipients: [officer.id] });
    // The grant is for the entity, not the case.
    expect((await as(officerSession, 'GET', `/api/cases/${drugs.id}/entities`)).statusCode).toBe(404);
    const decided = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, officer.id), eq(notifications.kind, 'hit_access_decided')));
    expect(decided[0]?.payload).toMatchObject({ decision: 'granted', reference: drugs.reference });
  });

  it('answers a hit across the border with the other jurisdiction', async () => {
    const foreign = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'MK' });
    const session = await signIn(t.app, foreign.email);
    const theirs = await openCase(session, 'Операција Вардар', 'trafficking');
    await save(session, theirs.id, {
      schema: 'Phone',
      caption: '+381645550101',
      statements: [{ ...statement('number', '+381645550101'), handlingCode: 'H0' }],
    });
    const { mine } = await myHits(session);
    expect(mine.map((h) => [h.owningJurisdiction, h.otherCaseReference])).toContainEqual([
      'RS',
      drugs.reference,
    ]);
  });
});

describe('drugs-trafficking links', () => {
  it('lists what a drug case and a trafficking case share, the unseen side as a hit', async () => {
    const response = await as(officerSession, 'GET', '/api/linkage/drugs-trafficking');
    expect(response.statusCode).toBe(200);
    const links = response.json<DrugsLink[]>();
    const phone = links.find((l) => l.kind === 'phone');
    expect(phone).toMatchObject({
      value: '+381645550101',
      trafficking: { caseReference: own.reference, caption: '0645550101' },
      drugs: { caseReference: drugs.reference, caption: null, entityId: null, caseId: null },
    });
    expect(phone?.drugs.hitId).toBeTruthy();
    expect(links.map((l) => l.kind)).toContain('person');
    expect(response.body).not.toContain('Arben Krasniqi');
  });

  it('shows the drug unit its own side and the trafficking case as a hit', async () => {
    const response = await as(ownerSession, 'GET', '/api/linkage/drugs-trafficking');
    const links = response.json<DrugsLink[]>();
    expect(links.find((l) => l.kind === 'phone')).toMatchObject({
      drugs: { caption: 'Telefon kurira 064 555 0101' },
      trafficking: { caption: null, caseReference: own.reference },
    });
  });
});
