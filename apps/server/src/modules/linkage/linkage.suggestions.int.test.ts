import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, entityMerges, matchKeys } from '@veza/db';
import type { CanonicalEntity, Case, Entity, SuggestionOutcome } from '@veza/shared';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let analyst: Signed;
let drugsOfficer: Signed;
let trafficking: Case;
let drugs: Case;
let drugsPhone: Entity;

const as = (who: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const statement = (property: string, value: string) => ({
  property,
  value,
  source: 'Službena beleška 12/26',
  evaluationSource: 'B',
  evaluationInfo: 2,
  handlingCode: 'H0',
  kind: 'fact',
});

async function openCase(who: Signed, title: string, type: string): Promise<Case> {
  const response = await as(who, 'POST', '/api/cases', { title, type, handlingCode: 'H0' });
  expect(response.statusCode).toBe(201);
  return response.json<Case>();
}

async function save(who: Signed, caseId: string, body: object): Promise<Entity> {
  const response = await as(who, 'POST', `/api/cases/${caseId}/entities`, body);
  expect(response.statusCode).toBe(201);
  return response.json<Entity>();
}

beforeAll(async () => {
  t = await createTestApp();
  // Two units of the same police: the trafficking unit's analyst sits on the drug unit's case too.
  const analystAccount = await createAccount(t.database, { roles: ['analyst'], jurisdiction: 'RS' });
  const drugsAccount = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  analyst = await signIn(t.app, analystAccount.email);
  drugsOfficer = await signIn(t.app, drugsAccount.email);
  trafficking = await openCase(analyst, 'Operacija Jug', 'trafficking');
  drugs = await openCase(drugsOfficer, 'Operacija Bela', 'drug_trafficking');
  expect(
    (await as(drugsOfficer, 'POST', `/api/cases/${drugs.id}/members`, { userId: analystAccount.id }))
      .statusCode,
  ).toBe(200);
  drugsPhone = await save(drugsOfficer, drugs.id, {
    schema: 'Phone',
    caption: '+381 64 123 4567',
    statements: [statement('number', '+381 64 123 4567')],
  });
});
afterAll(async () => {
  await t?.dispose();
});

describe('match keys', () => {
  it('stores a phone under its E.164 number, whatever spelling was typed', async () => {
    const keys = await t.database.db.select().from(matchKeys).where(eq(matchKeys.entityId, drugsPhone.id));
    expect(keys.map((k) => k.key)).toEqual(['phone|+381641234567']);
  });
});

describe('suggestions', () => {
  let ownPhone: Entity;

  it('suggests the same phone in another unit’s drug case, written the national way, with the reason', async () => {
    ownPhone = await save(analyst, trafficking.id, {
      schema: 'Phone',
      caption: '064/123-45-67',
      statements: [statement('number', '064/123-45-67')],
    });
    expect(ownPhone.suggestions).toHaveLength(1);
    expect(ownPhone.suggestions[0]).toMatchObject({
      otherEntityId: drugsPhone.id,
      otherCaseId: drugs.id,
      status: 'pending',
      score: 1,
    });
    expect(JSON.stringify(ownPhone.suggestions[0]?.explanation)).toContain('+381641234567');
  });

  it('joins both phones into one canonical entity on confirmation, the older one canonical', async () => {
    const suggestion = ownPhone.suggestions[0];
    const confirmed = await as(analyst, 'POST', `/api/linkage/suggestions/${suggestion?.id}/decision`, {
      decision: 'confirmed',
      note: 'Isti broj u oba predmeta',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<SuggestionOutcome>()).toMatchObject({
      status: 'confirmed',
      canonicalId: drugsPhone.id,
    });
    const again = await as(analyst, 'POST', `/api/linkage/suggestions/${suggestion?.id}/decision`, {
      decision: 'rejected',
    });
    expect(again.statusCode).toBe(409);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.recordId, suggestion?.id ?? ''))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({ operation: 'combination', outcome: 'allowed' });
  });

  it('shows every statement of every joined entity with its case', async () => {
    const response = await as(
      analyst,
      'GET',
      `/api/cases/${trafficking.id}/entities/${ownPhone.id}/canonical`,
    );
    expect(response.statusCode).toBe(200);
    const view = response.json<CanonicalEntity>();
    expect(view.canonicalId).toBe(drugsPhone.id);
    expect(view.members.map((m) => [m.caseReference, m.statements.map((s) => s.value)])).toEqual([
      [drugs.reference, ['+381 64 123 4567']],
      [trafficking.reference, ['064/123-45-67']],
    ]);
    expect(view.members.find((m) => m.entityId === ownPhone.id)?.canSplit).toBe(true);
  });

  it('splits the phone out again and keeps the history of the join', async () => {
    const split = await as(analyst, 'POST', `/api/cases/${trafficking.id}/entities/${ownPhone.id}/split`);
    expect(split.statusCode).toBe(200);
    expect(split.json()).toEqual({ entityId: ownPhone.id, canonicalId: null });
    const entities = (await as(analyst, 'GET', `/api/cases/${drugs.id}/entities`)).json<Entity[]>();
    expect(entities.find((e) => e.id === drugsPhone.id)?.canonicalId).toBeNull();
    const merges = await t.database.db
      .select()
      .from(entityMerges)
      .where(eq(entityMerges.entityId, ownPhone.id));
    expect(merges).toHaveLength(1);
    expect(merges[0]?.splitAt).not.toBeNull();
    const gone = await as(analyst, 'GET', `/api/cases/${trafficking.id}/entities/${ownPhone.id}/canonical`);
    expect(gone.statusCode).toBe(404);
  });

  it('never suggests a rejected pair again, even after the person is saved again', async () => {
    const original = await save(drugsOfficer, drugs.id, {
      schema: 'Person',
      caption: 'Јована Петровић',
      statements: [statement('name', 'Јована Петровић'), statement('birthDate', '1991-02-03')],
    });
    const found = await save(analyst, trafficking.id, {
      schema: 'Person',
      caption: 'Jovana Petrovic',
      statements: [statement('name', 'Jovana Petrovic'), statement('birthDate', '1991-02-03')],
    });
    const suggestion = found.suggestions.find((s) => s.otherEntityId === original.id);
    expect(suggestion?.explanation).toMatchObject({ decision: 'same' });
    const rejected = await as(analyst, 'POST', `/api/linkage/suggestions/${suggestion?.id}/decision`, {
      decision: 'rejected',
      note: 'Druga osoba, drugi JMBG',
    });
    expect(rejected.json<SuggestionOutcome>()).toMatchObject({ status: 'rejected', canonicalId: null });
    const added = await as(analyst, 'POST', `/api/cases/${trafficking.id}/entities/${found.id}/statements`, {
      ...statement('nationality', 'rs'),
    });
    expect(added.statusCode).toBe(201);
    await as(analyst, 'POST', '/api/me/justifications', {
      scope: `case:${trafficking.id}`,
      text: 'Analiza veza',
    });
    const read = (
      await as(analyst, 'GET', `/api/cases/${trafficking.id}/entities/${found.id}`)
    ).json<Entity>();
    expect(read.suggestions.map((s) => [s.otherEntityId, s.status])).toEqual([[original.id, 'rejected']]);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, suggestion?.id ?? ''), eq(auditLog.operation, 'alteration')));
    expect(entry?.details).toMatchObject({ decision: 'rejected', note: 'Druga osoba, drugi JMBG' });
  });

  it('answers not found to someone who may see neither case', async () => {
    const stranger = await createAccount(t.database, { roles: ['analyst'], jurisdiction: 'RS' });
    const session = await signIn(t.app, stranger.email);
    await save(drugsOfficer, drugs.id, {
      schema: 'Vehicle',
      caption: 'BG123SD',
      statements: [statement('registrationNumber', 'BG123SD')],
    });
    const outsider = await save(analyst, trafficking.id, {
      schema: 'Vehicle',
      caption: 'BG 123-ŠĐ',
      statements: [statement('registrationNumber', 'BG 123-ŠĐ')],
    });
    const entity = (
      await as(analyst, 'GET', `/api/cases/${trafficking.id}/entities/${outsider.id}`)
    ).json<Entity>();
    const suggestion = entity.suggestions[0];
    expect(suggestion).toBeDefined();
    const refused = await as(session, 'POST', `/api/linkage/suggestions/${suggestion?.id}/decision`, {
      decision: 'confirmed',
    });
    expect(refused.statusCode).toBe(404);
  });
});
