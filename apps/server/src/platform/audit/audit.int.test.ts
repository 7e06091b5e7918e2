import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../context.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import type { TestDatabase } from '../testing/test-database.ts';
import { appendAudit, verifyAuditChain } from './index.ts';

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
    expect(result).toEqual({ ok: true, checked: 12, firstBrokenSeq: null, reason: null });
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
    });
  });
});
