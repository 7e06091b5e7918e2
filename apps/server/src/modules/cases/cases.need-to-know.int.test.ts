import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import {
  caseImports,
  caseJoinRequests,
  caseMembers,
  cases,
  entities,
  linkageHits,
  savedCharts,
  statements,
} from '@veza/db';
import { DEMO_CASES } from '@veza/demo';
import { seedDemo } from '../../setup/seed-demo.ts';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';

/**
 * Need to know, walked the way an outsider would probe it: the supervisor of the unit that owns a
 * case sees the case by rank, but who its persons are is for the case team only. Every route of the
 * API that is scoped to a case (taken from the OpenAPI document, so a new route is walked without
 * anyone remembering to add it) is called with every id the case has, and no answer may carry a
 * person's name: not as a caption, not inside a relationship's label, not in a statement, not in a
 * neighbourhood or a chart.
 */

const NAME_PROPERTIES = new Set([
  'name',
  'firstName',
  'lastName',
  'middleName',
  'fatherName',
  'motherName',
  'secondName',
  'alias',
  'weakAlias',
  'previousName',
]);

interface Walked {
  method: string;
  url: string;
  status: number;
  body: string;
}

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database, { password: 'demo password for need-to-know tests' });
}, 300_000);
afterAll(async () => {
  await t?.dispose();
});

/** Names of every person of the case, whole and by their longer parts, lower-cased. */
async function personNames(caseId: string): Promise<string[]> {
  const persons = (
    await t.database.db
      .select({ id: entities.id, schema: entities.schema, caption: entities.caption })
      .from(entities)
      .where(eq(entities.caseId, caseId))
  ).filter((e) => e.schema === 'Person');
  const names = new Set(persons.map((p) => p.caption));
  if (persons.length > 0) {
    const said = await t.database.db
      .select({ property: statements.property, value: statements.value })
      .from(statements)
      .where(
        inArray(
          statements.entityId,
          persons.map((p) => p.id),
        ),
      );
    for (const s of said) if (NAME_PROPERTIES.has(s.property)) names.add(s.value);
  }
  const parts = new Set<string>();
  for (const name of names) {
    parts.add(name.toLowerCase());
    for (const part of name.split(/[\s,.'’()-]+/u)) if (part.length >= 4) parts.add(part.toLowerCase());
  }
  return [...parts];
}

/** Every value each path parameter can take in this case. */
async function parameterValues(caseId: string): Promise<Record<string, string[]>> {
  const db = t.database.db;
  const entityIds = (
    await db.select({ id: entities.id }).from(entities).where(eq(entities.caseId, caseId))
  ).map((e) => e.id);
  const statementIds =
    entityIds.length === 0
      ? []
      : (
          await db
            .select({ id: statements.id })
            .from(statements)
            .where(inArray(statements.entityId, entityIds))
            .limit(40)
        ).map((s) => s.id);
  return {
    caseId: [caseId],
    entityId: entityIds,
    statementId: statementIds.slice(0, 3),
    userId: (
      await db.select({ id: caseMembers.userId }).from(caseMembers).where(eq(caseMembers.caseId, caseId))
    ).map((m) => m.id),
    chartId: (
      await db.select({ id: savedCharts.id }).from(savedCharts).where(eq(savedCharts.caseId, caseId))
    ).map((c) => c.id),
    importId: (
      await db.select({ id: caseImports.id }).from(caseImports).where(eq(caseImports.caseId, caseId))
    ).map((i) => i.id),
    requestId: (
      await db
        .select({ id: caseJoinRequests.id })
        .from(caseJoinRequests)
        .where(eq(caseJoinRequests.caseId, caseId))
    ).map((r) => r.id),
  };
}

/** Each path with its parameters filled in every way the case allows (at least one way each). */
function expand(path: string, values: Record<string, string[]>): string[] {
  let urls = [path];
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    if (!name) continue;
    const options = values[name];
    if (!options) throw new Error(`The walk has no values for {${name}} in ${path}: teach it this parameter`);
    const choices = options.length > 0 ? options : ['00000000-0000-7000-8000-000000000000'];
    urls = urls.flatMap((url) => choices.map((value) => url.replace(`{${name}}`, value)));
  }
  return urls;
}

let paths: Record<string, Record<string, unknown>> | undefined;
async function openapiPaths(): Promise<Record<string, Record<string, unknown>>> {
  paths ??= (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>().paths;
  return paths;
}

/** The leaked name with what stands around it in the answer, so a failure says where to look. */
function around(body: string, name: string): string {
  const at = body.toLowerCase().indexOf(name);
  return `"${name}" in …${body.slice(Math.max(0, at - 80), at + name.length + 40)}…`;
}

async function walkCase(caseId: string, who: Signed, paths: Record<string, Record<string, unknown>>) {
  const values = await parameterValues(caseId);
  const walked: Walked[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    if (!path.startsWith('/api/cases/{caseId}')) continue;
    for (const method of Object.keys(operations)) {
      for (const url of expand(path, values)) {
        const answer = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          headers: who.headers,
          ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
        });
        walked.push({ method, url, status: answer.statusCode, body: answer.body });
      }
    }
  }
  return walked;
}

describe('a supervisor outside the case team', () => {
  it('finds the case routes to walk in the OpenAPI document', async () => {
    const caseRoutes = Object.keys(await openapiPaths()).filter((p) => p.startsWith('/api/cases/{caseId}'));
    expect(caseRoutes.length).toBeGreaterThan(15);
  });

  // One demo case a test: each walks every case route with every id of its case.
  it.each(DEMO_CASES.map((c) => c.title))(
    'reads no person of "%s" by name on any case route',
    async (title) => {
      const [theCase] = await t.database.db.select().from(cases).where(eq(cases.title, title));
      if (!theCase) throw new Error(`no demo case "${title}"`);
      const names = await personNames(theCase.id);
      expect(names.length).toBeGreaterThan(0);
      const supervisor = await createAccount(t.database, {
        roles: ['supervisor'],
        unitId: theCase.owningUnitId,
      });
      const session = await signIn(t.app, supervisor.email);
      // A reason given for the whole session: a justification must not open what need to know closes.
      await t.app.inject({
        method: 'POST',
        url: '/api/me/justifications',
        headers: session.headers,
        payload: { scope: 'session', text: 'Pregled rada jedinice' },
      });
      const caseAnswer = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${theCase.id}`,
        headers: session.headers,
      });
      // The supervisor sees the case by rank: the walk reaches answers with content.
      expect(caseAnswer.statusCode).toBe(200);
      const leaks: string[] = [];
      let answered = 0;
      for (const call of await walkCase(theCase.id, session, await openapiPaths())) {
        if (call.status < 300) answered += 1;
        const body = call.body.toLowerCase();
        const found = names.find((name) => body.includes(name));
        if (found)
          leaks.push(
            `${call.method.toUpperCase()} ${call.url} (${call.status}): ${around(call.body, found)}`,
          );
      }
      expect(answered).toBeGreaterThan(5);
      expect(leaks).toEqual([]);
    },
  );

  it('reads no person by name in the hits and linkage lists', async () => {
    const hitIds = (await t.database.db.select({ id: linkageHits.id }).from(linkageHits)).map((h) => h.id);
    const demoCases = await t.database.db.select().from(cases);
    const leaks: string[] = [];
    for (const theCase of demoCases) {
      const names = await personNames(theCase.id);
      if (names.length === 0) continue;
      const supervisor = await createAccount(t.database, {
        roles: ['supervisor'],
        unitId: theCase.owningUnitId,
      });
      const session = await signIn(t.app, supervisor.email);
      const urls = [
        '/api/linkage/hits',
        '/api/linkage/drugs-trafficking',
        '/api/notifications',
        ...hitIds.map((id) => `/api/linkage/hits/${id}/details`),
      ];
      for (const url of urls) {
        const answer = await t.app.inject({ method: 'GET', url, headers: session.headers });
        const body = answer.body.toLowerCase();
        const found = names.find((name) => body.includes(name));
        if (found) leaks.push(`GET ${url} (${answer.statusCode}): ${around(answer.body, found)}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
