import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { auditLog, statements } from '@veza/db';
import type { Case, Entity, EntityHistory, JoinRequest, Statement } from '@veza/shared';
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
let colleague: TestAccount;
let colleagueSession: Signed;
let outsiderSession: Signed;
let theCase: Case;
let person: Entity;

const as = (who: Signed, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const justify = (who: Signed, scope: string, text: string) =>
  as(who, 'POST', '/api/me/justifications', { scope, text });

const statement = (property: string, value: string) => ({
  property,
  value,
  source: 'Službena beleška 7/26',
  evaluationSource: 'B',
  evaluationInfo: 2,
  handlingCode: 'H0',
  kind: 'fact',
});

beforeAll(async () => {
  t = await createTestApp();
  owner = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  colleague = await createAccount(t.database, { roles: ['analyst'], jurisdiction: 'RS' });
  const outsider = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  ownerSession = await signIn(t.app, owner.email);
  colleagueSession = await signIn(t.app, colleague.email);
  outsiderSession = await signIn(t.app, outsider.email);
  const created = await as(ownerSession, 'POST', '/api/cases', {
    title: 'Operacija Jug',
    type: 'trafficking',
    handlingCode: 'H1',
    legalBasis: 'ZKP čl. 286',
  });
  expect(created.statusCode).toBe(201);
  theCase = created.json<Case>();
  const saved = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/entities`, {
    schema: 'Person',
    caption: 'Ђорђе Ђорђевић',
    statements: [statement('name', 'Ђорђе Ђорђевић'), statement('birthDate', '1987-04-21')],
  });
  expect(saved.statusCode).toBe(201);
  person = saved.json<Entity>();
});
afterAll(async () => {
  await t?.dispose();
});

describe('cases', () => {
  it('opens a case in the creator unit, with a reference, the creator as owner', () => {
    expect(theCase).toMatchObject({
      title: 'Operacija Jug',
      jurisdiction: 'RS',
      owningUnitId: owner.unitId,
      handlingCode: 'H1',
      status: 'open',
      members: [{ userId: owner.id, role: 'owner' }],
    });
    expect(theCase.reference).toMatch(/^RS-\d{4}-0001$/);
    expect(theCase.allowed).toEqual(expect.arrayContaining(['case.view', 'case.edit', 'case.manage_team']));
  });

  it('answers not found to an officer outside the team, for the case and its entities', async () => {
    expect((await as(outsiderSession, 'GET', `/api/cases/${theCase.id}`)).statusCode).toBe(404);
    expect((await as(outsiderSession, 'GET', `/api/cases/${theCase.id}/entities`)).statusCode).toBe(404);
    const entity = await as(outsiderSession, 'GET', `/api/cases/${theCase.id}/entities/${person.id}`);
    expect(entity.statusCode).toBe(404);
    expect(entity.json()).toMatchObject({ code: 'not_found' });
    expect((await as(outsiderSession, 'GET', '/api/cases')).json<Case[]>()).toEqual([]);
  });

  it('lets the owner add a member, who can then read the case', async () => {
    expect((await as(colleagueSession, 'GET', `/api/cases/${theCase.id}`)).statusCode).toBe(404);
    const added = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/members`, {
      userId: colleague.id,
    });
    expect(added.statusCode).toBe(200);
    expect(added.json<Case>().members.map((m) => [m.userId, m.role])).toContainEqual([
      colleague.id,
      'member',
    ]);
    const read = await as(colleagueSession, 'GET', `/api/cases/${theCase.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Case>().allowed).not.toContain('case.manage_team');
    expect((await as(colleagueSession, 'GET', '/api/cases')).json<Case[]>().map((c) => c.id)).toEqual([
      theCase.id,
    ]);
    // A member is not the owner: the team is not theirs to change.
    const refused = await as(colleagueSession, 'DELETE', `/api/cases/${theCase.id}/members/${owner.id}`);
    expect(refused.statusCode).toBe(403);
  });

  it('lets an outsider ask to join, and the owner grant it', async () => {
    const newcomer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
    const session = await signIn(t.app, newcomer.email);
    const asked = await as(session, 'POST', `/api/cases/${theCase.id}/join-requests`, {
      reason: 'Isti osumnjičeni',
    });
    expect(asked.statusCode).toBe(201);
    expect((await as(session, 'GET', `/api/cases/${theCase.id}`)).statusCode).toBe(404);
    const pending = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/join-requests`);
    const request = pending.json<JoinRequest[]>().find((r) => r.userId === newcomer.id);
    expect(request?.status).toBe('pending');
    // The owner decides on a named colleague of a named unit, not on an id.
    expect(request?.requesterName).toBe(newcomer.displayName);
    expect(request?.requesterUnit).toMatch(/^Unit /);
    const granted = await as(
      ownerSession,
      'POST',
      `/api/cases/${theCase.id}/join-requests/${request?.id}/decision`,
      {
        decision: 'granted',
      },
    );
    expect(granted.json<JoinRequest>()).toMatchObject({ status: 'granted', decidedBy: owner.id });
    expect((await as(session, 'GET', `/api/cases/${theCase.id}`)).statusCode).toBe(200);
    const again = await as(
      ownerSession,
      'POST',
      `/api/cases/${theCase.id}/join-requests/${request?.id}/decision`,
      {
        decision: 'refused',
      },
    );
    expect(again.statusCode).toBe(409);
  });

  it('refuses someone from another jurisdiction to ask, as if the case did not exist', async () => {
    const foreign = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'MK' });
    const session = await signIn(t.app, foreign.email);
    const asked = await as(session, 'POST', `/api/cases/${theCase.id}/join-requests`, {
      reason: 'Ист осомничен',
    });
    expect(asked.statusCode).toBe(404);
  });
});

describe('case changes', () => {
  it('lets a team member change the status, logged as an alteration', async () => {
    const changed = await as(colleagueSession, 'PATCH', `/api/cases/${theCase.id}`, { status: 'suspended' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Case>().status).toBe('suspended');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.edit'), eq(auditLog.recordId, theCase.id)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({ operation: 'alteration', actorId: colleague.id });
    await as(colleagueSession, 'PATCH', `/api/cases/${theCase.id}`, { status: 'open' });
  });

  it('refuses a regional officer to open a case, and a judge too', async () => {
    for (const [roles, jurisdiction] of [
      [['officer'], null],
      [['judge'], 'RS'],
    ] as const) {
      const account = await createAccount(t.database, { roles: [...roles], jurisdiction });
      const session = await signIn(t.app, account.email);
      const response = await as(session, 'POST', '/api/cases', {
        title: 'X',
        type: 'other',
        handlingCode: 'H0',
      });
      expect(response.statusCode).toBe(403);
      // The case policy gives the reason: a regional body holds no case, a judge opens none.
      const [denial] = await t.database.db
        .select({ action: auditLog.action, details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.actorId, account.id), eq(auditLog.operation, 'denial')));
      expect(denial).toEqual({
        action: 'case.create',
        details: { reason: jurisdiction === null ? 'regional_body' : 'role' },
      });
    }
  });
});

describe('entities and statements', () => {
  it('asks for a justification before showing who a person is', async () => {
    const response = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities/${person.id}`);
    expect(response.statusCode).toBe(428);
    expect(response.json()).toMatchObject({ code: 'justification_required' });
  });

  it("logs the persons a case's entity list names, one consultation each, and the list itself", async () => {
    const before = await t.database.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const listed = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities`);
    expect(listed.statusCode).toBe(200);
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, before[0]?.seq ?? 0))
      .orderBy(asc(auditLog.seq));
    expect(entries.map((e) => [e.operation, e.recordType, e.subjectLabel, e.actorId])).toEqual([
      ['consultation', 'case', null, owner.id],
      ['consultation', 'entity', 'Ђорђе Ђорђевић', owner.id],
    ]);
    expect(entries[1]).toMatchObject({
      subjectId: person.id,
      details: { caseId: theCase.id, read: 'entity-list' },
    });
  });

  it('logs each consultation of a person with its justification', async () => {
    expect((await justify(ownerSession, `case:${theCase.id}`, 'Analiza veza osumnjičenog')).statusCode).toBe(
      204,
    );
    const response = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities/${person.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json<Entity>().statements.map((s) => s.property)).toEqual(['name', 'birthDate']);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'consultation'), eq(auditLog.subjectId, person.id)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({
      action: 'person.identity.view',
      actorId: owner.id,
      subjectLabel: 'Ђорђе Ђорђевић',
      justification: 'Analiza veza osumnjičenog',
      outcome: 'allowed',
    });
  });

  it('keeps a corrected statement, superseded, and shows both in the history', async () => {
    const birthDate = person.statements.find((s) => s.property === 'birthDate');
    const corrected = await as(
      ownerSession,
      'POST',
      `/api/cases/${theCase.id}/entities/${person.id}/statements/${birthDate?.id}/corrections`,
      {
        ...statement('birthDate', '1987-04-12'),
        property: undefined,
        evaluationSource: 'A',
        evaluationInfo: 1,
      },
    );
    expect(corrected.statusCode).toBe(201);
    const correction = corrected.json<Statement>();
    expect(correction).toMatchObject({ property: 'birthDate', value: '1987-04-12', evaluationSource: 'A' });
    const current = (
      await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities/${person.id}`)
    ).json<Entity>();
    expect(current.statements.filter((s) => s.property === 'birthDate').map((s) => s.value)).toEqual([
      '1987-04-12',
    ]);
    const history = (
      await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities/${person.id}/history`)
    ).json<EntityHistory>();
    const births = history.statements.filter((s) => s.property === 'birthDate');
    expect(births.map((s) => [s.value, s.supersededBy])).toEqual([
      ['1987-04-21', correction.id],
      ['1987-04-12', null],
    ]);
    // A second correction of the same statement: correct the current one instead.
    const twice = await as(
      ownerSession,
      'POST',
      `/api/cases/${theCase.id}/entities/${person.id}/statements/${birthDate?.id}/corrections`,
      { ...statement('birthDate', '1987-05-12'), property: undefined },
    );
    expect(twice.statusCode).toBe(409);
  });

  it('refuses to change or delete a statement in the database itself', async () => {
    await expect(
      t.database.db.update(statements).set({ value: 'x' }).where(eq(statements.entityId, person.id)),
    ).rejects.toThrow();
    await expect(
      t.database.db.delete(statements).where(eq(statements.entityId, person.id)),
    ).rejects.toThrow();
  });

  it('stores relationships as entities whose ends are entities of the case', async () => {
    const phone = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'Phone',
      caption: '+381 64 123 4567',
      statements: [statement('number', '+381 64 123 4567')],
    });
    const uses = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'UsesPhone',
      caption: 'uses',
      statements: [statement('person', person.id), statement('phone', phone.json<Entity>().id)],
    });
    expect(uses.statusCode).toBe(201);
    const dangling = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'UsesPhone',
      caption: 'uses',
      statements: [
        statement('person', person.id),
        statement('phone', '0190a8a0-0000-7000-8000-000000000000'),
      ],
    });
    expect(dangling.statusCode).toBe(400);
    expect(dangling.json()).toMatchObject({ errors: [{ path: 'statements.1.value', code: 'not_found' }] });
  });

  it('suggests the same person in another case the user may see, across scripts', async () => {
    const other = (
      await as(ownerSession, 'POST', '/api/cases', {
        title: 'Operacija Sever',
        type: 'drug_trafficking',
        handlingCode: 'H0',
      })
    ).json<Case>();
    const saved = await as(ownerSession, 'POST', `/api/cases/${other.id}/entities`, {
      schema: 'Person',
      caption: 'Djordje Djordjevic',
      statements: [statement('name', 'Djordje Djordjevic'), statement('birthDate', '1987-04-12')],
    });
    const suggestions = saved.json<Entity>().suggestions;
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ otherEntityId: person.id, otherCaseId: theCase.id });
    expect(suggestions[0]?.score).toBeGreaterThanOrEqual(0.6);
    expect(suggestions[0]?.explanation).toHaveProperty('fields');
  });
});
