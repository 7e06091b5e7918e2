import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { savedCharts } from '@veza/db';
import type { Queryable } from '@veza/db';
import { edgesOfCase } from '../entities/index.ts';
import type { ChartSourceLink } from './chart.build.ts';
export { callHeat, callPairsOfCase, callsPerDay, type CallDay, type CallHeat } from '../exchange/index.ts';

export type SavedChartRow = typeof savedCharts.$inferSelect;

export function linksOfCase(q: Queryable, caseId: string): Promise<ChartSourceLink[]> {
  return edgesOfCase(q, caseId);
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
