import { and, asc, count, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { informationRequestCounters, informationRequestEvents, informationRequests } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { RequestSide } from '@veza/shared';
import type { JurisdictionScope, ScopePart } from '../../platform/policy/index.ts';

export type RequestRow = typeof informationRequests.$inferSelect;
export type NewRequestRow = typeof informationRequests.$inferInsert;
export type RequestEventRow = typeof informationRequestEvents.$inferSelect;
export type NewRequestEventRow = typeof informationRequestEvents.$inferInsert;

/** Many records at once (the demo volume, benchmarks): in slices, one statement each. */
export async function insertRequests(q: Queryable, rows: readonly NewRequestRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await q.insert(informationRequests).values(rows.slice(i, i + 500));
}

export async function appendEvents(q: Queryable, events: readonly NewRequestEventRow[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000)
    await q.insert(informationRequestEvents).values(events.slice(i, i + 1000));
}

export async function insertRequest(q: Queryable, row: NewRequestRow): Promise<RequestRow> {
  const [inserted] = await q.insert(informationRequests).values(row).returning();
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}

export async function findRequest(q: Queryable, id: string, options: { lock?: boolean } = {}) {
  const query = q.select().from(informationRequests).where(eq(informationRequests.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** This installation's record of one side of an exchange (what an inbound envelope is applied to). */
export async function findSide(q: Queryable, exchangeId: string, side: RequestSide) {
  const [row] = await q
    .select()
    .from(informationRequests)
    .where(and(eq(informationRequests.exchangeId, exchangeId), eq(informationRequests.side, side)))
    .for('update');
  return row;
}

export async function updateRequest(
  q: Queryable,
  id: string,
  changes: Partial<NewRequestRow>,
): Promise<RequestRow> {
  const [row] = await q
    .update(informationRequests)
    .set(changes)
    .where(eq(informationRequests.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function appendEvent(
  q: Queryable,
  event: typeof informationRequestEvents.$inferInsert,
): Promise<void> {
  await q.insert(informationRequestEvents).values(event);
}

export async function eventsOf(q: Queryable, requestId: string): Promise<RequestEventRow[]> {
  return q
    .select()
    .from(informationRequestEvents)
    .where(eq(informationRequestEvents.requestId, requestId))
    .orderBy(asc(informationRequestEvents.at), asc(informationRequestEvents.id));
}

/** The next running number of the jurisdiction's requests in a year (one row per pair, locked by the upsert). */
export async function nextNumber(q: Queryable, jurisdiction: string, year: number): Promise<number> {
  const [row] = await q
    .insert(informationRequestCounters)
    .values({ jurisdictionCode: jurisdiction, year, last: 1 })
    .onConflictDoUpdate({
      target: [informationRequestCounters.jurisdictionCode, informationRequestCounters.year],
      set: { last: sql`${informationRequestCounters.last} + 1` },
    })
    .returning({ last: informationRequestCounters.last });
  return row?.last ?? 1;
}

/** Reserves `count` running numbers at once; answers the last number before them. */
export async function reserveNumbers(
  q: Queryable,
  jurisdiction: string,
  year: number,
  count: number,
): Promise<number> {
  const [row] = await q
    .insert(informationRequestCounters)
    .values({ jurisdictionCode: jurisdiction, year, last: count })
    .onConflictDoUpdate({
      target: [informationRequestCounters.jurisdictionCode, informationRequestCounters.year],
      set: { last: sql`${informationRequestCounters.last} + ${count}` },
    })
    .returning({ last: informationRequestCounters.last });
  return (row?.last ?? count) - count;
}

function partCondition(part: ScopePart): SQL | undefined {
  // 'requesting_copy': the requesting records whose SPOC keeps a copy (no art. 4(2) exception).
  const side =
    part.via === 'requesting_copy'
      ? and(eq(informationRequests.side, 'requesting'), isNull(informationRequests.spocCopyException))
      : eq(informationRequests.side, part.via);
  const { scope } = part;
  if (scope.kind === 'units') return and(side, inArray(informationRequests.holderUnitId, scope.unitIds));
  if (scope.kind === 'jurisdictions')
    return and(side, inArray(informationRequests.holderJurisdictionCode, scope.codes));
  if (scope.kind === 'all') return side;
  return undefined;
}

function scopeCondition(scope: JurisdictionScope): SQL {
  if (scope.kind !== 'union') return sql`false`;
  const parts = scope.parts.flatMap((part) => {
    const condition = partCondition(part);
    return condition ? [condition] : [];
  });
  return parts.length === 0 ? sql`false` : (or(...parts) ?? sql`false`);
}

const OPEN = ['sent', 'received', 'in_progress'];

/**
 * The records the scope reaches on one side (inbox: requests received, outbox: requests made), the
 * open ones first by time left (those without a deadline yet after), then the rest newest first.
 */
export async function listRequests(
  q: Queryable,
  scope: JurisdictionScope,
  side: RequestSide,
  options: { openOnly: boolean | undefined; limit: number },
): Promise<{ rows: RequestRow[]; total: number }> {
  const isOpen = inArray(informationRequests.status, OPEN);
  const where = and(
    scopeCondition(scope),
    eq(informationRequests.side, side),
    options.openOnly === undefined ? undefined : options.openOnly ? isOpen : sql`not ${isOpen}`,
  );
  const rows = await q
    .select()
    .from(informationRequests)
    .where(where)
    .orderBy(
      sql`case when ${isOpen} then 0 else 1 end`,
      sql`case when ${isOpen} then ${informationRequests.dueAt} end asc nulls last`,
      sql`${informationRequests.updatedAt} desc`,
      asc(informationRequests.id),
    )
    .limit(options.limit);
  const [total] = await q.select({ n: count() }).from(informationRequests).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Requested-side records still open whose deadline has a notice due by `now` (started clocks only). */
export async function openWithClock(q: Queryable, now: Date): Promise<RequestRow[]> {
  // Only the rows whose next notice's moment has come, found by the next_notice_at index.
  return q
    .select()
    .from(informationRequests)
    .where(
      and(
        lte(informationRequests.nextNoticeAt, now),
        eq(informationRequests.side, 'requested'),
        inArray(informationRequests.status, OPEN),
      ),
    )
    .orderBy(asc(informationRequests.nextNoticeAt))
    .for('update', { skipLocked: true });
}

/**
 * Requested-side records the given SPOC units still owe an answer to, with their deadline: what the
 * calendar feed of their cooperation officers lists (requests.calendar.ts).
 */
export async function openDeadlinesOfUnits(
  q: Queryable,
  unitIds: readonly string[],
): Promise<Pick<RequestRow, 'id' | 'reference' | 'fromJurisdictionCode' | 'dueAt'>[]> {
  if (unitIds.length === 0) return [];
  return q
    .select({
      id: informationRequests.id,
      reference: informationRequests.reference,
      fromJurisdictionCode: informationRequests.fromJurisdictionCode,
      dueAt: informationRequests.dueAt,
    })
    .from(informationRequests)
    .where(
      and(
        eq(informationRequests.side, 'requested'),
        inArray(informationRequests.status, OPEN),
        inArray(informationRequests.holderUnitId, [...unitIds]),
        sql`${informationRequests.dueAt} is not null`,
      ),
    )
    .orderBy(asc(informationRequests.dueAt), asc(informationRequests.id));
}

/** What the statistics count of one request: its pair, when it arrived, and how it went. */
export type RequestStatisticsRow = Pick<
  RequestRow,
  | 'fromJurisdictionCode'
  | 'toJurisdictionCode'
  | 'receivedAt'
  | 'dueAt'
  | 'firstAnsweredAt'
  | 'refusalGround'
  | 'delayAt'
>;

/**
 * The requests received in [start, end), each counted once: by the record of the side the scope's
 * jurisdiction holds (its requests made, on the requesting side; its requests received, on the
 * requested side), or with the 'all' scope by the requested side's record. Only what the figures need.
 */
export async function statisticsRows(
  q: Queryable,
  scope: JurisdictionScope,
  start: Date,
  end: Date,
): Promise<RequestStatisticsRow[]> {
  const which =
    scope.kind === 'all'
      ? eq(informationRequests.side, 'requested')
      : scope.kind === 'jurisdictions'
        ? inArray(informationRequests.holderJurisdictionCode, scope.codes)
        : sql`false`;
  return q
    .select({
      fromJurisdictionCode: informationRequests.fromJurisdictionCode,
      toJurisdictionCode: informationRequests.toJurisdictionCode,
      receivedAt: informationRequests.receivedAt,
      dueAt: informationRequests.dueAt,
      firstAnsweredAt: informationRequests.firstAnsweredAt,
      refusalGround: informationRequests.refusalGround,
      delayAt: informationRequests.delayAt,
    })
    .from(informationRequests)
    .where(and(which, gte(informationRequests.receivedAt, start), lt(informationRequests.receivedAt, end)));
}

/** What the clock sweep writes back on a record: the notices now sent and the next one's moment. */
export interface NoticeMark {
  id: string;
  noticesSent: string[];
  nextNoticeAt: Date | null;
}

/** Many records' notices in one statement (one parameter: the marks as JSON). */
export async function markNotices(q: Queryable, marks: readonly NoticeMark[]): Promise<void> {
  if (marks.length === 0) return;
  const json = JSON.stringify(
    marks.map((mark) => ({
      id: mark.id,
      notices: mark.noticesSent,
      next: mark.nextNoticeAt?.toISOString() ?? null,
    })),
  );
  await q.execute(sql`
    update ${informationRequests} set
      notices_sent = marks.notices,
      next_notice_at = marks.next
    from jsonb_to_recordset(${json}::jsonb) as marks(id uuid, notices jsonb, next timestamptz)
    where ${informationRequests.id} = marks.id`);
}
