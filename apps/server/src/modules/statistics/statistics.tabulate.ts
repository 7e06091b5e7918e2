import { ROUNDING_BASE, SUPPRESSION_THRESHOLD } from '@veza/shared';
import type { StatisticsDimension, StatisticsFigure, StatisticsInterval, StatisticsRow } from '@veza/shared';

/** One screening or referral as statistics see it: attributes only, and a key for the person. */
export interface StatisticsRecord {
  /** The person counted (a person id, or the screening's own id when no person was recorded). */
  personKey: string;
  at: Date;
  jurisdiction: string;
  sex: string;
  ageGroup: string;
  nationality: string;
  outcome: string;
  exploitationTypes: readonly string[];
}

/** The exact count of one cell, before protection. Never leaves the server. */
export interface ExactCell {
  keys: string[];
  count: number;
  people: number;
}

/**
 * Disclosure control for every figure that leaves the server, cells and totals alike:
 * 1. a figure that describes 1 to 10 distinct people is withheld (k = 11), whatever it counts;
 * 2. every other figure is rounded to the nearest multiple of 5.
 * Totals are computed from the records (not summed from rounded cells) and protected the same way,
 * so "total minus the visible cells" leaves an uncertainty of several people about a withheld cell
 * (docs/statistics.md explains why rounding was chosen over complementary suppression).
 */
export function protect(count: number, people: number): StatisticsFigure {
  if (people > 0 && people < SUPPRESSION_THRESHOLD) return { value: null, suppressed: true };
  return { value: Math.round(count / ROUNDING_BASE) * ROUNDING_BASE, suppressed: false };
}

export function periodKey(at: Date, interval: StatisticsInterval): string {
  const year = at.getUTCFullYear();
  if (interval === 'year') return String(year);
  if (interval === 'quarter') return `${year}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
  return `${year}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

function valuesOf(
  record: StatisticsRecord,
  dimension: StatisticsDimension,
  interval: StatisticsInterval,
): string[] {
  switch (dimension) {
    case 'period':
      return [periodKey(record.at, interval)];
    case 'jurisdiction':
      return [record.jurisdiction];
    case 'sex':
      return [record.sex];
    case 'age_group':
      return [record.ageGroup];
    case 'nationality':
      return [record.nationality];
    case 'outcome':
      return [record.outcome];
    case 'exploitation_type':
      return record.exploitationTypes.length > 0 ? [...new Set(record.exploitationTypes)] : ['none'];
  }
}

/** Exact counts per combination of the dimensions (a record with several exploitation types counts under each). */
export function countCells(
  records: readonly StatisticsRecord[],
  groupBy: readonly StatisticsDimension[],
  interval: StatisticsInterval,
): ExactCell[] {
  const cells = new Map<string, { keys: string[]; count: number; people: Set<string> }>();
  for (const record of records) {
    let combos: string[][] = [[]];
    for (const dimension of groupBy) {
      const values = valuesOf(record, dimension, interval);
      combos = combos.flatMap((prefix) => values.map((value) => [...prefix, value]));
    }
    for (const keys of combos) {
      const id = JSON.stringify(keys);
      const cell = cells.get(id) ?? { keys, count: 0, people: new Set<string>() };
      cell.count += 1;
      cell.people.add(record.personKey);
      cells.set(id, cell);
    }
  }
  return [...cells.values()]
    .map((cell) => ({ keys: cell.keys, count: cell.count, people: cell.people.size }))
    .sort((a, b) => compareKeys(a.keys, b.keys));
}

/** The table as it may be shown and exported: protected cells and a protected total. */
export function tabulate(
  records: readonly StatisticsRecord[],
  groupBy: readonly StatisticsDimension[],
  interval: StatisticsInterval,
): { rows: StatisticsRow[]; total: StatisticsFigure } {
  const rows = countCells(records, groupBy, interval).map((cell) => ({
    keys: cell.keys,
    ...protect(cell.count, cell.people),
  }));
  const people = new Set(records.map((r) => r.personKey)).size;
  return { rows, total: protect(records.length, people) };
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = (a[i] ?? '').localeCompare(b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}
