import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { callRecords, caseImports, isEmbedded, type Queryable } from '@veza/db';
import { countEntitiesOfCase } from '../entities/index.ts';
export { insertEntityRows, phoneNumbersOf } from '../entities/index.ts';

export type CaseImportRow = typeof caseImports.$inferSelect;
export type CallRecordRow = typeof callRecords.$inferSelect;

export interface CallRecordInput {
  id: string;
  callerEntityId: string;
  calleeEntityId: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  durationSeconds: number;
  cell: string | null;
}

export async function insertCaseImport(q: Queryable, row: typeof caseImports.$inferInsert): Promise<void> {
  await q.insert(caseImports).values(row);
}

export async function updateCaseImport(
  q: Queryable,
  id: string,
  changes: Partial<typeof caseImports.$inferInsert>,
): Promise<void> {
  await q.update(caseImports).set(changes).where(eq(caseImports.id, id));
}

export async function findCaseImport(
  q: Queryable,
  caseId: string,
  id: string,
): Promise<CaseImportRow | undefined> {
  const [row] = await q
    .select()
    .from(caseImports)
    .where(and(eq(caseImports.caseId, caseId), eq(caseImports.id, id)));
  return row;
}

export async function listCaseImports(q: Queryable, caseId: string): Promise<CaseImportRow[]> {
  return q
    .select()
    .from(caseImports)
    .where(eq(caseImports.caseId, caseId))
    .orderBy(desc(caseImports.createdAt))
    .limit(20);
}

const CALL_SLICE = 25_000;

/**
 * Call records in slices of one JSON document each, unpacked by the database with
 * json_to_recordset: one parameter per slice instead of seven per row.
 *
 * Before the rows go in, every number they name is checked once to be an entity of this very case
 * (stricter than the foreign keys, which would take another case's phone). On PGlite that check
 * stands in for the foreign keys' per-row triggers, three index probes per row in WebAssembly and a
 * third of the time of a million-row import. That is safe there because PGlite is one connection:
 * nothing else can delete the case or an entity while this transaction holds it. On PostgreSQL,
 * where other connections write at the same time, the foreign keys are checked as well.
 */
export async function insertCallRecords(
  q: Queryable,
  caseId: string,
  importId: string,
  rows: readonly CallRecordInput[],
  onSlice?: (done: number) => void,
): Promise<void> {
  await checkCallReferences(q, caseId, rows);
  const checkOnce = isEmbedded(q);
  if (checkOnce) await q.execute(sql`SET LOCAL session_replication_role = replica`);
  try {
    for (let i = 0; i < rows.length; i += CALL_SLICE) {
      const slice = rows.slice(i, i + CALL_SLICE).map((r) => ({
        i: r.id,
        a: r.callerEntityId,
        b: r.calleeEntityId,
        s: r.startedAt,
        d: r.durationSeconds,
        c: r.cell,
      }));
      await q.execute(sql`
        INSERT INTO call_records (id, case_id, import_id, caller_entity_id, callee_entity_id, started_at, duration_seconds, cell)
        SELECT x.i, ${caseId}::uuid, ${importId}::uuid, x.a, x.b, to_timestamp(x.s / 1000.0), x.d, x.c
        FROM json_to_recordset(${JSON.stringify(slice)}::json)
          AS x(i uuid, a uuid, b uuid, s bigint, d integer, c text)`);
      onSlice?.(Math.min(i + CALL_SLICE, rows.length));
    }
  } finally {
    if (checkOnce) await q.execute(sql`SET LOCAL session_replication_role = origin`);
  }
}

/** The case, and both numbers of every row as entities of that case, for all rows at once. */
async function checkCallReferences(
  q: Queryable,
  caseId: string,
  rows: readonly CallRecordInput[],
): Promise<void> {
  const named = new Set<string>();
  for (const r of rows) named.add(r.callerEntityId).add(r.calleeEntityId);
  const ids = [...named];
  const found = await countEntitiesOfCase(q, caseId, ids);
  if (found !== ids.length)
    throw new Error(
      `Call records name ${ids.length - found} numbers that are not entities of case ${caseId}`,
    );
}

export async function callRecordsOf(q: Queryable, caseId: string): Promise<CallRecordRow[]> {
  return q
    .select()
    .from(callRecords)
    .where(eq(callRecords.caseId, caseId))
    .orderBy(asc(callRecords.startedAt), asc(callRecords.id));
}

export interface CallPair {
  callerEntityId: string;
  calleeEntityId: string;
  calls: number;
  first: Date;
  last: Date;
}

/** Who called whom how often: one row per ordered pair of numbers. */
export async function callPairsOf(q: Queryable, caseId: string): Promise<CallPair[]> {
  const rows = await q
    .select({
      callerEntityId: callRecords.callerEntityId,
      calleeEntityId: callRecords.calleeEntityId,
      calls: sql<number>`count(*)::int`,
      first: sql<string>`min(${callRecords.startedAt})`,
      last: sql<string>`max(${callRecords.startedAt})`,
    })
    .from(callRecords)
    .where(eq(callRecords.caseId, caseId))
    .groupBy(callRecords.callerEntityId, callRecords.calleeEntityId)
    .orderBy(asc(callRecords.callerEntityId), asc(callRecords.calleeEntityId));
  return rows.map((r) => ({
    ...r,
    calls: Number(r.calls),
    first: new Date(r.first),
    last: new Date(r.last),
  }));
}
