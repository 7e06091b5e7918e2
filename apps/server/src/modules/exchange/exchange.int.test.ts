import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import writeXlsxFile from 'write-excel-file/node';
import { auditLog, callRecords, caseImports, entities, statements } from '@veza/db';
import { parseGraphML } from '@veza/graph';
import type { Case, CaseImport, EntitySummary, ExportFile, ImportPreview } from '@veza/shared';
import { actorOf, findAccountByEmail } from '../../platform/auth/account.repository.ts';
import { systemContext } from '../../platform/context.ts';
import { runUseCase } from '../../platform/run-use-case.ts';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';
import { pdfText } from '../../platform/pdf/pdf-text.testing.ts';
import { openImport, runInBackground } from './exchange.import.service.ts';
import { insertCallRecords } from './exchange.repository.ts';
import { v7 as uuidv7 } from 'uuid';

let t: TestApp;
let owner: TestAccount;
let ownerSession: Signed;
let outsiderSession: Signed;
let theCase: Case;

const as = (who: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

// Serbian operator export: semicolons, local times, numbers written three ways, four bad rows.
const CALLS_CSV = [
  'Pozivalac;Pozvani;Vreme;Trajanje;Ćelija',
  '+381 64 123 4567;065/987-6543;01.03.2026 10:15:00;125;BG-Vračar-2',
  '064 1234567;+381659876543;2026-03-01 11:00;0:45;BG-Vračar-2',
  '00381651112233;064/123-4567;2026-03-02T08:30:00+01:00;300;',
  'nije broj;064/123-4567;2026-03-02 09:00;10;NS-1',
  '064/123-4567;065/987-6543;32.03.2026 10:00;10;NS-1',
  '064/123-4567;065/987-6543;2026-03-03 10:00;;NS-1',
  '064/123-4567;065/987-6543;2026-03-03 10:00;dugo;NS-1',
  '',
].join('\n');

const provenance = {
  source: 'Telekom Srbija, naredba suda Kpp 12/26',
  evaluationSource: 'B',
  evaluationInfo: 2,
  handlingCode: 'H0',
  kind: 'fact',
};
const callMapping = { caller: 0, callee: 1, start: 2, duration: 3, cell: 4 };

async function finished(importId: string): Promise<CaseImport> {
  for (let i = 0; i < 200; i++) {
    const polled = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/imports/${importId}`);
    expect(polled.statusCode).toBe(200);
    const body = polled.json<CaseImport>();
    if (body.status !== 'running') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

async function phonesOfCase(): Promise<EntitySummary[]> {
  const listed = await as(ownerSession, 'GET', `/api/cases/${theCase.id}/entities`);
  return listed.json<EntitySummary[]>().filter((e) => e.schema === 'Phone');
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  const outsider = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  ownerSession = await signIn(t.app, owner.email);
  outsiderSession = await signIn(t.app, outsider.email);
  const created = await as(ownerSession, 'POST', '/api/cases', {
    title: 'Operacija Telefon',
    type: 'trafficking',
    handlingCode: 'H1',
  });
  theCase = created.json<Case>();
});
afterAll(async () => {
  await t?.dispose();
});

describe('import of call-detail records', () => {
  it('shows the headings and first rows of a semicolon CSV for the mapping screen', async () => {
    const preview = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/imports/preview`, {
      fileName: 'pozivi.csv',
      content: base64(CALLS_CSV),
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json<ImportPreview>();
    expect(body.fileType).toBe('csv');
    expect(body.headers).toEqual(['Pozivalac', 'Pozvani', 'Vreme', 'Trajanje', 'Ćelija']);
    expect(body.sample[0]).toEqual([
      '+381 64 123 4567',
      '065/987-6543',
      '01.03.2026 10:15:00',
      '125',
      'BG-Vračar-2',
    ]);
    expect(body.rows).toBe(7);
  });

  it('imports the good rows, one Phone per number however written, and reports each bad row', async () => {
    const started = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/imports`, {
      fileName: 'pozivi.csv',
      content: base64(CALLS_CSV),
      target: 'calls',
      calls: callMapping,
      provenance,
    });
    expect(started.statusCode).toBe(202);
    const done = await finished(started.json<CaseImport>().id);
    expect(done).toMatchObject({ status: 'done', format: 'cdr', imported: 3, rejected: 4, total: 7 });
    expect(done.rejections).toEqual([
      { row: 5, reason: 'invalid_phone', field: 'caller', value: 'nije broj' },
      { row: 6, reason: 'invalid_date', field: 'start', value: '32.03.2026 10:00' },
      { row: 7, reason: 'missing_value', field: 'duration' },
      { row: 8, reason: 'invalid_duration', field: 'duration', value: 'dugo' },
    ]);
    const phones = await phonesOfCase();
    expect(phones.map((p) => p.caption).sort()).toEqual(['+381641234567', '+381651112233', '+381659876543']);
    const calls = await t.database.db.select().from(callRecords).where(eq(callRecords.caseId, theCase.id));
    expect(calls).toHaveLength(3);
    const first = calls.find((c) => c.durationSeconds === 125)!;
    // 10:15 in Belgrade on 1 March is 09:15 UTC; "0:45" is 45 seconds.
    expect(first.startedAt.toISOString()).toBe('2026-03-01T09:15:00.000Z');
    expect(first.cell).toBe('BG-Vračar-2');
    expect(calls.some((c) => c.durationSeconds === 45)).toBe(true);
  });

  it('reuses the numbers a second file names again', async () => {
    const started = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/imports`, {
      fileName: 'pozivi-2.csv',
      content: base64('a,b,start,secs\n0641234567,+38163555444,2026-04-01 12:00,60\n'),
      calls: { caller: 0, callee: 1, start: 2, duration: 3, cell: null },
      provenance,
    });
    expect((await finished(started.json<CaseImport>().id)).imported).toBe(1);
    expect((await phonesOfCase()).map((p) => p.caption).sort()).toEqual([
      '+38163555444',
      '+381641234567',
      '+381651112233',
      '+381659876543',
    ]);
  });

  it('refuses a mapping that names a column the file does not have, storing nothing', async () => {
    const before = await t.database.db.select().from(caseImports).where(eq(caseImports.caseId, theCase.id));
    const refused = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/imports`, {
      fileName: 'pozivi.csv',
      content: base64(CALLS_CSV),
      calls: { ...callMapping, cell: 9 },
      provenance,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('calls.cell');
    const after = await t.database.db.select().from(caseImports).where(eq(caseImports.caseId, theCase.id));
    expect(after).toHaveLength(before.length);
  });

  it('leaves nothing behind when an import fails, and says so on its record', async () => {
    const account = await findAccountByEmail(t.database.db, owner.email);
    const ctx = systemContext(actorOf(account!));
    const opened = await runUseCase(t.database.db, ctx, (c, tx) =>
      openImport(tx, c, theCase.id, {
        fileName: 'prekinuto.csv',
        content: base64('caller,callee,start,duration\n+38164000111,+38164000222,2026-05-01 10:00,5\n'),
        target: 'calls',
        calls: { caller: 0, callee: 1, start: 2, duration: 3, cell: null },
        provenance: {
          ...provenance,
          kind: 'fact',
          evaluationSource: 'B',
          evaluationInfo: 2,
          handlingCode: 'H0',
        },
      }),
    );
    // By the time the rows go in the owner has left the case: the import may not write anything.
    const stranger = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
    const strangerCtx = systemContext(actorOf((await findAccountByEmail(t.database.db, stranger.email))!));
    await runInBackground(t.database.db, strangerCtx, opened.job, opened.row);
    const record = await finished(opened.job.importId);
    expect(record).toMatchObject({ status: 'failed', failure: 'not_found', imported: 0 });
    const written = await t.database.db
      .select()
      .from(callRecords)
      .where(eq(callRecords.importId, opened.job.importId));
    expect(written).toHaveLength(0);
  });

  it('refuses call records naming a number that is not an entity of the case, storing none of them', async () => {
    // Another case's Phone: it exists, but not in this case (the foreign key alone would let it pass).
    const other = await as(ownerSession, 'POST', '/api/cases', {
      title: 'Operacija Drugi broj',
      type: 'drug_trafficking',
      handlingCode: 'H0',
    });
    const otherPhone = await as(ownerSession, 'POST', `/api/cases/${other.json<Case>().id}/entities`, {
      schema: 'Phone',
      caption: '+381 63 777 8899',
      statements: [{ property: 'number', value: '+381 63 777 8899', ...provenance }],
    });
    expect(otherPhone.statusCode).toBe(201);
    const [ownPhone] = await phonesOfCase();
    const importId = uuidv7();
    const call = (callee: string) => ({
      id: uuidv7(),
      callerEntityId: ownPhone!.id,
      calleeEntityId: callee,
      startedAt: Date.UTC(2026, 5, 1, 10),
      durationSeconds: 30,
      cell: null,
    });
    for (const callee of [uuidv7(), otherPhone.json<EntitySummary>().id]) {
      const attempt = t.database.db.transaction((tx) =>
        insertCallRecords(tx, theCase.id, importId, [call(ownPhone!.id), call(callee)]),
      );
      await expect(attempt).rejects.toThrow();
    }
    const written = await t.database.db.select().from(callRecords).where(eq(callRecords.importId, importId));
    expect(written).toHaveLength(0);
  });

  it('says a damaged spreadsheet cannot be read', async () => {
    const refused = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/imports/preview`, {
      fileName: 'pozivi.xlsx',
      content: base64(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('oštećeno')])),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ code: string }>().code).toBe('unreadable_file');
  });

  it('answers "not found" to someone outside the case team', async () => {
    const preview = await as(outsiderSession, 'POST', `/api/cases/${theCase.id}/imports/preview`, {
      fileName: 'pozivi.csv',
      content: base64(CALLS_CSV),
    });
    expect(preview.statusCode).toBe(404);
    const list = await as(outsiderSession, 'GET', `/api/cases/${theCase.id}/imports`);
    expect(list.statusCode).toBe(404);
  });
});

describe('import of entities from a spreadsheet', () => {
  it('makes a Person, reuses the known Phone and ties them with UsesPhone, with the chosen evaluation', async () => {
    const workbook = await writeXlsxFile([
      [{ value: 'Ime i prezime' }, { value: 'Telefon' }, { value: 'Tablice' }],
      [{ value: 'Јована Петровић' }, { value: '064/123-4567' }, { value: 'BG 123-AB' }],
      [{ value: 'Arben Krasniqi' }, { value: 'broj?' }, { value: '' }],
    ]).toBuffer();
    const started = await as(ownerSession, 'POST', `/api/cases/${theCase.id}/imports`, {
      fileName: 'osobe.xlsx',
      content: base64(workbook),
      target: 'entities',
      entities: [
        { column: 0, schema: 'Person', property: 'name' },
        { column: 1, schema: 'Phone', property: 'number' },
        { column: 2, schema: 'Vehicle', property: 'registrationNumber' },
      ],
      provenance: { ...provenance, evaluationSource: 'C', evaluationInfo: 3, handlingCode: 'H2' },
    });
    expect(started.statusCode).toBe(202);
    const done = await finished(started.json<CaseImport>().id);
    expect(done).toMatchObject({ status: 'done', format: 'xlsx', rejected: 1 });
    expect(done.rejections[0]).toMatchObject({ row: 3, reason: 'invalid_phone', field: 'Phone.number' });
    const rows = await t.database.db.select().from(entities).where(eq(entities.caseId, theCase.id));
    const person = rows.find((e) => e.caption === 'Јована Петровић');
    expect(person).toBeDefined();
    expect(rows.filter((e) => e.schema === 'Phone' && e.caption === '+381641234567')).toHaveLength(1);
    expect(rows.filter((e) => e.schema === 'UsesPhone')).toHaveLength(1);
    expect(rows.filter((e) => e.schema === 'Drives')).toHaveLength(1);
    const [name] = await t.database.db.select().from(statements).where(eq(statements.entityId, person!.id));
    expect(name).toMatchObject({
      property: 'name',
      evaluationSource: 'C',
      evaluationInfo: 3,
      handlingCode: 'H2',
    });
  });
});

describe('exports', () => {
  const exportAs = (who: Signed, body: object) => as(who, 'POST', `/api/cases/${theCase.id}/exports`, body);

  it('writes FtM lines without H2 statements, marks H1 as not for court, and logs the disclosure', async () => {
    const exported = await exportAs(ownerSession, {
      format: 'ftm',
      recipient: 'MUP Crne Gore, Uprava policije',
      purpose: 'Zajednička istraga JIT-2026-04',
    });
    expect(exported.statusCode).toBe(200);
    const file = exported.json<ExportFile>();
    expect(file.notForCourt).toBe(true);
    expect(file.fileName).toMatch(/-H1-not-for-court\.ftm\.jsonl$/);
    const lines = file.content
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string;
            schema: string;
            properties: Record<string, string[]>;
            caveat?: string;
          },
      );
    // The person and vehicle from the spreadsheet are H2: withheld, with the links to them.
    expect(lines.some((l) => l.properties.name?.includes('Јована Петровић'))).toBe(false);
    expect(lines.some((l) => l.schema === 'UsesPhone' || l.schema === 'Drives')).toBe(false);
    expect(file.withheldEntities).toBe(4);
    expect(lines.filter((l) => l.schema === 'Phone')).toHaveLength(4);
    expect(lines.filter((l) => l.schema === 'Call')).toHaveLength(4);
    expect(
      lines.every(
        (l) =>
          l.caveat === "H1: not to be used in court without the provider's permission" || l.schema === 'Call',
      ),
    ).toBe(true);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'disclosure'), eq(auditLog.recordId, theCase.id)));
    expect(entry).toMatchObject({
      recipients: ['MUP Crne Gore, Uprava policije'],
      justification: 'Zajednička istraga JIT-2026-04',
    });
  });

  it('writes call records as CSV with the columns an import maps', async () => {
    const exported = await exportAs(ownerSession, {
      format: 'csv',
      table: 'calls',
      recipient: 'Tužilaštvo za organizovani kriminal',
      purpose: 'Analiza komunikacije',
    });
    const lines = exported.json<ExportFile>().content.trim().split('\r\n');
    expect(lines[0]).toBe('caller,callee,start,duration,cell');
    expect(lines).toContain('+381641234567,+381659876543,2026-03-01T09:15:00.000Z,125,BG-Vračar-2');
  });

  it('writes GraphML whose call edges carry how often one number called another', async () => {
    const exported = await exportAs(ownerSession, {
      format: 'graphml',
      recipient: 'Analitika',
      purpose: 'Graf',
    });
    const parsed = parseGraphML(exported.json<ExportFile>().content);
    const phones = new Map(parsed.nodes.filter((n) => n.type === 'Phone').map((n) => [n.label, n.id]));
    expect(phones.size).toBe(4);
    const calls = parsed.edges.filter((e) => e.type === 'Call');
    const fromTo = calls.find(
      (e) => e.source === phones.get('+381641234567') && e.target === phones.get('+381659876543'),
    );
    // Rows 2 and 3 write the same two numbers differently: one pair, two calls.
    expect(fromTo?.weight).toBe(2);
    expect(calls.reduce((sum, e) => sum + (e.weight ?? 0), 0)).toBe(4);
  });

  it('prints a case summary PDF with the calls and the H1 warning, and no names of persons', async () => {
    const exported = await exportAs(ownerSession, {
      format: 'pdf',
      recipient: 'Osnovno javno tužilaštvo u Beogradu',
      purpose: 'Izveštaj o predmetu',
    });
    const file = exported.json<ExportFile>();
    expect(file).toMatchObject({ mediaType: 'application/pdf', encoding: 'base64' });
    const text = (await pdfText(Buffer.from(file.content, 'base64'))).join('\n');
    expect(text).toContain(`Case summary: ${theCase.reference}`);
    expect(text).toContain("H1: not to be used in court without the provider's permission.");
    expect(text).toContain('+381641234567 → +381659876543: 2 calls');
    expect(text).toContain('Osnovno javno tužilaštvo u Beogradu');
    expect(text).not.toContain('Петровић');
  });

  it('refuses to pass on an H2 case and logs the refusal', async () => {
    const h2 = await as(ownerSession, 'POST', '/api/cases', {
      title: 'Operacija Sever',
      type: 'drug_trafficking',
      handlingCode: 'H2',
    });
    const refused = await as(ownerSession, 'POST', `/api/cases/${h2.json<Case>().id}/exports`, {
      format: 'ftm',
      recipient: 'SELEC',
      purpose: 'Razmjena',
    });
    expect(refused.statusCode).toBe(403);
    const denials = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'denial'), eq(auditLog.recordId, h2.json<Case>().id)));
    expect(denials).toHaveLength(1);
  });
});
