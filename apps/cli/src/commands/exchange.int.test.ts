import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, callRecords, cases, entities } from '@veza/db';
import { parseGraphML } from '@veza/graph';
import type { EntitySummary, ExportFile } from '@veza/shared';
import { createAccount, createTestApp, signIn, type TestAccount, type TestApp } from '@veza/server/testing';
import type { TestDatabase } from '@veza/server/testing';
import { callMappingFor, exportCaseFile, importCdrFile, provenanceFrom } from './exchange.files.ts';
import { importFtmFile } from './ftm.ts';

function sink() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

const TITLE = 'Operacija Jadran';
// The web app on the same database, so a file from the command line can be set beside the web's.
let t: TestApp;
let database: TestDatabase;
let dir: string;
let officer: TestAccount;

beforeAll(async () => {
  t = await createTestApp();
  database = t.database;
  officer = await createAccount(database, { roles: ['officer'], jurisdiction: 'ME' });
  dir = await mkdtemp(join(tmpdir(), 'veza-cdr-'));
  await writeFile(
    join(dir, 'jadran.ftm.json'),
    JSON.stringify({ id: 'tel-1', schema: 'Phone', properties: { number: ['+382 67 123 456'] } }) + '\n',
  );
  await writeFile(
    join(dir, 'pozivi.csv'),
    [
      'A_number,B_number,Datetime,Duration,Cell_id',
      '067 123 456,069 555 111,2026-06-01 21:10,42,PG-Centar',
      'xyz,069 555 111,2026-06-01 21:12,10,PG-Centar',
      '069 555 111,067 123 456,2026-06-02 07:45,1:30,',
    ].join('\n'),
  );
  await importFtmFile(
    database,
    { file: join(dir, 'jadran.ftm.json'), caseTitle: TITLE, email: officer.email },
    sink(),
    sink(),
  );
});
afterAll(async () => {
  await t?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('veza import cdr', () => {
  it('finds the columns by their headings', () => {
    expect(callMappingFor(['A_number', 'B_number', 'Datetime', 'Duration', 'Cell_id'])).toEqual({
      caller: 0,
      callee: 1,
      start: 2,
      duration: 3,
      cell: 4,
    });
    expect(callMappingFor(['od', 'do', 'kada', 'koliko'])).toMatchObject({
      caller: 0,
      duration: 3,
      cell: null,
    });
  });

  it('prints one JSON line, the rejected rows on stderr, and reuses the number the case knows', async () => {
    const stdout = sink();
    const stderr = sink();
    const summary = await importCdrFile(
      database,
      {
        file: join(dir, 'pozivi.csv'),
        caseTitle: TITLE,
        email: officer.email,
        provenance: provenanceFrom({ source: 'Crnogorski Telekom', evaluation: 'b2', handling: 'H0' }),
      },
      stdout,
      stderr,
    );
    expect(summary).toEqual({ imported: 2, rejected: 1, suggestions: 0 });
    expect(stdout.text()).toBe('{"imported":2,"rejected":1,"suggestions":0}\n');
    expect(stderr.text()).toBe('row 3: invalid_phone (caller: xyz)\n');
    const [theCase] = await database.db.select().from(cases).where(eq(cases.title, TITLE));
    const phones = await database.db
      .select()
      .from(entities)
      .where(and(eq(entities.caseId, theCase!.id), eq(entities.schema, 'Phone')));
    // The FtM phone "+382 67 123 456" and "067 123 456" in a Montenegrin case are one number.
    expect(phones.map((p) => p.caption).sort()).toEqual(['+382 67 123 456', '+38269555111']);
    expect(
      await database.db.select().from(callRecords).where(eq(callRecords.caseId, theCase!.id)),
    ).toHaveLength(2);
  });

  it('refuses an evaluation that is not a 4x4 grade before touching the database', () => {
    expect(() => provenanceFrom({ source: 's', evaluation: 'E5', handling: 'H0' })).toThrow(/4x4/);
  });
});

describe('veza export ftm and csv', () => {
  it('writes the calls as FtM Call entities and logs the disclosure with recipient and purpose', async () => {
    const stdout = sink();
    await exportCaseFile(
      database,
      {
        format: 'ftm',
        table: 'statements',
        caseTitle: TITLE,
        email: officer.email,
        recipient: 'PNUSKOK Zagreb',
        purpose: 'Zamolnica 45/26',
      },
      stdout,
      sink(),
    );
    const lines = stdout
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
    expect(lines.filter((l) => l.schema === 'Call').map((l) => l.properties.duration?.[0])).toEqual([
      '42',
      '90',
    ]);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'disclosure'), eq(auditLog.actorId, officer.id)));
    expect(entry).toMatchObject({ recipients: ['PNUSKOK Zagreb'], justification: 'Zamolnica 45/26' });
  });

  it('writes the call records as CSV that can be imported again', async () => {
    const stdout = sink();
    await exportCaseFile(
      database,
      {
        format: 'csv',
        table: 'calls',
        caseTitle: TITLE,
        email: officer.email,
        recipient: 'Analitika',
        purpose: 'Analiza',
      },
      stdout,
      sink(),
    );
    expect(stdout.text().split('\r\n')[1]).toBe(
      '+382 67 123 456,+38269555111,2026-06-01T19:10:00.000Z,42,PG-Centar',
    );
  });
});

describe('veza export graphml', () => {
  const LOVCEN = 'Operacija Lovćen';
  const provenance = {
    source: 'Uprava policije, službena zabilješka 112/26',
    evaluationSource: 'B',
    evaluationInfo: 2,
    kind: 'fact',
  };

  it("prints the web export's GraphML: calls counted per pair, H2 statements left out, one audit shape", async () => {
    await writeFile(
      join(dir, 'lovcen.ftm.json'),
      [
        { id: 'vuk', schema: 'Person', properties: { name: ['Vuk Perović'] } },
        { id: 'tel-a', schema: 'Phone', properties: { number: ['+382 67 200 300'] } },
        { id: 'tel-b', schema: 'Phone', properties: { number: ['+382 69 400 500'] } },
        { id: 'koristi', schema: 'UsesPhone', properties: { person: ['vuk'], phone: ['tel-a'] } },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    await writeFile(
      join(dir, 'lovcen-pozivi.csv'),
      [
        'A_number,B_number,Datetime,Duration,Cell_id',
        '067 200 300,069 400 500,2026-07-01 20:00,60,CT-Cetinje-1',
        '067 200 300,069 400 500,2026-07-02 20:05,45,CT-Cetinje-1',
        '+38267200300,069/400-500,2026-07-03 21:30,12,',
        '069 400 500,067 200 300,2026-07-03 22:00,300,BD-Budva-3',
      ].join('\n'),
    );
    await importFtmFile(
      database,
      { file: join(dir, 'lovcen.ftm.json'), caseTitle: LOVCEN, email: officer.email },
      sink(),
      sink(),
    );
    await importCdrFile(
      database,
      {
        file: join(dir, 'lovcen-pozivi.csv'),
        caseTitle: LOVCEN,
        email: officer.email,
        provenance: provenanceFrom({ source: 'Crnogorski Telekom', evaluation: 'B2', handling: 'H0' }),
      },
      sink(),
      sink(),
    );
    const [theCase] = await database.db.select().from(cases).where(eq(cases.title, LOVCEN));
    const session = await signIn(t.app, officer.email);
    const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
    const listed = (await api('GET', `/api/cases/${theCase!.id}/entities`)).json<EntitySummary[]>();
    const idOf = (caption: string) => listed.find((e) => e.caption === caption)!.id;
    const vuk = idOf('Vuk Perović');
    const phoneA = idOf('+382 67 200 300');
    const phoneB = idOf('+382 69 400 500');
    // A source protected under H2: his birth date, and a second person known only from that source.
    const birthDate = await api('POST', `/api/cases/${theCase!.id}/entities/${vuk}/statements`, {
      property: 'birthDate',
      value: '1991-03-14',
      handlingCode: 'H2',
      ...provenance,
    });
    expect(birthDate.statusCode).toBe(201);
    const milica = await api('POST', `/api/cases/${theCase!.id}/entities`, {
      schema: 'Person',
      caption: 'Milica Radović',
      statements: [{ property: 'name', value: 'Milica Radović', handlingCode: 'H2', ...provenance }],
    });
    expect(milica.statusCode).toBe(201);

    const disclosure = { recipient: 'Specijalno državno tužilaštvo, Podgorica', purpose: 'Analiza poziva' };
    const stdout = sink();
    const stderr = sink();
    await exportCaseFile(
      database,
      { format: 'graphml', table: 'statements', caseTitle: LOVCEN, email: officer.email, ...disclosure },
      stdout,
      stderr,
    );
    const web = await api('POST', `/api/cases/${theCase!.id}/exports`, { format: 'graphml', ...disclosure });
    expect(web.statusCode).toBe(200);

    const printed = parseGraphML(stdout.text());
    const downloaded = parseGraphML(web.json<ExportFile>().content);
    const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();
    expect(ids(printed.nodes)).toEqual(ids(downloaded.nodes));
    expect(ids(printed.edges)).toEqual(ids(downloaded.edges));
    expect(stdout.text()).toBe(web.json<ExportFile>().content);

    // Three calls one way (the number written three ways), one back.
    const calls = printed.edges.filter((e) => e.type === 'Call');
    expect(calls.map((e) => [e.id, e.weight]).sort()).toEqual(
      [
        [`calls:${phoneA}:${phoneB}`, 3],
        [`calls:${phoneB}:${phoneA}`, 1],
      ].sort(),
    );
    expect(printed.edges.filter((e) => e.type === 'UsesPhone').map((e) => [e.source, e.target])).toEqual([
      [vuk, phoneA],
    ]);
    const person = printed.nodes.find((n) => n.id === vuk);
    expect(person).toMatchObject({ type: 'Person', label: 'Vuk Perović' });
    expect(person?.properties?.birthDate).toBeUndefined();
    expect(printed.nodes.some((n) => n.label === 'Milica Radović')).toBe(false);
    expect(stdout.text()).not.toContain('1991-03-14');
    expect(stderr.text()).toBe('left out under H2/H3: 2 statements, 1 entities\n');

    const [fromCli, fromWeb] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'disclosure'), eq(auditLog.recordId, theCase!.id)))
      .orderBy(auditLog.seq);
    expect(fromCli).toMatchObject({
      action: 'case.disclose',
      recipients: [disclosure.recipient],
      justification: disclosure.purpose,
      details: { format: 'graphml', nodes: 3, edges: 3, withheldStatements: 2, withheldEntities: 1 },
    });
    expect(fromWeb).toMatchObject({
      action: fromCli!.action,
      recipients: fromCli!.recipients,
      justification: fromCli!.justification,
      details: fromCli!.details,
    });
  });
});
