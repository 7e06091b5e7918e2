import { describe, expect, it } from 'vitest';
import { generatePeople, REGIONAL_NAMES } from './index.ts';

describe('synthetic people', () => {
  it('gives the same population for the same seed and another for another seed', () => {
    const a = generatePeople({ count: 500, seed: 1, duplicateRate: 0.1 });
    const b = generatePeople({ count: 500, seed: 1, duplicateRate: 0.1 });
    const c = generatePeople({ count: 500, seed: 2, duplicateRate: 0.1 });
    expect(a).toEqual(b);
    expect(a.records.map((r) => r.names[0])).not.toEqual(c.records.map((r) => r.names[0]));
  });

  it('plants duplicates whose ids exist, with the requested count of records', () => {
    const { records, planted } = generatePeople({ count: 2000, seed: 3, duplicateRate: 0.2 });
    expect(records).toHaveLength(2000);
    const ids = new Set(records.map((r) => r.id));
    expect(planted.length).toBeGreaterThan(200);
    expect(planted.every(([x, y]) => ids.has(x) && ids.has(y) && x !== y)).toBe(true);
  });

  it('writes Serbian records in both scripts and Macedonian ones in Cyrillic', () => {
    const { records } = generatePeople({ count: 3000, seed: 4, duplicateRate: 0 });
    const serbian = records.filter((r) => r.country === 'RS').map((r) => r.names[0] ?? '');
    expect(serbian.some((n) => /\p{Script=Cyrillic}/u.test(n))).toBe(true);
    expect(serbian.some((n) => /^\p{Script=Latin}/u.test(n))).toBe(true);
    expect(REGIONAL_NAMES.MK.surnames.every((s) => /\p{Script=Cyrillic}/u.test(s))).toBe(true);
  });
});
