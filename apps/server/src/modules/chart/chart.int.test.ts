import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { auditLog, callRecords } from '@veza/db';
import type { Case, CaseGraph, CaseTimeline, Entity, SavedChart, SavedChartState } from '@veza/shared';
import { verifyAuditChain } from '../../platform/audit/index.ts';
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
let supervisorSession: Signed;
let outsiderSession: Signed;
let theCase: Case;
const ids: Record<string, string> = {};

const as = (who: Signed, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const statement = (property: string, value: string, evaluation = 'B2', handlingCode = 'H1') => ({
  property,
  value,
  source: 'Službena beleška 14/26',
  evaluationSource: evaluation[0],
  evaluationInfo: Number(evaluation[1]),
  handlingCode,
  kind: 'fact',
});

async function entity(
  key: string,
  schema: string,
  caption: string,
  statements: object[] = [],
): Promise<string> {
  const saved = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/entities`, {
    schema,
    caption,
    statements,
  });
  expect(saved.statusCode, saved.body).toBe(201);
  ids[key] = saved.json<Entity>().id;
  return ids[key];
}

const state = (over: Partial<SavedChartState> = {}): SavedChartState => ({
  version: 1,
  entityIds: null,
  positions: {},
  filter: { types: null, from: null, to: null, minSource: null, minInformation: null, handlingCodes: null },
  hideRelationships: true,
  groupByType: false,
  colourByCommunity: false,
  path: null,
  camera: null,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  owner = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const supervisor = await createAccount(t.database, { roles: ['supervisor'], unitId: owner.unitId });
  const outsider = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  ownerSession = await signIn(t.app, owner.email);
  supervisorSession = await signIn(t.app, supervisor.email);
  outsiderSession = await signIn(t.app, outsider.email);
  theCase = (
    await as(ownerSession, 'POST', '/api/cases', {
      title: 'Operacija Mreža',
      type: 'trafficking',
      handlingCode: 'H1',
    })
  ).json<Case>();
  await entity('jovana', 'Person', 'Јована Петровић', [statement('name', 'Јована Петровић', 'A1')]);
  await entity('arben', 'Person', 'Arben Krasniqi', [statement('name', 'Arben Krasniqi', 'C3', 'H2')]);
  await entity('ivana', 'Person', 'Ивана Стојановска', [statement('name', 'Ивана Стојановска')]);
  await entity('phoneJ', 'Phone', '+381 64 111 2222', [statement('number', '+381641112222')]);
  await entity('phoneA', 'Phone', '+383 44 333 444', [statement('number', '+38344333444')]);
  await entity('flat', 'Address', 'Bulevar kralja Aleksandra 73, Beograd', [
    statement('full', 'Bulevar kralja Aleksandra 73, Beograd'),
    statement('latitude', '44.8059'),
    statement('longitude', '20.4781'),
  ]);
  await entity('usesJ', 'UsesPhone', 'uses', [
    statement('person', ids.jovana!),
    statement('phone', ids.phoneJ!),
  ]);
  await entity('usesA', 'UsesPhone', 'uses', [
    statement('person', ids.arben!),
    statement('phone', ids.phoneA!),
  ]);
  await entity('recruited', 'Recruited', 'recruited', [
    statement('recruiter', ids.arben!),
    statement('recruited', ids.ivana!),
    statement('startDate', '2026-02-10'),
  ]);
  await entity('meeting', 'Event', 'Sastanak u Nišu', [
    statement('date', '2026-03-05'),
    statement('involved', ids.jovana!),
  ]);
  const call = (caller: string, callee: string, at: string, seconds: number) => ({
    id: uuidv7(),
    caseId: theCase.id,
    importId: uuidv7(),
    callerEntityId: ids[caller]!,
    calleeEntityId: ids[callee]!,
    startedAt: new Date(at),
    durationSeconds: seconds,
    cell: null,
  });
  await t.database.db
    .insert(callRecords)
    .values([
      call('phoneJ', 'phoneA', '2026-03-02T21:15:00Z', 60),
      call('phoneJ', 'phoneA', '2026-03-02T22:40:00Z', 120),
      call('phoneJ', 'phoneA', '2026-03-04T09:05:00Z', 30),
      call('phoneA', 'phoneJ', '2026-03-04T09:30:00Z', 15),
    ]);
});
afterAll(async () => {
  await t?.dispose();
});

describe('case graph', () => {
  it('asks for a reason before showing who the persons are', async () => {
    const refused = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/graph`);
    expect(refused.statusCode).toBe(428);
    expect(refused.json()).toMatchObject({ code: 'justification_required' });
  });

  it('shows entities, relationship ends, references and calls summed up per pair', async () => {
    await as(ownerSession, 'POST', '/api/me/justifications', {
      scope: `case:${theCase.id}`,
      text: 'Analiza mreže, predmet KTO 7/26',
    });
    const answer = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/graph`);
    expect(answer.statusCode, answer.body).toBe(200);
    const graph = answer.json<CaseGraph>();
    expect(graph.allowed).toContain('case.edit');
    const node = (key: string) => graph.nodes.find((n) => n.id === ids[key]);
    expect(node('jovana')).toMatchObject({ caption: 'Јована Петровић', withheld: false, evaluation: 'A1' });
    expect(node('arben')).toMatchObject({ evaluation: 'C3', handlingCode: 'H2' });
    expect(node('flat')).toMatchObject({ lat: 44.8059, lon: 20.4781 });
    expect(node('meeting')).toMatchObject({ startDate: '2026-03-05' });
    expect(node('recruited')).toMatchObject({ relationship: true, startDate: '2026-02-10' });
    const edge = (source: string, target: string) =>
      graph.edges.filter((e) => e.source === ids[source] && e.target === ids[target]);
    // FtM orientation: recruiter -> Recruited -> recruited.
    expect(edge('arben', 'recruited')).toMatchObject([
      { kind: 'relationship', relationshipId: ids.recruited, label: 'recruiter' },
    ]);
    expect(edge('recruited', 'ivana')).toMatchObject([{ label: 'recruited', startDate: '2026-02-10' }]);
    expect(edge('meeting', 'jovana')).toMatchObject([{ kind: 'reference', label: 'involved' }]);
    expect(edge('phoneJ', 'phoneA')).toMatchObject([
      {
        kind: 'calls',
        calls: { count: 3, first: '2026-03-02T21:15:00Z', last: '2026-03-04T09:05:00Z', totalSeconds: 210 },
      },
    ]);
    expect(edge('phoneA', 'phoneJ')[0]?.calls?.count).toBe(1);
  });

  it('writes one consultation per person shown, with the reason', async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.identity.view'), eq(auditLog.subjectId, ids.arben!)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      operation: 'consultation',
      subjectLabel: 'Arben Krasniqi',
      justification: 'Analiza mreže, predmet KTO 7/26',
    });
    expect(rows[0]?.details).toMatchObject({ caseId: theCase.id, read: 'chart' });
    // Every person on the chart, right after the chart's own entry, in a chain that still verifies.
    const view = await t.database.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.view'), eq(auditLog.recordId, theCase.id)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const shown = await t.database.db
      .select({ seq: auditLog.seq, subjectId: auditLog.subjectId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.identity.view'), gt(auditLog.seq, view[0]!.seq)))
      .orderBy(asc(auditLog.seq));
    expect(shown.map((r) => r.seq)).toEqual([1, 2, 3].map((i) => view[0]!.seq + i));
    expect(shown.map((r) => r.subjectId).sort()).toEqual([ids.jovana, ids.arben, ids.ivana].sort());
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('shows the supervisor of the unit the network without the names', async () => {
    const answer = await as(supervisorSession, 'GET', `/api/cases/${theCase.id}/graph`);
    expect(answer.statusCode, answer.body).toBe(200);
    const persons = answer.json<CaseGraph>().nodes.filter((n) => n.schema === 'Person');
    expect(persons).toHaveLength(3);
    expect(persons.every((p) => p.withheld && p.caption === '')).toBe(true);
    expect(answer.json<CaseGraph>().allowed).not.toContain('case.edit');
  });

  it('answers not found to an officer outside the team', async () => {
    expect((await as(outsiderSession, 'GET', `/api/cases/${theCase.id}/graph`)).statusCode).toBe(404);
    expect((await as(outsiderSession, 'GET', `/api/cases/${theCase.id}/timeline`)).statusCode).toBe(404);
    expect((await as(outsiderSession, 'GET', `/api/cases/${theCase.id}/charts`)).statusCode).toBe(404);
  });

  it('expands an entity one link away, relationship entities counted as part of the link', async () => {
    const answer = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities/${ids.arben}/neighbours`);
    expect(answer.statusCode, answer.body).toBe(200);
    const shown = new Set(answer.json<CaseGraph>().nodes.map((n) => n.id));
    expect(shown).toEqual(new Set([ids.arben, ids.usesA, ids.phoneA, ids.recruited, ids.ivana]));
    const wider = await as(
      ownerSession,
      'GET',
      `/api/cases/${theCase.id}/entities/${ids.arben}/neighbours?depth=2`,
    );
    expect(wider.json<CaseGraph>().nodes.map((n) => n.id)).toContain(ids.phoneJ);
    const unknown = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities/${uuidv7()}/neighbours`);
    expect(unknown.statusCode).toBe(404);
    const tooDeep = await as(
      ownerSession,
      'GET',
      `/api/cases/${theCase.id}/entities/${ids.arben}/neighbours?depth=9`,
    );
    expect(tooDeep.statusCode).toBe(400);
  });
});

describe('timeline', () => {
  it('puts events in order and counts calls per day and per weekday and hour', async () => {
    const answer = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/timeline`);
    expect(answer.statusCode, answer.body).toBe(200);
    const timeline = answer.json<CaseTimeline>();
    expect(timeline.items.map((i) => [i.schema, i.caption, i.start])).toEqual([
      ['Event', 'Sastanak u Nišu', '2026-03-05'],
    ]);
    expect(timeline.calls).toMatchObject({
      total: 4,
      first: '2026-03-02T21:15:00Z',
      last: '2026-03-04T09:30:00Z',
      perDay: [
        { day: '2026-03-02', count: 2, seconds: 180 },
        { day: '2026-03-04', count: 2, seconds: 45 },
      ],
    });
    // 2 March 2026 is a Monday, 4 March a Wednesday.
    expect(timeline.calls.heat).toEqual([
      { weekday: 1, hour: 21, count: 1 },
      { weekday: 1, hour: 22, count: 1 },
      { weekday: 3, hour: 9, count: 2 },
    ]);
    expect(timeline.calls.pairs[0]).toMatchObject({
      callerCaption: '+381 64 111 2222',
      calleeCaption: '+383 44 333 444',
      count: 3,
    });
  });
});

describe('saved charts', () => {
  let saved: SavedChart;

  it('saves a chart with its entities, positions and view, and reads it back', async () => {
    const created = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/charts`, {
      name: 'Mreža Krasniqi',
      state: state({
        entityIds: [ids.arben!, ids.ivana!],
        positions: { [ids.arben!]: [1.5, -2], [ids.ivana!]: [0, 3] },
        path: { from: ids.arben!, to: ids.ivana! },
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    saved = created.json<SavedChart>();
    const read = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/charts/${saved.id}`);
    expect(read.json<SavedChart>().state.positions[ids.arben!]).toEqual([1.5, -2]);
    const list = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/charts`);
    expect(list.json<SavedChart[]>().map((c) => c.name)).toEqual(['Mreža Krasniqi']);
  });

  it('refuses a second chart of the same name and entities of another case', async () => {
    const twice = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/charts`, {
      name: 'mreža krasniqi',
      state: state(),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'name_taken' });
    const foreign = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/charts`, {
      name: 'Tuđi entiteti',
      state: state({ entityIds: [ids.arben!, uuidv7()] }),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'state.entityIds.1', code: 'not_found' }],
    });
    const listed = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/charts`);
    expect(listed.json<SavedChart[]>()).toHaveLength(1);
  });

  it('lets the team rename and update a chart, and not the supervisor by rank', async () => {
    const renamed = await as(ownerSession, 'PATCH', `/api/cases/${theCase.id}/charts/${saved.id}`, {
      name: 'Mreža Krasniqi, mart',
      state: state({ colourByCommunity: true }),
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<SavedChart>()).toMatchObject({
      name: 'Mreža Krasniqi, mart',
      state: { colourByCommunity: true },
    });
    const bySupervisor = await as(supervisorSession, 'PATCH', `/api/cases/${theCase.id}/charts/${saved.id}`, {
      name: 'Moja',
    });
    expect(bySupervisor.statusCode).toBe(403);
    expect((await as(supervisorSession, 'GET', `/api/cases/${theCase.id}/charts`)).statusCode).toBe(200);
  });

  it('deletes a chart only with a reason, and logs it', async () => {
    const noReason = await as(ownerSession, 'DELETE', `/api/cases/${theCase.id}/charts/${saved.id}`, {});
    expect(noReason.statusCode).toBe(400);
    const deleted = await as(ownerSession, 'DELETE', `/api/cases/${theCase.id}/charts/${saved.id}`, {
      reason: 'Zamijenjen novijim prikazom',
    });
    expect(deleted.statusCode).toBe(204);
    expect((await as(ownerSession, 'GET', `/api/cases/${theCase.id}/charts/${saved.id}`)).statusCode).toBe(
      404,
    );
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'erasure'), eq(auditLog.recordId, saved.id)));
    expect(entry).toMatchObject({ justification: 'Zamijenjen novijim prikazom', recordType: 'saved_chart' });
  });
});
