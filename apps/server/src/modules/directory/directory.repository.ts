import { and, asc, count, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { directoryEntries } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { DirectoryFunction, JurisdictionCode } from '@veza/shared';
import { queryTerms } from './directory.search-key.ts';

export type DirectoryEntryRow = typeof directoryEntries.$inferSelect;
export type NewDirectoryEntryRow = typeof directoryEntries.$inferInsert;

export interface DirectoryQuery {
  jurisdiction?: JurisdictionCode | undefined;
  function?: DirectoryFunction | undefined;
  language?: string | undefined;
  q?: string | undefined;
  /** Only entries last confirmed before this moment (overdue ones). */
  confirmedBefore?: Date | undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(query: DirectoryQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (query.jurisdiction) parts.push(eq(directoryEntries.jurisdictionCode, query.jurisdiction));
  if (query.function) parts.push(eq(directoryEntries.function, query.function));
  // English is stored with every entry (the request language rule), so `en` finds them all.
  if (query.language)
    parts.push(sql`${directoryEntries.languages} @> ${JSON.stringify([query.language])}::jsonb`);
  if (query.confirmedBefore) parts.push(lt(directoryEntries.lastConfirmedAt, query.confirmedBefore));
  for (const term of queryTerms(query.q ?? '')) {
    const folded = sql`${directoryEntries.searchKey} LIKE ${`%${escapeLike(term.folded)}%`}`;
    parts.push(
      term.phonetic === null
        ? folded
        : or(folded, sql`${directoryEntries.searchKey} LIKE ${`%${escapeLike(term.phonetic)}%`}`),
    );
  }
  return parts.length === 0 ? undefined : and(...parts);
}

/**
 * One page of entries in a stable order (jurisdiction, function, organisation), how many the filter
 * finds and how many of those were confirmed before `overdueBefore`: one scan, the two counts as
 * window aggregates computed before the LIMIT. A page past the end has no row to carry them, so
 * only then is counting a query of its own.
 */
export async function listEntries(
  q: Queryable,
  query: DirectoryQuery,
  page: { limit: number; offset: number },
  overdueBefore: Date,
): Promise<{ rows: DirectoryEntryRow[]; total: number; overdue: number }> {
  const where = conditions(query);
  const overdue = sql<number>`(count(*) filter (where ${directoryEntries.lastConfirmedAt} < ${overdueBefore}) over ())::int`;
  const found = await q
    .select({
      entry: directoryEntries,
      total: sql<number>`(count(*) over ())::int`,
      overdue,
    })
    .from(directoryEntries)
    .where(where)
    .orderBy(
      asc(directoryEntries.jurisdictionCode),
      asc(directoryEntries.function),
      asc(directoryEntries.organisation),
      asc(directoryEntries.id),
    )
    .limit(page.limit)
    .offset(page.offset);
  const first = found[0];
  if (first) return { rows: found.map((r) => r.entry), total: first.total, overdue: first.overdue };
  if (page.offset === 0) return { rows: [], total: 0, overdue: 0 };
  const [counted] = await q
    .select({
      total: count(),
      overdue: sql<number>`(count(*) filter (where ${directoryEntries.lastConfirmedAt} < ${overdueBefore}))::int`,
    })
    .from(directoryEntries)
    .where(where);
  return { rows: [], total: counted?.total ?? 0, overdue: counted?.overdue ?? 0 };
}

/** Every entry of a jurisdiction, for the exports. */
export async function entriesOf(q: Queryable, jurisdiction: JurisdictionCode): Promise<DirectoryEntryRow[]> {
  return q
    .select()
    .from(directoryEntries)
    .where(eq(directoryEntries.jurisdictionCode, jurisdiction))
    .orderBy(asc(directoryEntries.function), asc(directoryEntries.organisation), asc(directoryEntries.id));
}

/** The entries of a jurisdiction with one of the given functions (for other modules). */
export async function entriesByFunction(
  q: Queryable,
  jurisdiction: JurisdictionCode,
  functions: readonly DirectoryFunction[],
): Promise<DirectoryEntryRow[]> {
  if (functions.length === 0) return [];
  return q
    .select()
    .from(directoryEntries)
    .where(
      and(
        eq(directoryEntries.jurisdictionCode, jurisdiction),
        inArray(directoryEntries.function, [...functions]),
      ),
    )
    .orderBy(asc(directoryEntries.function), asc(directoryEntries.organisation), asc(directoryEntries.id));
}

export async function findEntry(q: Queryable, id: string): Promise<DirectoryEntryRow | null> {
  const [row] = await q.select().from(directoryEntries).where(eq(directoryEntries.id, id)).limit(1);
  return row ?? null;
}

export async function insertEntries(q: Queryable, rows: readonly NewDirectoryEntryRow[]): Promise<void> {
  // PostgreSQL takes at most 65535 parameters per statement: 14 columns, so 4,000 rows per insert.
  for (let i = 0; i < rows.length; i += 4_000)
    await q.insert(directoryEntries).values(rows.slice(i, i + 4_000));
}

export async function updateEntry(
  q: Queryable,
  id: string,
  changes: Partial<Omit<NewDirectoryEntryRow, 'id' | 'jurisdictionCode' | 'createdAt'>>,
): Promise<DirectoryEntryRow | null> {
  const [row] = await q
    .update(directoryEntries)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(directoryEntries.id, id))
    .returning();
  return row ?? null;
}

/** Entries last confirmed before `before`, with the unit that keeps each (the reminders sweep). */
export async function overdueEntries(
  q: Queryable,
  before: Date,
): Promise<
  Pick<DirectoryEntryRow, 'id' | 'jurisdictionCode' | 'function' | 'ownerUnitId' | 'lastConfirmedAt'>[]
> {
  return q
    .select({
      id: directoryEntries.id,
      jurisdictionCode: directoryEntries.jurisdictionCode,
      function: directoryEntries.function,
      ownerUnitId: directoryEntries.ownerUnitId,
      lastConfirmedAt: directoryEntries.lastConfirmedAt,
    })
    .from(directoryEntries)
    .where(lt(directoryEntries.lastConfirmedAt, before))
    .orderBy(asc(directoryEntries.lastConfirmedAt));
}
