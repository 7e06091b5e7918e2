import { and, asc, desc, eq, max } from 'drizzle-orm';
import { instrumentVersions } from '@veza/db';
import type { Queryable } from '@veza/db';

export type InstrumentVersionRow = typeof instrumentVersions.$inferSelect;

const PUBLISHED = 'published';

/** Published versions, by instrument id and then newest first. */
export async function listPublishedVersions(q: Queryable): Promise<InstrumentVersionRow[]> {
  return q
    .select()
    .from(instrumentVersions)
    .where(eq(instrumentVersions.status, PUBLISHED))
    .orderBy(asc(instrumentVersions.instrumentId), desc(instrumentVersions.version));
}

/** One published version; the latest when `version` is absent. */
export async function findPublishedVersion(
  q: Queryable,
  instrumentId: string,
  version?: number,
): Promise<InstrumentVersionRow | undefined> {
  const [row] = await q
    .select()
    .from(instrumentVersions)
    .where(
      and(
        eq(instrumentVersions.instrumentId, instrumentId),
        eq(instrumentVersions.status, PUBLISHED),
        version === undefined ? undefined : eq(instrumentVersions.version, version),
      ),
    )
    .orderBy(desc(instrumentVersions.version))
    .limit(1);
  return row;
}

/** The highest version number of an instrument in any status; null when it has none. */
export async function latestVersionNumber(q: Queryable, instrumentId: string): Promise<number | null> {
  const [row] = await q
    .select({ version: max(instrumentVersions.version) })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.instrumentId, instrumentId));
  return row?.version ?? null;
}

export async function instrumentExists(q: Queryable, instrumentId: string): Promise<boolean> {
  return (await latestVersionNumber(q, instrumentId)) !== null;
}

/** Inserts a version; false when that number was taken meanwhile (two publishers at once). */
export async function insertVersion(
  q: Queryable,
  row: typeof instrumentVersions.$inferInsert,
): Promise<boolean> {
  const inserted = await q
    .insert(instrumentVersions)
    .values(row)
    .onConflictDoNothing()
    .returning({ version: instrumentVersions.version });
  return inserted.length === 1;
}

/** The content of the instrument version a screening used (title and indicators in every language). */
export async function instrumentContent(
  q: Queryable,
  instrumentId: string,
  version: number,
): Promise<Record<string, unknown> | null> {
  const [row] = await q
    .select({ content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.instrumentId, instrumentId), eq(instrumentVersions.version, version)));
  return row?.content ?? null;
}
