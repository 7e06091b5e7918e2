import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, cases, matchSuggestions, openDatabase } from '@veza/db';
import { parseGraphML } from '@veza/graph';
import { upsertJurisdictions } from '@veza/server';
import { createAccount, type TestAccount } from '@veza/server/testing';
import { openTestDatabase, type TestDatabase } from '@veza/server/testing';
import { exportCaseFile } from './exchange.files.ts';
import { NOT_STATED } from './exchange.ts';
import { importFtmFile, type Output } from './ftm.ts';

const line = (id: string, schema: string, properties: Record<string, string[]>) =>
  JSON.stringify({ id, schema, properties });

const SERBIAN_FILE = [
  line('p1', 'Person', { name: ['Ђорђе Ђорђевић'], birthDate: ['1987-04-12'] }),
  line('ph1', 'Phone', { number: ['+381 64 123 4567'] }),
  '{"id": "broken", "schema": ',
  line('u1', 'UsesPhone', { person: ['p1'], phone: ['ph1'] }),
  line('u2', 'UsesPhone', { person: ['p1'], phone: ['nowhere'] }),
  '',
].join('\n');

const MACEDONIAN_FILE = [
  line('a', 'Person', { name: ['Djordje Djordjevic'], birthDate: ['1987-04-12'] }),
  line('b', 'Person', { name: ['Bujar Ramadani'] }),
].join('\n');

/** `veza export graphml --case TITLE --as EMAIL`, with no recipient or purpose: what the flags default to. */
const exportGraphML = (options: { caseTitle: string; email: string }, stdout: Output) =>
  exportCaseFile(
    database,
    { format: 'graphml', table: 'statements', ...options, recipient: NOT_STATED, purpose: NOT_STATED },
    stdout,
    sink(),
  );

function sink() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

let database: TestDatabase;
let dir: string;
let officer: TestAccount;

beforeAll(async () => {
  database = await openTestDatabase();
  await upsertJurisdictions(database.db);
  officer = await createAccount(database, { roles: ['officer'], jurisdiction: 'RS' });
  dir = await mkdtemp(join(tmpdir(), 'veza-ftm-'));
  await writeFile(join(dir, 'sever.ftm.json'), SERBIAN_FILE);
  await writeFile(join(dir, 'granica.ftm.json'), MACEDONIAN_FILE);
});
afterAll(async () => {
  await database?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('veza import ftm', () => {
  it('imports the good lines in one go and reports each bad one with its number', async () => {
    const stdout = sink();
    const stderr = sink();
    const summary = await importFtmFile(
      database,
      { file: join(dir, 'sever.ftm.json'), caseTitle: 'Operacija Sever', email: officer.email },
      stdout,
      stderr,
    );
    expect(summary).toEqual({ imported: 3, rejected: 2, suggestions: 0 });
    expect(stdout.text()).toBe('{"imported":3,"rejected":2,"suggestions":0}\n');
    expect(stderr.text()).toMatch(
      /^line 3: not valid JSON.*\nline 5: phone names "nowhere", which is not in the file or the case\n$/,
    );
    const [opened] = await database.db.select().from(cases).where(eq(cases.title, 'Operacija Sever'));
    expect(opened).toMatchObject({ owningUnitId: officer.unitId, jurisdictionCode: 'RS' });
  });

  it('suggests the person written in Cyrillic in one case and Latin in another', async () => {
    const summary = await importFtmFile(
      database,
      { file: join(dir, 'granica.ftm.json'), caseTitle: 'Tabanovce', email: officer.email },
      sink(),
      sink(),
    );
    expect(summary).toEqual({ imported: 2, rejected: 0, suggestions: 1 });
    const [suggestion] = await database.db.select().from(matchSuggestions);
    expect(suggestion?.status).toBe('pending');
    expect(suggestion?.score).toBeGreaterThanOrEqual(600);
  });

  it('refuses a user who does not exist, importing nothing', async () => {
    await expect(
      importFtmFile(
        database,
        { file: join(dir, 'granica.ftm.json'), caseTitle: 'Tabanovce', email: 'nobody@veza.test' },
        sink(),
        sink(),
      ),
    ).rejects.toThrow(/no active user/);
  });
});

describe('veza export graphml', () => {
  it("writes the case's graph with entity ids, types and captions, audited as a disclosure", async () => {
    const stdout = sink();
    await exportGraphML({ caseTitle: 'Operacija Sever', email: officer.email }, stdout);
    const graph = parseGraphML(stdout.text());
    expect(graph.nodes.map((n) => [n.type, n.label]).sort()).toEqual([
      ['Person', 'Ђорђе Ђорђевић'],
      ['Phone', '+381 64 123 4567'],
    ]);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]?.type).toBe('UsesPhone');
    const again = sink();
    await exportGraphML({ caseTitle: 'Operacija Sever', email: officer.email }, again);
    expect(again.text()).toBe(stdout.text());
    const disclosures = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'disclosure'), eq(auditLog.actorId, officer.id)));
    expect(disclosures).toHaveLength(2);
    // Nothing stated is logged as nothing stated, in the shape every export's entry has.
    expect(disclosures[0]).toMatchObject({
      action: 'case.disclose',
      recipients: [NOT_STATED],
      justification: NOT_STATED,
      details: { format: 'graphml', nodes: 2, edges: 1, withheldStatements: 0, withheldEntities: 0 },
    });
  });

  it('refuses an H2 case with the reason, and logs the refusal', async () => {
    await database.db.update(cases).set({ handlingCode: 'H2' }).where(eq(cases.title, 'Tabanovce'));
    const stdout = sink();
    await expect(exportGraphML({ caseTitle: 'Tabanovce', email: officer.email }, stdout)).rejects.toThrow(
      /H2: it may not be passed on without the permission of the provider/,
    );
    expect(stdout.text()).toBe('');
    const denials = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'denial'), eq(auditLog.action, 'case.disclose')));
    expect(denials).toHaveLength(1);
  });

  it('answers as if a case outside the team did not exist', async () => {
    const outsider = await createAccount(database, { roles: ['officer'], jurisdiction: 'RS' });
    await expect(
      exportGraphML({ caseTitle: 'Operacija Sever', email: outsider.email }, sink()),
    ).rejects.toThrow(/no case titled "Operacija Sever"/);
  });
});

describe.skipIf(Boolean(process.env['TEST_DATABASE_URL']))('the veza command', () => {
  it('prints one JSON line for an import, then the GraphML alone for `export graphml --case --as`', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'veza-cli-'));
    try {
      const own = await openDatabase({ dataDir: join(dataDir, 'pglite') });
      await own.migrate();
      await upsertJurisdictions(own.db);
      const user = await createAccount(own, { roles: ['officer'], jurisdiction: 'RS' });
      await own.close();
      const bin = fileURLToPath(new URL('../../bin/veza.js', import.meta.url));
      // The embedded database in dataDir, whatever the developer's shell says.
      const env: NodeJS.ProcessEnv = { ...process.env, VEZA_DATA_DIR: dataDir, VEZA_ENV: 'demo' };
      delete env['DATABASE_URL'];
      const veza = (...args: string[]) => promisify(execFile)('node', [bin, ...args], { env });
      const imported = await veza(
        'import',
        'ftm',
        join(dir, 'sever.ftm.json'),
        '--case',
        'Sever',
        '--as',
        user.email,
      );
      expect(imported.stdout).toBe('{"imported":3,"rejected":2,"suggestions":0}\n');
      expect(imported.stderr).toMatch(/^line 3: .*\nline 5: .*\n$/);
      const exported = await veza('export', 'graphml', '--case', 'Sever', '--as', user.email);
      const graph = parseGraphML(exported.stdout);
      expect(graph.nodes.map((n) => n.label).sort()).toEqual(['+381 64 123 4567', 'Ђорђе Ђорђевић']);
      expect(graph.edges.map((e) => e.type)).toEqual(['UsesPhone']);
      expect(exported.stderr).toBe('');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
