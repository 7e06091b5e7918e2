import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { callRecords, entityEdges, savedCharts } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { ChartCallPairRow, ChartSourceLink } from './chart.build.ts';

export type SavedChartRow = typeof savedCharts.$inferSelect;

const utc = (column: typeof callRecords.startedAt, aggregate: 'min' | 'max') =>
  aggregate === 'min'
    ? sql<string>`to_char(min(${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
    : sql<string>`to_char(max(${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export async function linksOfCase(q: Queryable, caseId: string): Promise<ChartSourceLink[]> {
  return q
    .select({
      id: entityEdges.id,
      sourceId: entityEdges.sourceId,
      targetId: entityEdges.targetId,
      relationshipId: entityEdges.relationshipId,
      label: entityEdges.label,
    })
    .from(entityEdges)
    .where(eq(entityEdges.caseId, caseId))
    .orderBy(asc(entityEdges.id));
}

/** Call records summed up per caller and callee, most calls first. */
export async function callPairsOfCase(q: Queryable, caseId: string): Promise<ChartCallPairRow[]> {
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

export async function listSavedCharts(q: Queryable, caseId: string): Promise<SavedChartRow[]> {
  return q
    .select()
    .from(savedCharts)
    .where(eq(savedCharts.caseId, caseId))
    .orderBy(desc(savedCharts.updatedAt), asc(savedCharts.id));
}

export async function findSavedChart(
  q: Queryable,
  caseId: string,
  chartId: string,
): Promise<SavedChartRow | undefined> {
  const [row] = await q
    .select()
    .from(savedCharts)
    .where(and(eq(savedCharts.caseId, caseId), eq(savedCharts.id, chartId)));
  return row;
}

/** A chart of the case with this name, compared without regard to letter case. */
export async function savedChartNamed(
  q: Queryable,
  caseId: string,
  name: string,
): Promise<SavedChartRow | undefined> {
  const [row] = await q
    .select()
    .from(savedCharts)
    .where(and(eq(savedCharts.caseId, caseId), sql`lower(${savedCharts.name}) = lower(${name})`));
  return row;
}

export async function insertSavedChart(q: Queryable, row: typeof savedCharts.$inferInsert): Promise<void> {
  await q.insert(savedCharts).values(row);
}

export async function updateSavedChart(
  q: Queryable,
  chartId: string,
  changes: Partial<Pick<SavedChartRow, 'name' | 'state' | 'updatedAt'>>,
): Promise<void> {
  await q.update(savedCharts).set(changes).where(eq(savedCharts.id, chartId));
}

export async function deleteSavedChart(q: Queryable, chartId: string): Promise<void> {
  await q.delete(savedCharts).where(eq(savedCharts.id, chartId));
}
