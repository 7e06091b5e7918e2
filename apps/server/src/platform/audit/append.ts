import { desc, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { auditLog } from '@veza/db';
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
 * Appends one entry to the hash chain in the caller's transaction, so the entry commits or rolls back
 * with the change it records. Given the root database, it opens a transaction of its own.
 */
export async function appendAudit(q: Queryable, ctx: RequestContext, input: AuditInput): Promise<void> {
  if (!(q instanceof PgTransaction)) {
    await q.transaction((tx) => appendAudit(tx, ctx, input));
    return;
  }
  const tx = q as Tx;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: await databaseNow(tx),
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
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: entryHash(prevHash, fields) });
}

/** The database clock, not the app server's: entries of several servers stay in time order. */
async function databaseNow(tx: Tx): Promise<string> {
  const result: unknown = await tx.execute(
    sql`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now`,
  );
  const rows = (result as { rows?: { now?: unknown }[] }).rows;
  const now = rows?.[0]?.now;
  if (typeof now !== 'string') throw new Error('The database did not return the time');
  return now;
}
