import type { JurisdictionCode, RequestPeriod, RequestUrgency } from '@veza/shared';

/**
 * The local time of each jurisdiction's single point of contact: periods are counted there
 * (Directive 2023/977 art. 5, counted as Regulation 1182/71 art. 3 does). Kosovo* keeps Belgrade time.
 */
export const JURISDICTION_TIME_ZONE: Readonly<Record<JurisdictionCode, string>> = {
  AL: 'Europe/Tirane',
  BA: 'Europe/Sarajevo',
  HR: 'Europe/Zagreb',
  XK: 'Europe/Belgrade',
  ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje',
  RS: 'Europe/Belgrade',
};

/** Directive 2023/977 art. 5(1): urgent and directly accessible, urgent and held by others, the rest. */
export const PERIOD_OF: Readonly<Record<RequestUrgency, RequestPeriod>> = {
  urgent_direct: '8h',
  urgent_indirect: '3d',
  standard: '7d',
};

const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string, at: Date): { year: number; month: number; day: number; offsetMs: number } {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const wholeSeconds = Math.floor(at.getTime() / 1000) * 1000;
  return { year, month, day, offsetMs: asUtc - wholeSeconds };
}

/**
 * The instant at which a local calendar day begins (00:00 in `zone`). Midnight exists on every day in
 * the seven zones: their clocks change at 02:00 and 03:00.
 */
export function startOfLocalDay(zone: string, year: number, month: number, day: number): Date {
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // Two passes: the offset at the guess may differ from the offset at the answer across a change.
  let guess = midnightAsUtc - wallClock(zone, new Date(midnightAsUtc)).offsetMs;
  guess = midnightAsUtc - wallClock(zone, new Date(guess)).offsetMs;
  return new Date(guess);
}

/**
 * When an answer is due, for a request received at `receivedAt` by the contact point of `to`
 * (Regulation 1182/71 art. 3(1)-(2)):
 * - an hours period: the hour of receipt is not counted; the period starts at the beginning of the
 *   next hour and ends when that many hours have elapsed (real hours, so a clock change neither
 *   adds nor removes one);
 * - a days period: the day of receipt is not counted; the period ends at 24:00 local time of its last
 *   day, that is at the start of the following local day. Weekends and public holidays count.
 */
export function answerDue(
  urgency: RequestUrgency,
  receivedAt: Date,
  to: JurisdictionCode,
): { dueAt: Date; period: RequestPeriod } {
  const period = PERIOD_OF[urgency];
  const zone = JURISDICTION_TIME_ZONE[to];
  if (period === '8h') {
    // Local hours begin on whole UTC hours in all seven zones (their offsets are whole hours), so
    // the hour after receipt starts at the next whole UTC hour.
    const local = wallClock(zone, receivedAt);
    const localMs = receivedAt.getTime() + local.offsetMs;
    const nextLocalHour = Math.floor(localMs / HOUR_MS) * HOUR_MS + HOUR_MS;
    const startsAt = nextLocalHour - local.offsetMs;
    return { dueAt: new Date(startsAt + 8 * HOUR_MS), period };
  }
  const days = period === '3d' ? 3 : 7;
  const { year, month, day } = wallClock(zone, receivedAt);
  // The day after the last day of the period, as a calendar date (Date.UTC carries month and year ends).
  const after = new Date(Date.UTC(year, month - 1, day + days + 1));
  return {
    dueAt: startOfLocalDay(zone, after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()),
    period,
  };
}
