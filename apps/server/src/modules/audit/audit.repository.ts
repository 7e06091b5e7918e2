import { and, count, desc, eq, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { auditLog } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { AuditEntry, AuditSearch, JurisdictionCode } from '@veza/shared';
import { atAsText } from '../../platform/audit/index.ts';
import type { JurisdictionScope } from '../../platform/policy/index.ts';

/** Newest first; `scope` comes from the policy so a search never reaches past what the actor may read. */
export async function searchAuditEntries(
  q: Queryable,
  filters: AuditSearch,
  scope: JurisdictionScope,
): Promise<{ items: AuditEntry[]; total: number }> {
  const where = and(...conditions(filters, scope));
  const [items, [totals]] = await Promise.all([
    q
      .select({ ...columns, at: atAsText })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(filters.limit)
      .offset(filters.offset),
    q.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    items: items.map((row) => ({
      ...row,
      operation: row.operation as AuditEntry['operation'],
      outcome: row.outcome as AuditEntry['outcome'],
      actorJurisdiction: row.actorJurisdiction as JurisdictionCode | null,
    })),
    total: totals?.total ?? 0,
  };
}

const columns = {
  seq: auditLog.seq,
  operation: auditLog.operation,
  action: auditLog.action,
  actorId: auditLog.actorId,
  actorEmail: auditLog.actorEmail,
  recordType: auditLog.recordType,
  recordId: auditLog.recordId,
  subjectId: auditLog.subjectId,
  subjectLabel: auditLog.subjectLabel,
  justification: auditLog.justification,
  recipients: auditLog.recipients,
  ip: auditLog.ip,
  actorJurisdiction: auditLog.actorJurisdiction,
  outcome: auditLog.outcome,
  details: auditLog.details,
};

function conditions(filters: AuditSearch, scope: JurisdictionScope): (SQL | undefined)[] {
  return [
    scopeCondition(scope),
    filters.person
      ? or(
          ilike(auditLog.subjectLabel, contains(filters.person)),
          ilike(auditLog.subjectId, contains(filters.person)),
        )
      : undefined,
    filters.recordId ? eq(auditLog.recordId, filters.recordId) : undefined,
    filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
    filters.actor ? ilike(auditLog.actorEmail, contains(filters.actor)) : undefined,
    filters.operation ? eq(auditLog.operation, filters.operation) : undefined,
    filters.jurisdiction ? eq(auditLog.actorJurisdiction, filters.jurisdiction) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    filters.to ? lte(auditLog.at, filters.to) : undefined,
  ];
}

/** Entries belong to the jurisdiction of whoever acted; regional and anonymous entries only to 'all'. */
function scopeCondition(scope: JurisdictionScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'jurisdictions':
      return scope.codes.length ? inArray(auditLog.actorJurisdiction, scope.codes) : sql`false`;
    default:
      return sql`false`;
  }
}

/** A substring pattern in which the user's own % and _ are literal. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Failed sign-ins on an account after a moment (its last successful one), for its owner to see. */
export async function failedSignInsSince(
  q: Queryable,
  userId: string,
  since: Date | null,
): Promise<{ count: number; lastAt: string } | null> {
  const [row] = await q
    .select({ count: sql<number>`count(*)::int`, lastAt: sql<string | null>`max(${auditLog.at})` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectId, userId),
        eq(auditLog.operation, 'sign_in_failed'),
        since ? sql`${auditLog.at} > ${since.toISOString()}::timestamptz` : undefined,
      ),
    );
  if (!row || row.count === 0 || row.lastAt === null) return null;
  return { count: row.count, lastAt: new Date(row.lastAt).toISOString() };
}
