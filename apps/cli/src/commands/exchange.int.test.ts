import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, callRecords, cases, entities } from '@veza/db';
import { upsertJurisdictions } from '@veza/server';
import { createAccount, type TestAccount } from '@veza/server/testing/app-fixture';
import { openTestDatabase, type TestDatabase } from '@veza/server/platform/testing/test-database';
import { callMappingFor, exportCaseFile, importCdrFile, provenanceFrom } from './exchange.ts';
import { importFtmFile } from './investigation.ts';

function sink() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

const TITLE = 'Operacija Jadran';
let database: TestDatabase;
let dir: string;
let officer: TestAccount;

beforeAll(async () => {
  database = await openTestDatabase();
  await upsertJurisdictions(database.db);
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
  await database?.dispose();
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
