import { describe, expect, it } from 'vitest';
import type { RequestStatisticsRow } from './requests.repository.ts';
import { pairStatistics, protectCount, protectParts } from './requests.statistics.ts';

const RECEIVED = new Date('2026-11-02T08:00:00Z');
const DUE = new Date('2026-11-09T08:00:00Z');
const hours = (n: number) => new Date(RECEIVED.getTime() + n * 3_600_000);

function row(changes: Partial<RequestStatisticsRow> = {}): RequestStatisticsRow {
  return {
    fromJurisdictionCode: 'RS',
    toJurisdictionCode: 'ME',
    receivedAt: RECEIVED,
    dueAt: DUE,
    firstAnsweredAt: null,
    refusalGround: null,
    delayAt: null,
    ...changes,
  };
}

describe('request statistics', () => {
  it('withholds a count of 1 to 10 requests and shows 0 and 11 as they are', () => {
    expect(protectCount(0)).toEqual({ value: 0, suppressed: false });
    expect(protectCount(10)).toEqual({ value: null, suppressed: true });
    expect(protectCount(11)).toEqual({ value: 11, suppressed: false });
  });

  it('withholds a second ground when the refusals total would give a withheld one away', () => {
    expect(protectParts([12, 3, 0])).toEqual([
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 0, suppressed: false },
    ]);
    expect(protectParts([12, 11, 0]).every((figure) => !figure.suppressed)).toBe(true);
  });

  it('counts answers by the deadline as in time and the rest late, with the median to the first answer', () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => row({ firstAnsweredAt: hours(10 + i) })),
      ...Array.from({ length: 11 }, () => row({ firstAnsweredAt: hours(200), delayAt: hours(5) })),
      row({ toJurisdictionCode: 'AL' }),
    ];
    const [toAlbania, toMontenegro] = pairStatistics(rows);
    expect(toAlbania?.requests).toEqual({ value: null, suppressed: true });
    expect(toMontenegro).toMatchObject({
      from: 'RS',
      to: 'ME',
      requests: { value: 23, suppressed: false },
      answeredInTime: { value: 12, suppressed: false },
      answeredLate: { value: 11, suppressed: false },
      delayed: { value: 11, suppressed: false },
      refused: { value: 0, suppressed: false },
    });
    // 23 answers: the 12th fastest took 21 hours.
    expect(toMontenegro?.medianMinutesToAnswer).toEqual({ value: 21 * 60, suppressed: false });
  });

  it('withholds the median when fewer than 11 requests were answered', () => {
    const [pair] = pairStatistics(
      Array.from({ length: 20 }, (_, i) => row(i < 3 ? { firstAnsweredAt: hours(1) } : {})),
    );
    expect(pair?.requests.value).toBe(20);
    expect(pair?.medianMinutesToAnswer).toEqual({ value: null, suppressed: true });
  });
});
