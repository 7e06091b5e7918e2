import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, entityEdges } from '@veza/db';
import type { Case, Entity, EntitySummary, Statement } from '@veza/shared';
import { runAs } from '../../platform/run-as.ts';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';
import type { TwoHopResponse } from './entities.edges.routes.ts';
import { importFtm } from '../exchange/index.ts';

let t: TestApp;
let owner: TestAccount;
let ownerSession: Signed;
let outsiderSession: Signed;
let theCase: Case;
const ids: Record<string, string> = {};

const as = (who: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const statement = (property: string, value: string) => ({
  property,
  value,
  source: 'Službena beleška 9/26',
  evaluationSource: 'B',
  evaluationInfo: 2,
  handlingCode: 'H0',
  kind: 'fact',
});

async function save(key: string, schema: string, caption: string, said: [string, string][]): Promise<Entity> {
  const response = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/entities`, {
    schema,
    caption,
    statements: said.map(([p, v]) => statement(p, v)),
  });
  expect(response.statusCode).toBe(201);
  const entity = response.json<Entity>();
  ids[key] = entity.id;
  return entity;
}

const twoHop = (who: Signed, entityId: string, query = '') =>
  as(who, 'GET', `/api/cases/${theCase.id}/entities/${entityId}/two-hop${query}`);

const captions = (body: TwoHopResponse, hops: number) =>
  body.nodes
    .filter((n) => n.hops === hops)
    .map((n) => n.caption)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  owner = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const outsider = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  ownerSession = await signIn(t.app, owner.email);
  outsiderSession = await signIn(t.app, outsider.email);
  theCase = (
    await as(ownerSession, 'POST', '/api/cases', {
      title: 'Operacija Most',
      type: 'mixed',
      handlingCode: 'H0',
    })
  ).json<Case>();
  // Two men share a phone; one drives a car a third one owns.
  await save('recruiter', 'Person', 'Arben Krasniqi', [['name', 'Arben Krasniqi']]);
  await save('driver', 'Person', 'Јован Стојановић', [['name', 'Јован Стојановић']]);
  await save('owner', 'Person', 'Ivana Stojanovska', [['name', 'Ivana Stojanovska']]);
  await save('phone', 'Phone', '+383 44 123 456', [['number', '+383 44 123 456']]);
  await save('car', 'Vehicle', 'SK-482-KL', [['registrationNumber', 'SK-482-KL']]);
  await save('usesA', 'UsesPhone', 'uses', [
    ['person', ids['recruiter']!],
    ['phone', ids['phone']!],
  ]);
  await save('usesB', 'UsesPhone', 'uses', [
    ['person', ids['driver']!],
    ['phone', ids['phone']!],
  ]);
  await save('drives', 'Drives', 'drives', [
    ['driver', ids['driver']!],
    ['vehicle', ids['car']!],
  ]);
  await save('owns', 'Ownership', 'owns', [
    ['owner', ids['owner']!],
    ['asset', ids['car']!],
  ]);
});
afterAll(async () => {
  await t?.dispose();
});

describe('edges kept beside relationship entities', () => {
  it('stores one edge per relationship entity, from its source end to its target end', async () => {
    const [edge] = await t.database.db
      .select()
      .from(entityEdges)
      .where(eq(entityEdges.relationshipId, ids['usesA']!));
    expect(edge).toMatchObject({
      caseId: theCase.id,
      sourceId: ids['recruiter'],
      targetId: ids['phone'],
      label: 'UsesPhone',
    });
    const all = await t.database.db.select().from(entityEdges).where(eq(entityEdges.caseId, theCase.id));
    expect(all).toHaveLength(4);
  });

  it('lists each relationship with its ends, so that lists can name it by what it links', async () => {
    const listed = (await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities`)).json<
      EntitySummary[]
    >();
    const byId = new Map(listed.map((e) => [e.id, e]));
    expect(byId.get(ids['usesB']!)?.ends).toEqual({ source: [ids['driver']], target: [ids['phone']] });
    expect(byId.get(ids['owns']!)?.ends).toEqual({ source: [ids['owner']], target: [ids['car']] });
    expect(byId.get(ids['phone']!)).not.toHaveProperty('ends');
  });

  it('answers the two-hop neighbourhood of a phone: its users, then what they drive', async () => {
    const response = await twoHop(ownerSession, ids['phone']!);
    expect(response.statusCode).toBe(200);
    const body = response.json<TwoHopResponse>();
    expect(body.truncated).toBe(false);
    expect(captions(body, 0)).toEqual(['+383 44 123 456']);
    expect(captions(body, 1)).toEqual(['Arben Krasniqi', 'Јован Стојановић']);
    expect(captions(body, 2)).toEqual(['SK-482-KL']);
    expect(body.edges.map((e) => [e.label, e.hop]).sort()).toEqual([
      ['Drives', 2],
      ['UsesPhone', 1],
      ['UsesPhone', 1],
    ]);
    // The car's owner is three steps away.
    expect(body.nodes.map((n) => n.caption)).not.toContain('Ivana Stojanovska');
  });

  it('moves the edge when an end of the relationship is corrected', async () => {
    const drives = (
      await as(ownerSession, 'POST', '/api/me/justifications', {
        scope: `case:${theCase.id}`,
        text: 'Analiza veza: ko vozi vozilo',
      })
    ).statusCode;
    expect(drives).toBe(204);
    const relation = (
      await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities/${ids['drives']}`)
    ).json<Entity>();
    const end = relation.statements.find((s) => s.property === 'driver');
    const corrected = await as(
      ownerSession,
      'POST',
      `/api/cases/${theCase.id}/entities/${ids['drives']}/statements/${end?.id}/corrections`,
      { ...statement('driver', ids['recruiter']!), property: undefined },
    );
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json<Statement>().value).toBe(ids['recruiter']);
    const edges = await t.database.db
      .select()
      .from(entityEdges)
      .where(eq(entityEdges.relationshipId, ids['drives']!));
    expect(edges.map((e) => [e.sourceId, e.targetId])).toEqual([[ids['recruiter'], ids['car']]]);
    // From the owner of the car: the car, then the man now said to drive it.
    const body = (await twoHop(ownerSession, ids['owner']!)).json<TwoHopResponse>();
    expect(captions(body, 1)).toEqual(['SK-482-KL']);
    expect(captions(body, 2)).toEqual(['Arben Krasniqi']);
  });

  it('links a passport to its holder by a plain reference, added later as a statement', async () => {
    const passport = await save('passport', 'Passport', 'P1234567', [['number', 'P1234567']]);
    const added = await as(
      ownerSession,
      'POST',
      `/api/cases/${theCase.id}/entities/${passport.id}/statements`,
      {
        ...statement('holder', ids['driver']!),
      },
    );
    expect(added.statusCode).toBe(201);
    const edges = await t.database.db.select().from(entityEdges).where(eq(entityEdges.sourceId, passport.id));
    expect(edges).toMatchObject([{ targetId: ids['driver'], relationshipId: null, label: 'holder' }]);
  });

  it('builds the edges of an FtM import, ends and references named by the ids of the file', async () => {
    const lines = [
      { id: 'p1', schema: 'Person', properties: { name: ['Besnik Gashi'] } },
      { id: 'ph1', schema: 'Phone', properties: { number: ['+355 69 555 0101'] } },
      { id: 'u1', schema: 'UsesPhone', properties: { person: ['p1'], phone: ['ph1'] } },
      { id: 'pp1', schema: 'Passport', properties: { number: ['BA1234567'], holder: ['p1'] } },
    ].map((l) => JSON.stringify(l));
    const result = await runAs(t.database, owner.email, (ctx, tx) =>
      importFtm(tx, ctx, { caseTitle: 'Operacija Most', source: 'most.ftm.json', lines }),
    );
    expect(result).toMatchObject({ caseId: theCase.id, imported: 4, rejected: 0 });
    const phone = (await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities`))
      .json<Entity[]>()
      .find((e) => e.caption === '+355 69 555 0101');
    const body = (await twoHop(ownerSession, phone!.id)).json<TwoHopResponse>();
    expect(captions(body, 1)).toEqual(['Besnik Gashi']);
    expect(captions(body, 2)).toEqual(['BA1234567']);
    expect(body.edges.find((e) => e.hop === 2)).toMatchObject({ label: 'holder', relationshipId: null });
  });
  it('links a passport imported before its holder once the holder is imported', async () => {
    const importLines = (lines: object[], source: string) =>
      runAs(t.database, owner.email, (ctx, tx) =>
        importFtm(tx, ctx, {
          caseTitle: 'Operacija Most',
          source,
          lines: lines.map((l) => JSON.stringify(l)),
        }),
      );
    await importLines(
      [{ id: 'pp9', schema: 'Passport', properties: { number: ['MK7781203'], holder: ['p9'] } }],
      'granica-1.ftm.json',
    );
    const listed = async () =>
      (await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities`)).json<Entity[]>();
    const passport = (await listed()).find((e) => e.caption === 'MK7781203');
    expect(
      await t.database.db.select().from(entityEdges).where(eq(entityEdges.sourceId, passport!.id)),
    ).toEqual([]);
    await importLines(
      [{ id: 'p9', schema: 'Person', properties: { name: ['Ивана Стојановска'] } }],
      'granica-2.ftm.json',
    );
    const holder = (await listed()).find((e) => e.caption === 'Ивана Стојановска');
    const edges = await t.database.db
      .select()
      .from(entityEdges)
      .where(eq(entityEdges.sourceId, passport!.id));
    expect(edges).toMatchObject([{ targetId: holder!.id, label: 'holder' }]);
  });
});

describe('the two-hop endpoint', () => {
  it('cuts a large neighbourhood at the limit, first-hop edges first, and says so', async () => {
    const response = await twoHop(ownerSession, ids['phone']!, '?limit=2');
    const body = response.json<TwoHopResponse>();
    expect(body.truncated).toBe(true);
    expect(body.edges.map((e) => e.hop)).toEqual([1, 1]);
  });

  it('refuses a limit out of range with the field named', async () => {
    const response = await twoHop(ownerSession, ids['phone']!, '?limit=0');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'limit' }] });
  });

  it('answers not found outside the team, and for an entity of another case', async () => {
    expect((await twoHop(outsiderSession, ids['phone']!)).statusCode).toBe(404);
    const other = (
      await as(ownerSession, 'POST', '/api/cases', { title: 'Druga', type: 'other', handlingCode: 'H0' })
    ).json<Case>();
    const response = await as(ownerSession, 'GET', `/api/cases/${other.id}/entities/${ids['phone']}/two-hop`);
    expect(response.statusCode).toBe(404);
  });

  it('asks a reason before starting from a person, and logs the consultation with it', async () => {
    const fresh = await signIn(t.app, owner.email);
    const refused = await twoHop(fresh, ids['recruiter']!);
    expect(refused.statusCode).toBe(428);
    expect(refused.json()).toMatchObject({ code: 'justification_required' });
    await as(fresh, 'POST', '/api/me/justifications', {
      scope: `case:${theCase.id}`,
      text: 'Provera kontakata vrbovnika',
    });
    expect((await twoHop(fresh, ids['recruiter']!)).statusCode).toBe(200);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'consultation'), eq(auditLog.recordId, ids['recruiter']!)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({
      action: 'person.identity.view',
      actorId: owner.id,
      subjectLabel: 'Arben Krasniqi',
      justification: 'Provera kontakata vrbovnika',
      details: expect.objectContaining({ read: 'two-hop' }),
    });
  });

  it('shows the supervisor of the unit, not on the team, the links but not who the persons are', async () => {
    const supervisor = await createAccount(t.database, { roles: ['supervisor'], unitId: owner.unitId });
    const session = await signIn(t.app, supervisor.email);
    const response = await twoHop(session, ids['phone']!);
    expect(response.statusCode).toBe(200);
    const body = response.json<TwoHopResponse>();
    const persons = body.nodes.filter((n) => n.schema === 'Person');
    expect(persons.length).toBeGreaterThanOrEqual(2);
    expect(persons.every((n) => n.withheld && n.caption === '')).toBe(true);
    expect(body.nodes.find((n) => n.schema === 'Vehicle')).toMatchObject({
      caption: 'SK-482-KL',
      withheld: false,
    });
    expect((await twoHop(session, ids['recruiter']!)).statusCode).not.toBe(200);
  });

  it('logs a neighbourhood read from a phone, with how many persons it showed', async () => {
    await twoHop(ownerSession, ids['phone']!);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'consultation'), eq(auditLog.recordId, ids['phone']!)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({ action: 'case.view', actorId: owner.id });
    expect(entry?.details).toMatchObject({ caseId: theCase.id, read: 'two-hop', persons: 2 });
  });
});
