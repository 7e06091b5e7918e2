/** Milliseconds of a date or date prefix (`2026`, `2026-03`, `2026-03-05`, a timestamp), UTC. */
export function toTime(date: string): number {
  const [year, month = '01', day = '01'] = date.slice(0, 10).split('-');
  if (date.length > 10) {
    const parsed = Date.parse(date);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return Date.UTC(Number(year), Number(month) - 1, Number(day));
}

export interface TimeAxis {
  readonly start: number;
  readonly end: number;
  /** Tick positions (ms), evenly spaced, start and end included. */
  readonly ticks: readonly number[];
  readonly x: (time: number) => number;
}

const DAY = 86_400_000;

/**
 * A linear time axis over the given dates from `left` to `right` pixels, padded by a day either
 * side so a single date or a single day of calls still has room; null without dates.
 */
export function timeAxis(
  dates: readonly string[],
  left: number,
  right: number,
  tickCount = 6,
): TimeAxis | null {
  if (dates.length === 0) return null;
  const times = dates.map(toTime).filter((t) => Number.isFinite(t));
  if (times.length === 0) return null;
  const start = Math.min(...times) - DAY;
  const end = Math.max(...times) + DAY;
  const span = end - start;
  const ticks = Array.from({ length: tickCount }, (_, i) => start + (span * i) / (tickCount - 1));
  return { start, end, ticks, x: (time) => left + ((time - start) / span) * (right - left) };
}
