import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from '@veza/shared';
import type { JurisdictionCode, RequestUrgency } from '@veza/shared';
import { answerDue, JURISDICTION_TIME_ZONE, startOfLocalDay } from './requests.deadline.ts';

function due(urgency: RequestUrgency, receivedAt: string, to: JurisdictionCode = 'RS'): string {
  return answerDue(urgency, new Date(receivedAt), to).dueAt.toISOString();
}

describe('8-hour period (urgent, directly accessible)', () => {
  it('starts at the next whole hour: the hour of receipt is not counted', () => {
    // 10:20 in Belgrade (CET, +01:00): counting starts 11:00, ends 19:00 local = 18:00Z.
    expect(due('urgent_direct', '2026-01-14T10:20:00+01:00')).toBe('2026-01-14T18:00:00.000Z');
  });

  it('does not count the hour of receipt even when received on the hour', () => {
    expect(due('urgent_direct', '2026-01-14T10:00:00+01:00')).toBe('2026-01-14T18:00:00.000Z');
    expect(due('urgent_direct', '2026-01-14T10:59:59.999+01:00')).toBe('2026-01-14T18:00:00.000Z');
  });

  it('runs across midnight and a month end', () => {
    // 31 January 21:05 in Skopje: from 22:00, eight hours end 06:00 on 1 February (05:00Z).
    expect(due('urgent_direct', '2026-01-31T21:05:00+01:00', 'MK')).toBe('2026-02-01T05:00:00.000Z');
  });

  it('counts real hours across the spring change (29 March 2026)', () => {
    // 00:30 CET in Podgorica; the period starts 01:00 CET (00:00Z); clocks jump 02:00 -> 03:00 at 01:00Z;
    // eight elapsed hours end at 08:00Z, which is 10:00 CEST on the wall.
    const result = answerDue('urgent_direct', new Date('2026-03-29T00:30:00+01:00'), 'ME');
    expect(result).toEqual({ dueAt: new Date('2026-03-29T08:00:00.000Z'), period: '8h' });
  });

  it('counts real hours across the autumn change (25 October 2026)', () => {
    // 02:30 CEST in Zagreb (00:30Z); starts 03:00 CEST (01:00Z) = 02:00 CET; ends 09:00Z = 10:00 CET.
    expect(due('urgent_direct', '2026-10-25T02:30:00+02:00', 'HR')).toBe('2026-10-25T09:00:00.000Z');
  });

  it('reads any offset the sender wrote: the instant decides, not the writing', () => {
    expect(due('urgent_direct', '2026-01-14T09:20:00Z')).toBe(
      due('urgent_direct', '2026-01-14T10:20:00+01:00'),
    );
  });
});

describe('days periods (3 and 7 calendar days)', () => {
  it('does not count the day of receipt and ends at 24:00 local time of the last day', () => {
    // Received Monday 12 January 2026, 23:59 in Tirana: days 13, 14, 15; due 16 January 00:00 CET.
    expect(due('urgent_indirect', '2026-01-12T23:59:00+01:00', 'AL')).toBe('2026-01-15T23:00:00.000Z');
    // Received a minute later (Tuesday 00:00 local), the day of receipt is the 13th.
    expect(due('urgent_indirect', '2026-01-13T00:00:00+01:00', 'AL')).toBe('2026-01-16T23:00:00.000Z');
  });

  it('takes the day of receipt in the receiving jurisdiction, not in UTC', () => {
    // 23:30Z on 12 January is already 13 January, 00:30, in Sarajevo.
    expect(due('standard', '2026-01-12T23:30:00Z', 'BA')).toBe('2026-01-20T23:00:00.000Z');
  });

  it('counts weekends and holidays: seven calendar days from a Friday', () => {
    // Friday 1 May 2026 (Labour Day) in Belgrade: days 2-8 May; due 9 May 00:00 CEST = 8 May 22:00Z.
    expect(due('standard', '2026-05-01T15:00:00+02:00')).toBe('2026-05-08T22:00:00.000Z');
  });

  it('carries month and year ends', () => {
    // 28 February 2026 (not a leap year) + 3 days: 1, 2, 3 March; due 4 March 00:00 CET.
    expect(due('urgent_indirect', '2026-02-28T12:00:00+01:00')).toBe('2026-03-03T23:00:00.000Z');
    // 29 December 2026 + 7 days: 30 Dec ... 5 Jan; due 6 January 2027 00:00 CET.
    expect(due('standard', '2026-12-29T08:00:00+01:00', 'MK')).toBe('2027-01-05T23:00:00.000Z');
    // Leap year: 27 February 2028 + 3 days: 28, 29 February, 1 March; due 2 March.
    expect(due('urgent_indirect', '2028-02-27T08:00:00+01:00')).toBe('2028-03-01T23:00:00.000Z');
  });

  it('ends at local midnight in summer time when the period crosses the spring change', () => {
    // Received 27 March 2026 (CET); days 28, 29 (clock change), 30; due 31 March 00:00 CEST = 30 March 22:00Z.
    expect(due('urgent_indirect', '2026-03-27T10:00:00+01:00', 'ME')).toBe('2026-03-30T22:00:00.000Z');
  });

  it('ends at local midnight in winter time when the period crosses the autumn change', () => {
    // Received 24 October 2026 (CEST); days 25 (change) ... 31; due 1 November 00:00 CET = 31 Oct 23:00Z.
    expect(due('standard', '2026-10-24T18:00:00+02:00', 'HR')).toBe('2026-10-31T23:00:00.000Z');
  });

  it('counts a request received on the day of the change from that day’s local date', () => {
    // 29 March 2026, 23:30 CEST in Skopje (21:30Z): days 30, 31 March, 1 April; due 2 April 00:00 CEST.
    expect(due('urgent_indirect', '2026-03-29T23:30:00+02:00', 'MK')).toBe('2026-04-01T22:00:00.000Z');
    // 25 October 2026, 00:30 CEST in Tirana (24 Oct 22:30Z): days 26, 27, 28; due 29 October 00:00 CET.
    expect(due('urgent_indirect', '2026-10-24T22:30:00Z', 'AL')).toBe('2026-10-28T23:00:00.000Z');
  });

  it('gives each urgency its period', () => {
    const at = new Date('2026-06-10T09:00:00+02:00');
    expect(answerDue('urgent_direct', at, 'XK').period).toBe('8h');
    expect(answerDue('urgent_indirect', at, 'XK').period).toBe('3d');
    expect(answerDue('standard', at, 'XK').period).toBe('7d');
  });
});

describe('local midnight', () => {
  it('is found on the days the clocks change, in every jurisdiction', () => {
    for (const code of JURISDICTIONS) {
      const zone = JURISDICTION_TIME_ZONE[code];
      expect(startOfLocalDay(zone, 2026, 3, 29).toISOString()).toBe('2026-03-28T23:00:00.000Z');
      expect(startOfLocalDay(zone, 2026, 3, 30).toISOString()).toBe('2026-03-29T22:00:00.000Z');
      expect(startOfLocalDay(zone, 2026, 10, 25).toISOString()).toBe('2026-10-24T22:00:00.000Z');
      expect(startOfLocalDay(zone, 2026, 10, 26).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    }
  });
});
