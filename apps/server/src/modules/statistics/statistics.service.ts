import type { Queryable } from '@veza/db';
import { ROUNDING_BASE, SUPPRESSION_THRESHOLD } from '@veza/shared';
import type { JurisdictionCode, StatisticsQueryParsed, StatisticsTable } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, listScope } from '../../platform/policy/index.ts';
import { statisticsCsv } from './statistics.csv.ts';
import { referralRecords, screeningRecords } from './statistics.repository.ts';
import { tabulate } from './statistics.tabulate.ts';

/**
 * Counts of screenings or referrals, protected before they leave the server. Protected counts are
 * not personal data, so looking at them is not logged; an export leaves the system and is.
 */
export async function readStatistics(
  q: Queryable,
  ctx: RequestContext,
  query: StatisticsQueryParsed,
): Promise<StatisticsTable> {
  const actor = signedIn(ctx);
  const jurisdiction = query.jurisdiction ?? defaultJurisdiction(actor);
  authorize(ctx, 'statistics.view', { type: 'statistics', jurisdiction });
  return buildTable(q, query, jurisdiction);
}

/** The same protected table as CSV; audited as a disclosure with the query that produced it. */
export async function exportStatistics(
  q: Queryable,
  ctx: RequestContext,
  query: StatisticsQueryParsed,
): Promise<{ csv: string; filename: string }> {
  const actor = signedIn(ctx);
  const jurisdiction = query.jurisdiction ?? defaultJurisdiction(actor);
  authorize(ctx, 'statistics.export', { type: 'statistics', jurisdiction });
  const table = await buildTable(q, query, jurisdiction);
  await appendAudit(q, ctx, {
    operation: 'disclosure',
    action: 'statistics.export',
    recordType: 'statistics',
    ...(jurisdiction !== null && { recordId: jurisdiction }),
    outcome: 'allowed',
    details: {
      measure: table.measure,
      from: table.from,
      to: table.to,
      groupBy: table.groupBy,
      interval: table.interval,
      rows: table.rows.length,
      suppressed: table.rows.filter((r) => r.suppressed).length,
    },
  });
  const filename = `veza-${table.measure}-${jurisdiction ?? 'all'}-${table.from}-${table.to}.csv`;
  return { csv: statisticsCsv(table), filename };
}

async function buildTable(
  q: Queryable,
  query: StatisticsQueryParsed,
  jurisdiction: JurisdictionCode | null,
): Promise<StatisticsTable> {
  const selection = {
    start: monthStart(query.from),
    end: monthStart(query.to, 1),
    jurisdictions: jurisdiction === null ? null : [jurisdiction],
  };
  const records =
    query.measure === 'screenings'
      ? await screeningRecords(q, selection)
      : await referralRecords(q, selection);
  const { rows, total } = tabulate(records, query.groupBy, query.interval);
  return {
    measure: query.measure,
    from: query.from,
    to: query.to,
    jurisdiction,
    groupBy: query.groupBy,
    interval: query.interval,
    threshold: SUPPRESSION_THRESHOLD,
    roundingBase: ROUNDING_BASE,
    rows,
    total,
  };
}

/** A national coordinator who names no jurisdiction means their own; regional readers mean all. */
function defaultJurisdiction(actor: Actor): JurisdictionCode | null {
  const scope = listScope(actor, 'statistics.view', 'statistics');
  return scope.kind === 'jurisdictions' && scope.codes.length === 1 ? (scope.codes[0] ?? null) : null;
}

function monthStart(month: string, plus = 0): Date {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1 + plus, 1));
}

function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}
