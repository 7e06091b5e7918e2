import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import {
  callRecords,
  caseMembers,
  cases,
  entities,
  entityEdges,
  matchSuggestions,
  statements,
} from '@veza/db';
import { openTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { seedDemo } from '../../setup/seed-demo.ts';
import { RELATIONSHIP_TYPES } from '@veza/graph';
import { runAs } from '../../platform/run-as.ts';
import { drugsTraffickingLinks } from '../linkage/index.ts';
import { twoHop } from '../entities/index.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database, { password: 'demo password for tests' });
});
afterAll(async () => {
  await database?.dispose();
});

describe('demo investigations', () => {
  it('opens a Serbian drugs case, a Montenegrin trafficking case and a Macedonian border case', async () => {
    const rows = await database.db.select().from(cases).orderBy(cases.jurisdictionCode);
    expect(rows.map((c) => [c.jurisdictionCode, c.type, c.handlingCode]).sort()).toEqual([
      ['ME', 'trafficking', 'H0'],
      ['MK', 'migrant_smuggling', 'H2'],
      ['RS', 'drug_trafficking', 'H1'],
      ['RS', 'trafficking', 'H0'],
      ['XK', 'trafficking', 'H1'],
    ]);
  });

  it('suggests the courier across the border, Cyrillic against Latin', async () => {
    const suggestions = await database.db.select().from(matchSuggestions);
    const persons = new Map(
      (await database.db.select().from(entities).where(eq(entities.schema, 'Person'))).map((e) => [e.id, e]),
    );
    const between = suggestions.filter((s) => persons.has(s.entityA));
    expect(between.map((s) => [persons.get(s.entityA)?.caption, persons.get(s.entityB)?.caption])).toEqual([
      ['Ђорђе Ђорђевић', 'Djordje Djordjevic'],
    ]);
    const [theirCase] = await database.db
      .select({ title: cases.title })
      .from(entities)
      .innerJoin(cases, eq(cases.id, entities.caseId))
      .where(eq(entities.id, between[0]?.entityB ?? ''));
    expect(theirCase?.title).toBe('Табановце');
  });
});

async function caseNamed(title: string) {
  const [row] = await database.db.select().from(cases).where(eq(cases.title, title));
  if (!row) throw new Error(`no case ${title}`);
  return row;
}

async function entityOf(caseId: string, caption: string) {
  const [row] = await database.db
    .select()
    .from(entities)
    .where(and(eq(entities.caseId, caseId), eq(entities.caption, caption)));
  if (!row) throw new Error(`no entity ${caption}`);
  return row;
}

describe('the demo network', () => {
  it('shows the Serbian trafficking officer that a drug case of another unit has her phone and car', async () => {
    const drugs = await caseNamed('Operacija Sever');
    const links = await runAs(database, 'officer.rs@demo.veza.example', (ctx, tx) =>
      drugsTraffickingLinks(tx, ctx),
    );
    const withSever = links.filter(
      (l) => l.drugs.caseReference === drugs.reference && l.trafficking.caption !== null,
    );
    expect(withSever.map((l) => [l.kind, l.trafficking.caption]).sort()).toEqual(
      expect.arrayContaining([
        ['phone', '064/123-45-67'],
        ['vehicle', 'VW Golf BG 123 AB'],
      ]),
    );
    // The drug case stays closed to her: unit and reference, no caption.
    expect(withSever.every((l) => l.drugs.caption === null && l.drugs.caseId === null)).toBe(true);
  });

  it('keeps the Serbian drugs and trafficking cases in two units with no one on both teams', async () => {
    const drugs = await caseNamed('Operacija Sever');
    const trafficking = await caseNamed('Операција Бисер');
    expect(drugs.owningUnitId).not.toBe(trafficking.owningUnitId);
    const team = async (caseId: string) =>
      (await database.db.select().from(caseMembers).where(eq(caseMembers.caseId, caseId))).map(
        (m) => m.userId,
      );
    const other = await team(trafficking.id);
    expect((await team(drugs.id)).filter((u) => other.includes(u))).toEqual([]);
  });

  it('has an edge for every relationship entity of every demo case whose ends are in the case', async () => {
    const all = await database.db.select().from(entities);
    const inCase = new Set(all.map((e) => `${e.caseId}|${e.id}`));
    const said = await database.db.select().from(statements);
    const edges = await database.db.select().from(entityEdges);
    const relationships = all.filter((e) => RELATIONSHIP_TYPES[e.schema]);
    expect(relationships.length).toBeGreaterThanOrEqual(40);
    for (const r of relationships) {
      const ends = RELATIONSHIP_TYPES[r.schema]!;
      const end = (property: string) =>
        said.find(
          (s) => s.entityId === r.id && s.property === property && inCase.has(`${r.caseId}|${s.value}`),
        );
      const [source, target] = [end(ends.source), end(ends.target)];
      if (!source || !target) continue;
      expect(
        edges.filter((e) => e.relationshipId === r.id).map((e) => [e.sourceId, e.targetId]),
        `${r.schema} ${r.caption}`,
      ).toEqual([[source.value, target.value]]);
    }
  });

  it('captions every demo relationship by the captions of its ends, not by a word of one language', async () => {
    const all = await database.db.select().from(entities);
    const captionOf = new Map(all.map((e) => [e.id, e.caption]));
    const said = await database.db.select().from(statements);
    const relationships = all.filter((e) => RELATIONSHIP_TYPES[e.schema]);
    for (const r of relationships) {
      const ends = RELATIONSHIP_TYPES[r.schema]!;
      const first = (property: string) =>
        captionOf.get(said.find((s) => s.entityId === r.id && s.property === property)?.value ?? '');
      expect(r.caption, r.schema).toBe(`${first(ends.source)} → ${first(ends.target)}`);
    }
  });

  it('has an edge for every relationship entity and for the references of the trip', async () => {
    const transport = await caseNamed('Табановце');
    const edges = await database.db.select().from(entityEdges).where(eq(entityEdges.caseId, transport.id));
    const relationships = await database.db
      .select()
      .from(entities)
      .where(and(eq(entities.caseId, transport.id), inArray(entities.schema, ['Drives', 'Transported'])));
    for (const r of relationships) expect(edges.map((e) => e.relationshipId)).toContain(r.id);
    const trip = await entityOf(transport.id, 'Скопје – ГП Табановце');
    expect(
      edges
        .filter((e) => e.sourceId === trip.id)
        .map((e) => e.label)
        .sort(),
    ).toEqual(['endLocation', 'involved', 'involved', 'involved', 'organizer', 'startLocation', 'vehicle']);
  });

  it('answers who is two steps from the phone the Kosovo recruiter uses', async () => {
    const recruitment = await caseNamed('Ofertat e punës');
    const phone = await entityOf(recruitment.id, '+383 44 512 377');
    const found = await twoHop(database.db, phone.id);
    const at = (hops: number) =>
      found.nodes
        .filter((n) => n.hops === hops)
        .map((n) => n.caption)
        .sort();
    expect(at(1)).toEqual(['Gjergj Leka']);
    expect(at(2)).toEqual(
      expect.arrayContaining(['Fatmir Rexhepi', 'Intervistë pune për kamariere në Serbi', 'Valbona Qerimi']),
    );
  });

  it('loads the call records of three cases between phones of the same case', async () => {
    const rows = await database.db
      .select({
        caseId: callRecords.caseId,
        caller: callRecords.callerEntityId,
        callee: callRecords.calleeEntityId,
      })
      .from(callRecords);
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.caseId)).size).toBe(3);
    const phones = new Map(
      (
        await database.db
          .select({ id: entities.id, caseId: entities.caseId })
          .from(entities)
          .where(eq(entities.schema, 'Phone'))
      ).map((p) => [p.id, p.caseId]),
    );
    for (const r of rows) {
      expect(phones.get(r.caller)).toBe(r.caseId);
      expect(phones.get(r.callee)).toBe(r.caseId);
    }
  });

  it('places addresses on the map', async () => {
    const latitudes = await database.db
      .select({ value: statements.value })
      .from(statements)
      .where(eq(statements.property, 'latitude'));
    expect(latitudes.length).toBeGreaterThanOrEqual(6);
  });
});
