import { asc, desc, eq, sql } from 'drizzle-orm';
import { callRecords } from '@veza/db';
import type { Queryable } from '@veza/db';

// What other modules read of a case's call records (the link chart and its timeline), summed in SQL.

/** A caller and callee of a case with their calls summed up. */
export interface CallPairRow {
  callerId: string;
  calleeId: string;
  count: number;
  first: string;
  last: string;
  totalSeconds: number;
}

const utc = (column: typeof callRecords.startedAt, aggregate: 'min' | 'max') =>
  aggregate === 'min'
    ? sql<string>`to_char(min(${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
    : sql<string>`to_char(max(${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Call records summed up per caller and callee, most calls first. */
export async function callPairsOfCase(q: Queryable, caseId: string): Promise<CallPairRow[]> {
  const rows = await q
    .select({
      callerId: callRecords.callerEntityId,
      calleeId: callRecords.calleeEntityId,
      count: sql<number>`count(*)::int`,
      first: utc(callRecords.startedAt, 'min'),
      last: utc(callRecords.startedAt, 'max'),
      totalSeconds: sql<number>`coalesce(sum(${callRecords.durationSeconds}), 0)::int`,
    })
    .from(callRecords)
    .where(eq(callRecords.caseId, caseId))
    .groupBy(callRecords.callerEntityId, callRecords.calleeEntityId)
    .orderBy(desc(sql`count(*)`), asc(callRecords.callerEntityId), asc(callRecords.calleeEntityId));
  return rows.map((r) => ({ ...r, count: Number(r.count), totalSeconds: Number(r.totalSeconds) }));
}

export interface CallDay {
  day: string;
  count: number;
  seconds: number;
}

/** Calls per UTC day. */
export async function callsPerDay(q: Queryable, caseId: string): Promise<CallDay[]> {
  const day = sql<string>`to_char(${callRecords.startedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const rows = await q
    .select({
      day,
      count: sql<number>`count(*)::int`,
      seconds: sql<number>`coalesce(sum(${callRecords.durationSeconds}), 0)::int`,
    })
    .from(callRecords)
    .where(eq(callRecords.caseId, caseId))
    .groupBy(day)
    .orderBy(day);
  return rows.map((r) => ({ day: r.day, count: Number(r.count), seconds: Number(r.seconds) }));
}

export interface CallHeat {
  weekday: number;
  hour: number;
  count: number;
}

/** Calls per ISO weekday and UTC hour: when a network is active. */
export async function callHeat(q: Queryable, caseId: string): Promise<CallHeat[]> {
  const weekday = sql<number>`extract(isodow from ${callRecords.startedAt} AT TIME ZONE 'UTC')::int`;
  const hour = sql<number>`extract(hour from ${callRecords.startedAt} AT TIME ZONE 'UTC')::int`;
  const rows = await q
    .select({ weekday, hour, count: sql<number>`count(*)::int` })
    .from(callRecords)
    .where(eq(callRecords.caseId, caseId))
    .groupBy(weekday, hour)
    .orderBy(weekday, hour);
  return rows.map((r) => ({ weekday: Number(r.weekday), hour: Number(r.hour), count: Number(r.count) }));
}
