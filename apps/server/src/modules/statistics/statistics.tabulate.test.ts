import { describe, expect, it } from 'vitest';
import { ROUNDING_BASE, STATISTICS_DIMENSIONS, SUPPRESSION_THRESHOLD } from '@veza/shared';
import type { StatisticsDimension } from '@veza/shared';
import { countCells, periodKey, protect, tabulate } from './statistics.tabulate.ts';
import type { StatisticsRecord } from './statistics.tabulate.ts';

let next = 0;
function record(overrides: Partial<StatisticsRecord> = {}): StatisticsRecord {
  next += 1;
  return {
    personKey: `p${next}`,
    at: new Date('2026-03-15T10:00:00Z'),
    jurisdiction: 'RS',
    sex: 'female',
    ageGroup: 'adult',
    nationality: 'RS',
    outcome: 'grounds_to_refer',
    exploitationTypes: ['sexual'],
    ...overrides,
  };
}
const many = (n: number, overrides: Partial<StatisticsRecord> = {}) =>
  Array.from({ length: n }, () => record(overrides));

/** A deterministic pseudo-random data set spread over every attribute. */
function mixedRecords(n: number): StatisticsRecord[] {
  let seed = 42;
  const pick = <T>(items: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return items[seed % items.length] as T;
  };
  return Array.from({ length: n }, (_, i) =>
    record({
      personKey: `p${i % Math.ceil(n * 0.8)}`,
      at: new Date(Date.UTC(2025, pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 5)),
      jurisdiction: pick(['AL', 'BA', 'HR', 'XK', 'ME', 'MK', 'RS']),
      sex: pick(['female', 'female', 'male', 'unknown']),
      ageGroup: pick(['adult', 'adult', 'child', 'unknown']),
      nationality: pick(['AL', 'RS', 'MK', 'UA', 'NG']),
      outcome: pick(['grounds_to_refer', 'further_interview', 'no_indicators']),
      exploitationTypes: pick([['sexual'], ['labour', 'forced_criminality'], [], ['begging']]),
    }),
  );
}

/** Which values of a withheld cell are consistent with the published figures of its line. */
function feasibleHiddenValues(total: number, visible: number[], hiddenOthers = 0): number[] {
  const half = Math.floor(ROUNDING_BASE / 2);
  const low =
    total - half - visible.reduce((s, v) => s + v + half, 0) - hiddenOthers * (SUPPRESSION_THRESHOLD - 1);
  const high = total + half - visible.reduce((s, v) => s + v - half, 0) - hiddenOthers;
  const values: number[] = [];
  for (let x = Math.max(1, low); x <= Math.min(SUPPRESSION_THRESHOLD - 1, high); x++) values.push(x);
  return values;
}

describe('statistics disclosure control', () => {
  it('withholds every figure about 1 to 10 people and rounds the others to 5', () => {
    for (let people = 1; people < SUPPRESSION_THRESHOLD; people++) {
      expect(protect(people, people)).toEqual({ value: null, suppressed: true });
    }
    expect(protect(11, 11)).toEqual({ value: 10, suppressed: false });
    expect(protect(13, 13)).toEqual({ value: 15, suppressed: false });
    expect(protect(0, 0)).toEqual({ value: 0, suppressed: false });
  });

  it('withholds a cell of many screenings when they concern fewer than 11 people', () => {
    const repeated = Array.from({ length: 30 }, (_, i) => record({ personKey: `same${i % 4}`, sex: 'male' }));
    const { rows } = tabulate([...repeated, ...many(20)], ['sex'], 'month');
    expect(rows.find((r) => r.keys[0] === 'male')).toMatchObject({ value: null, suppressed: true });
    expect(rows.find((r) => r.keys[0] === 'female')).toMatchObject({ value: 20, suppressed: false });
  });

  it('never publishes a figure about fewer than 11 people, for any pair of dimensions', () => {
    const records = mixedRecords(600);
    const dims = STATISTICS_DIMENSIONS;
    const combinations: StatisticsDimension[][] = dims.flatMap((a) => [
      [a],
      ...dims.filter((b) => b !== a).map((b) => [a, b]),
    ]);
    for (const groupBy of combinations) {
      const exact = countCells(records, groupBy, 'quarter');
      const { rows } = tabulate(records, groupBy, 'quarter');
      expect(rows).toHaveLength(exact.length);
      rows.forEach((row, i) => {
        const cell = exact[i]!;
        if (cell.people < SUPPRESSION_THRESHOLD) expect(row.value).toBeNull();
        else expect(row.value! % ROUNDING_BASE).toBe(0);
      });
    }
  });

  it('does not let the total and the visible cells give away a withheld cell', () => {
    // The attack: total minus every visible cell of the line equals the withheld one.
    for (let hidden = 1; hidden < SUPPRESSION_THRESHOLD; hidden++) {
      for (let visible = SUPPRESSION_THRESHOLD; visible < 80; visible++) {
        next = 0;
        const records = [...many(visible, { sex: 'female' }), ...many(hidden, { sex: 'male' })];
        const { rows, total } = tabulate(records, ['sex'], 'month');
        const shown = rows.filter((r) => !r.suppressed).map((r) => r.value!);
        expect(total.value).not.toBeNull();
        const candidates = feasibleHiddenValues(total.value!, shown);
        expect(candidates).toContain(hidden);
        expect(candidates.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('keeps two withheld cells of one line apart', () => {
    const records = [
      ...many(37, { nationality: 'RS' }),
      ...many(4, { nationality: 'UA' }),
      ...many(9, { nationality: 'NG' }),
    ];
    const { rows, total } = tabulate(records, ['nationality'], 'month');
    expect(rows.map((r) => [r.keys[0], r.value])).toEqual([
      ['NG', null],
      ['RS', 35],
      ['UA', null],
    ]);
    // The two withheld cells together: 50 - 35 = 15 +/- 4; neither is pinned down.
    expect(total.value).toBe(50);
    expect(feasibleHiddenValues(50, [35], 1).length).toBeGreaterThan(3);
  });

  it('does not publish the exact total, which would let two queries be subtracted', () => {
    const march = many(23, { at: new Date('2026-03-10T00:00:00Z') });
    const april = many(2, { at: new Date('2026-04-10T00:00:00Z') });
    const both = tabulate([...march, ...april], ['sex'], 'month').total.value!;
    const marchOnly = tabulate(march, ['sex'], 'month').total.value!;
    // 25 and 23 both round to 25: the two April screenings are invisible in the difference.
    expect(both - marchOnly).toBe(0);
  });

  it('counts a screening under each exploitation type it shows, and "none" when it shows none', () => {
    const records = [
      ...many(12, { exploitationTypes: ['labour', 'forced_criminality'] }),
      ...many(11, { exploitationTypes: [] }),
    ];
    const cells = countCells(records, ['exploitation_type'], 'month');
    expect(cells.map((c) => [c.keys[0], c.count])).toEqual([
      ['forced_criminality', 12],
      ['labour', 12],
      ['none', 11],
    ]);
  });

  it('names periods by month, quarter and year', () => {
    const at = new Date('2026-08-31T23:59:00Z');
    expect([periodKey(at, 'month'), periodKey(at, 'quarter'), periodKey(at, 'year')]).toEqual([
      '2026-08',
      '2026-Q3',
      '2026',
    ]);
  });
});
