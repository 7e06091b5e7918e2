import type { StatisticsTable } from '@veza/shared';

/** Marks a withheld figure in the CSV exactly as the screen does. */
export const SUPPRESSED_MARK = '<11';

/**
 * The protected table as CSV (RFC 4180): one column per dimension, then the count; the total last.
 * Only figures that were already protected go in, so the export can never say more than the screen.
 */
export function statisticsCsv(table: StatisticsTable): string {
  const header = [...table.groupBy, table.measure];
  const lines = table.rows.map((row) => [...row.keys, figure(row.value)]);
  const total = ['total', ...table.groupBy.slice(1).map(() => ''), figure(table.total.value)];
  const note = [
    `${table.from}..${table.to} ${table.jurisdiction ?? 'all'}: ${SUPPRESSED_MARK} = fewer than ${table.threshold} people, withheld; other figures rounded to a multiple of ${table.roundingBase}`,
  ];
  return [header, ...lines, total, note].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}

function figure(value: number | null): string {
  return value === null ? SUPPRESSED_MARK : String(value);
}

function quote(cell: string): string {
  // A leading = + - @ would be run as a formula by spreadsheets (CSV injection).
  const safe = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
