import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { cases, entities, matchSuggestions } from '@veza/db';
import { openTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { seedDemo } from '../../setup/seed-demo.ts';

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
    expect(rows.map((c) => [c.jurisdictionCode, c.type, c.handlingCode])).toEqual([
      ['ME', 'trafficking', 'H0'],
      ['MK', 'migrant_smuggling', 'H2'],
      ['RS', 'drug_trafficking', 'H1'],
    ]);
  });

  it('suggests the courier across the border, Cyrillic against Latin', async () => {
    const suggestions = await database.db.select().from(matchSuggestions);
    expect(suggestions.length).toBeGreaterThanOrEqual(1);
    const ids = suggestions.flatMap((s) => [s.entityA, s.entityB]);
    const named = await database.db
      .select({ caption: entities.caption })
      .from(entities)
      .where(inArray(entities.id, ids));
    expect(named.map((e) => e.caption).sort()).toEqual(['Djordje Djordjevic', 'Ђорђе Ђорђевић']);
    const [first] = suggestions;
    const [theirCase] = await database.db
      .select({ title: cases.title })
      .from(entities)
      .innerJoin(cases, eq(cases.id, entities.caseId))
      .where(eq(entities.id, first?.entityB ?? ''));
    expect(theirCase?.title).toBe('Табановце');
  });
});
