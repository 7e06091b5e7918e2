import { getTableColumns, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { auditLog, isEmbedded } from '@veza/db';
import type { Queryable, Tx } from '@veza/db';
import type { AuditOperation } from '@veza/shared';
import type { RequestContext } from '../context.ts';
import { asStoredJson, entryHash, GENESIS_HASH } from './canonical.ts';
import type { ChainedFields } from './canonical.ts';
import type { AuditedAction, JurisdictionCode } from '@veza/shared';

export interface AuditInput {
  operation: AuditOperation;
  action: AuditedAction;
  recordType?: string;
  recordId?: string;
  subjectId?: string;
  subjectLabel?: string;
  justification?: string;
  recipients?: string[];
  outcome: 'allowed' | 'denied' | 'failed';
  details?: Record<string, unknown>;
  /**
   * The jurisdiction whose trail the entry belongs to when it is not the actor's: a failed sign-in
   * has no actor, yet the DPO of the targeted account's jurisdiction must see password guessing.
   */
  jurisdiction?: JurisdictionCode | null;
}

/** One chain for the whole installation: every app server appends under this transaction lock. */
const AUDIT_CHAIN_LOCK = 0x5645_5a41; // 'VEZA'

/**
 * Rows per INSERT: PostgreSQL takes at most 65535 parameters per statement, and every column of a
 * row is one parameter (nulls included), so a chart of a few thousand persons still goes in one.
 */
const ROWS_PER_INSERT = Math.floor(65_535 / Object.keys(getTableColumns(auditLog)).length);

/**
 * Appends one entry to the hash chain in the caller's transaction, so the entry commits or rolls back
 * with the change it records. Given the root database, it opens a transaction of its own.
 */
export async function appendAudit(q: Queryable, ctx: RequestContext, input: AuditInput): Promise<void> {
  await appendAudits(q, ctx, [input]);
}

/**
 * Appends entries to the hash chain in the given order, as one piece: one lock, one read of the
 * chain's end and of the clock, and as few INSERTs as the parameter limit allows. Every entry of the
 * batch carries the same time, so the chain stays in time order. Nothing is written for no entries.
 */
export async function appendAudits(
  q: Queryable,
  ctx: RequestContext,
  inputs: readonly AuditInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  if (!(q instanceof PgTransaction)) {
    await q.transaction((tx) => appendAudits(tx, ctx, inputs));
    return;
  }
  const tx = q as Tx;
  // The lock is a statement of its own: under READ COMMITTED each statement sees the rows committed
  // before it started, so only a read that starts after the lock is granted sees the previous
  // holder's entries. PGlite is one connection, so its transactions already follow one another.
  if (!isEmbedded(tx)) await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const tail = await chainTail(tx);
  let seq = tail.seq;
  let prevHash = tail.hash;
  const rows: (typeof auditLog.$inferInsert)[] = [];
  for (const input of inputs) {
    seq += 1;
    const fields = chainedFields(ctx, input, seq, tail.now);
    const hash = entryHash(prevHash, fields);
    rows.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await tx.insert(auditLog).values(rows.slice(i, i + ROWS_PER_INSERT));
  }
}

function chainedFields(ctx: RequestContext, input: AuditInput, seq: number, at: string): ChainedFields {
  return {
    seq,
    at,
    operation: input.operation,
    action: input.action,
    actorId: ctx.actor?.userId.toLowerCase() ?? null,
    actorEmail: ctx.actor?.email ?? null,
    actorJurisdiction:
      input.jurisdiction !== undefined ? input.jurisdiction : (ctx.actor?.jurisdiction ?? null),
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    subjectId: input.subjectId ?? null,
    subjectLabel: input.subjectLabel ?? null,
    justification: input.justification ?? null,
    recipients: input.recipients ? asStoredJson(input.recipients) : null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    outcome: input.outcome,
    details: input.details ? asStoredJson(input.details) : null,
  };
}

interface ChainTail {
  /** The last entry's seq, 0 for an empty chain. */
  seq: number;
  /** The last entry's hash, GENESIS_HASH for an empty chain. */
  hash: string;
  /** The database clock, not the app server's: entries of several servers stay in time order. */
  now: string;
}

/**
 * The chain's last entry and the database clock in one statement. clock_timestamp(), not now(): the
 * time the lock was granted, after the previous holder's entries, not when the transaction began.
 */
async function chainTail(tx: Tx): Promise<ChainTail> {
  const result: unknown = await tx.execute(sql`
    SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now,
           last.seq::text AS seq, last.hash AS hash
      FROM (VALUES (1)) AS here (one)
      LEFT JOIN (
        SELECT ${auditLog.seq} AS seq, ${auditLog.hash} AS hash FROM ${auditLog}
         ORDER BY ${auditLog.seq} DESC LIMIT 1
      ) AS last ON true`);
  const row = (result as { rows?: { now?: unknown; seq?: unknown; hash?: unknown }[] }).rows?.[0];
  if (typeof row?.now !== 'string') throw new Error('The database did not return the time');
  if (row.seq === null || row.seq === undefined) return { seq: 0, hash: GENESIS_HASH, now: row.now };
  if (typeof row.seq !== 'string' || typeof row.hash !== 'string') {
    throw new Error('The database did not return the end of the audit chain');
  }
  return { seq: Number(row.seq), hash: row.hash, now: row.now };
}
