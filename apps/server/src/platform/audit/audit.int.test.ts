import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../context.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import type { TestDatabase } from '../testing/test-database.ts';
import { appendAudit, appendAudits, verifyAuditChain } from './index.ts';
import type { AuditInput } from './index.ts';

const dpo: Actor = {
  userId: '0190a6c2-1111-7000-8000-000000000001',
  email: 'dpo.al@demo.veza.example',
  displayName: 'Drita Hoxha',
  roles: ['dpo'],
  unitId: '0190a6c2-2222-7000-8000-000000000001',
  agencyId: '0190a6c2-3333-7000-8000-000000000001',
  jurisdiction: 'AL',
  language: 'sq',
};
const ctx: RequestContext = {
  actor: dpo,
  sessionId: 'session-hash',
  ip: '192.0.2.10',
  userAgent: 'vitest',
  justifications: new Map(),
};

/** Runs statements with the append-only trigger off, as someone with database access could. */
async function tamper(database: TestDatabase, statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
}

async function appendMany(database: TestDatabase, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await appendAudit(database.db, ctx, {
      operation: i % 2 ? 'consultation' : 'alteration',
      action: 'case.view',
      recordType: 'case',
      recordId: `case-${i}`,
      subjectLabel: i === 3 ? 'Ђорђе Јовановић / Gjergj Hoxha' : undefined,
      justification: 'Provjera u predmetu KTO-12/25',
      recipients: i === 4 ? ['MK', 'RS'] : undefined,
      outcome: 'allowed',
      // Keys out of order and nested: jsonb reorders them, the hash must not care.
      details: { zeta: 1, alpha: { b: [1, 2.5, 'три'], a: null }, when: new Date(Date.UTC(2025, 0, 2)) },
    });
  }
}

describe('audit chain', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('verifies an untouched chain and records who acted, from where', async () => {
    await appendMany(database, 12);
    const progress: number[] = [];
    const result = await verifyAuditChain(database.db, { onProgress: (n) => progress.push(n) });
    expect(result).toEqual({
      ok: true,
      checked: 12,
      firstBrokenSeq: null,
      reason: null,
      last: { seq: 12, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(progress.at(-1)).toBe(12);
    const rows = await database.db.execute(
      sql`SELECT actor_email, actor_jurisdiction, ip, seq FROM audit_log ORDER BY seq`,
    );
    const first = (rows as unknown as { rows: Record<string, unknown>[] }).rows[0];
    expect(first).toMatchObject({
      actor_email: 'dpo.al@demo.veza.example',
      actor_jurisdiction: 'AL',
      ip: '192.0.2.10',
    });
  });

  it('appends inside the caller transaction and rolls back with it', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit(tx, ctx, { operation: 'erasure', action: 'case.edit', outcome: 'allowed' });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect((await verifyAuditChain(database.db)).checked).toBe(12);
  });

  it('keeps one chain when entries are appended concurrently', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        appendAudit(database.db, ctx, {
          operation: 'sign_in',
          action: 'auth.sign_in',
          details: { attempt: i },
          outcome: 'allowed',
        }),
      ),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 20 });
  });

  it('refuses a plain UPDATE, DELETE or TRUNCATE', async () => {
    await expect(database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('names an edited entry', async () => {
    await tamper(database, sql`UPDATE audit_log SET justification = 'nothing to see' WHERE seq = 5`);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      checked: 5,
      firstBrokenSeq: 5,
      reason: 'hash_mismatch',
      last: { seq: 4, hash: expect.any(String) },
    });
    // An edit that also recomputes the entry's own hash is caught by the next entry's link.
    await tamper(database, sql`UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 5`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenSeq: 5 });
  });
});

describe('audit chain after deletion and insertion', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('names a deleted entry', async () => {
    await appendMany(database, 6);
    await tamper(database, sql`DELETE FROM audit_log WHERE seq = 3`);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      checked: 3,
      firstBrokenSeq: 3,
      reason: 'missing_entry',
      last: { seq: 2, hash: expect.any(String) },
    });
  });
});

describe('audit chain after an insertion', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('names an entry slipped into the middle of the chain', async () => {
    await appendMany(database, 6);
    // Make room at seq 4 in two steps so the primary key never collides mid-statement.
    await tamper(database, sql`UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 4`);
    await tamper(database, sql`UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000`);
    await database.db.execute(
      sql`INSERT INTO audit_log (seq, at, operation, action, outcome, prev_hash, hash)
          VALUES (4, now(), 'consultation', 'case.view', 'allowed', repeat('b', 64), repeat('c', 64))`,
    );
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      checked: 4,
      firstBrokenSeq: 4,
      reason: 'prev_hash_mismatch',
      last: { seq: 3, hash: expect.any(String) },
    });
  });
});

/** The hash of one entry as the database holds it now. */
async function hashOf(database: TestDatabase, seq: number): Promise<string> {
  const result = await database.db.execute(sql`SELECT hash FROM audit_log WHERE seq = ${seq}`);
  const row = (result as unknown as { rows: { hash: string }[] }).rows[0];
  if (!row) throw new Error(`no audit entry ${seq}`);
  return row.hash;
}

describe('audit chain anchors', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('gives the newest entry as the anchor and confirms anchors that still hold', async () => {
    await appendMany(database, 10);
    const first = await verifyAuditChain(database.db);
    expect(first.last).toEqual({ seq: 10, hash: await hashOf(database, 10) });
    const earlier = { seq: 4, hash: await hashOf(database, 4) };
    await appendMany(database, 2);
    // An anchor from an earlier check stays valid as the chain grows.
    expect(await verifyAuditChain(database.db, { anchors: [first.last!, earlier] })).toEqual({
      ok: true,
      checked: 12,
      firstBrokenSeq: null,
      reason: null,
      last: { seq: 12, hash: await hashOf(database, 12) },
    });
  });

  it('names the anchor beyond the end when the newest entries are cut off', async () => {
    const anchor = { seq: 12, hash: await hashOf(database, 12) };
    const older = { seq: 5, hash: await hashOf(database, 5) };
    await tamper(database, sql`DELETE FROM audit_log WHERE seq > 9`);
    // Without the anchor the shortened chain looks whole: what anchors are for.
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 9 });
    expect(await verifyAuditChain(database.db, { anchors: [anchor, older] })).toEqual({
      ok: false,
      checked: 9,
      firstBrokenSeq: 12,
      reason: 'truncated',
      last: { seq: 9, hash: await hashOf(database, 9) },
    });
  });

  it('names the anchored entry when the chain is rewritten from it on', async () => {
    const anchor = { seq: 7, hash: await hashOf(database, 7) };
    // Cut the chain back to entry 6 and append new entries: their links and hashes are all correct.
    await tamper(database, sql`DELETE FROM audit_log WHERE seq > 6`);
    await appendMany(database, 4);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 10 });
    expect(await verifyAuditChain(database.db, { anchors: [anchor] })).toEqual({
      ok: false,
      checked: 7,
      firstBrokenSeq: 7,
      reason: 'anchor_mismatch',
      last: { seq: 6, hash: await hashOf(database, 6) },
    });
  });

  it('reports an entry broken before the anchor first', async () => {
    const anchor = { seq: 10, hash: await hashOf(database, 10) };
    await tamper(database, sql`UPDATE audit_log SET justification = 'nothing to see' WHERE seq = 3`);
    expect(await verifyAuditChain(database.db, { anchors: [anchor] })).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'hash_mismatch',
    });
  });

  it('refuses an anchor that names no possible entry', async () => {
    await expect(
      verifyAuditChain(database.db, { anchors: [{ seq: 0, hash: 'a'.repeat(64) }] }),
    ).rejects.toThrow(RangeError);
  });
});

/** What a chart view writes: one consultation per person shown. */
const personShown = (i: number): AuditInput => ({
  operation: 'consultation',
  action: 'person.identity.view',
  recordType: 'entity',
  recordId: `person-${i}`,
  subjectId: `person-${i}`,
  subjectLabel: i % 2 ? 'Јована Петровић' : 'Arben Krasniqi',
  justification: 'Analiza mreže, predmet KTO 7/26',
  outcome: 'allowed',
  details: { caseId: 'case-7', read: 'chart', order: i },
});

async function entries(
  database: TestDatabase,
): Promise<{ seq: number; recordId: string | null; at: string }[]> {
  const result = await database.db.execute(
    sql`SELECT seq::int AS seq, record_id AS "recordId",
               to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
          FROM audit_log ORDER BY seq`,
  );
  return (result as unknown as { rows: { seq: number; recordId: string | null; at: string }[] }).rows;
}

describe('audit batches', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('writes nothing for an empty batch', async () => {
    await appendAudits(database.db, ctx, []);
    await database.db.transaction((tx) => appendAudits(tx, ctx, []));
    expect(await entries(database)).toEqual([]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 0, last: null });
  });

  it('chains a batch after single entries, in the order given, at one time after theirs', async () => {
    await appendMany(database, 2);
    await appendAudits(
      database.db,
      ctx,
      Array.from({ length: 5 }, (_, i) => personShown(i)),
    );
    await appendMany(database, 1);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: true,
      checked: 8,
      firstBrokenSeq: null,
      reason: null,
      last: { seq: 8, hash: expect.any(String) },
    });
    const rows = await entries(database);
    expect(rows.map((r) => [r.seq, r.recordId])).toEqual([
      [1, 'case-0'],
      [2, 'case-1'],
      [3, 'person-0'],
      [4, 'person-1'],
      [5, 'person-2'],
      [6, 'person-3'],
      [7, 'person-4'],
      [8, 'case-0'],
    ]);
    const batch = rows.slice(2, 7).map((r) => r.at);
    expect(new Set(batch).size).toBe(1);
    // The fixed-width UTC text sorts as the time does.
    const times = rows.map((r) => r.at);
    expect(times).toEqual([...times].sort());
  });

  it('rolls a batch back with the caller transaction', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudits(tx, ctx, [personShown(90), personShown(91)]);
        throw new Error('chart failed');
      }),
    ).rejects.toThrow('chart failed');
    expect(await entries(database)).toHaveLength(8);
  });

  it('keeps one chain when batches and single entries are appended concurrently', async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2
          ? appendAudits(
              database.db,
              ctx,
              Array.from({ length: 4 }, (_, j) => personShown(100 + i * 10 + j)),
            )
          : appendAudit(database.db, ctx, {
              operation: 'sign_in',
              action: 'auth.sign_in',
              outcome: 'allowed',
            }),
      ),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 8 + 3 * 4 + 3 });
    // A batch is not split by an entry of another transaction.
    const rows = await entries(database);
    for (const i of [1, 3, 5]) {
      const first = rows.findIndex((r) => r.recordId === `person-${100 + i * 10}`);
      expect(rows.slice(first, first + 4).map((r) => r.recordId)).toEqual(
        Array.from({ length: 4 }, (_, j) => `person-${100 + i * 10 + j}`),
      );
    }
  });

  it('chains a batch too large for one INSERT statement', async () => {
    // 4,000 rows of 19 columns are more than the 65535 parameters PostgreSQL takes in one statement.
    const size = 4_000;
    const before = (await entries(database)).length;
    await appendAudits(
      database.db,
      ctx,
      Array.from({ length: size }, (_, i) => personShown(1_000 + i)),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: before + size });
    const rows = await entries(database);
    expect(rows.at(-1)).toMatchObject({ seq: before + size, recordId: `person-${1_000 + size - 1}` });
  });
});
