import {
  REFUSAL_GROUNDS,
  SUPPRESSION_THRESHOLD,
  type JurisdictionCode,
  type RefusalGround,
  type RequestPairStatistics,
  type StatisticsFigure,
} from '@veza/shared';
import type { RequestStatisticsRow } from './requests.repository.ts';

/*
 * Figures per pair of jurisdictions, protected before they leave the server by the rule of every
 * published statistic here (modules/statistics, docs/statistics.md): a figure about 1 to 10 requests
 * is withheld (k = SUPPRESSION_THRESHOLD). They count requests, not people, and are the points of
 * contact's own performance, so they are not rounded: a SPOC checks them against its register. Rounding
 * is what keeps the other statistics' totals from giving withheld cells away; here no total is the sum
 * of shown parts except the refusals, whose grounds are withheld in pairs (see `protectParts`).
 */

const withheld: StatisticsFigure = { value: null, suppressed: true };

/** A count as it may be shown: withheld when it is about 1 to 10 requests. */
export function protectCount(count: number): StatisticsFigure {
  return count > 0 && count < SUPPRESSION_THRESHOLD ? withheld : { value: count, suppressed: false };
}

/**
 * Parts of a shown total (refusals by ground): each withheld under the threshold, and when the withheld
 * parts together come to fewer than the threshold, the smallest shown parts are withheld with them, so
 * that the total minus the shown parts never tells a withheld figure of 1 to 10.
 */
export function protectParts(counts: readonly number[]): StatisticsFigure[] {
  const hidden = counts.map((count) => count > 0 && count < SUPPRESSION_THRESHOLD);
  const hiddenSum = () => counts.reduce((sum, count, i) => sum + (hidden[i] ? count : 0), 0);
  while (hiddenSum() > 0 && hiddenSum() < SUPPRESSION_THRESHOLD) {
    const shown = counts
      .map((count, i) => ({ count, i }))
      .filter(({ count, i }) => !hidden[i] && count > 0)
      .sort((a, b) => a.count - b.count);
    const next = shown[0];
    if (!next) break;
    hidden[next.i] = true;
  }
  return counts.map((count, i) => (hidden[i] ? withheld : { value: count, suppressed: false }));
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

/** The figures of each pair the rows reach, from → to in code order. */
export function pairStatistics(rows: readonly RequestStatisticsRow[]): RequestPairStatistics[] {
  const pairs = new Map<string, RequestStatisticsRow[]>();
  for (const row of rows) {
    const key = `${row.fromJurisdictionCode}>${row.toJurisdictionCode}`;
    pairs.set(key, [...(pairs.get(key) ?? []), row]);
  }
  return [...pairs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, list]) => {
      const first = list[0] as RequestStatisticsRow;
      const answered = list.filter((row) => row.firstAnsweredAt && row.receivedAt);
      const inTime = answered.filter(
        (row) => row.dueAt && (row.firstAnsweredAt as Date).getTime() <= row.dueAt.getTime(),
      ).length;
      const minutes = answered
        .map((row) => ((row.firstAnsweredAt as Date).getTime() - (row.receivedAt as Date).getTime()) / 60_000)
        .sort((a, b) => a - b);
      const byGround = REFUSAL_GROUNDS.map(
        (ground) => list.filter((row) => row.refusalGround === ground).length,
      );
      const refused = byGround.reduce((sum, n) => sum + n, 0);
      const grounds = protectParts(byGround);
      return {
        from: first.fromJurisdictionCode as JurisdictionCode,
        to: first.toJurisdictionCode as JurisdictionCode,
        requests: protectCount(list.length),
        answeredInTime: protectCount(inTime),
        answeredLate: protectCount(answered.length - inTime),
        medianMinutesToAnswer:
          answered.length >= SUPPRESSION_THRESHOLD
            ? { value: Math.round(median(minutes)), suppressed: false }
            : answered.length === 0
              ? { value: null, suppressed: false }
              : withheld,
        delayed: protectCount(list.filter((row) => row.delayAt !== null).length),
        refused: protectCount(refused),
        refusedByGround: REFUSAL_GROUNDS.map((ground: RefusalGround, i) => ({
          ground,
          ...(grounds[i] as StatisticsFigure),
        })),
      };
    });
}
