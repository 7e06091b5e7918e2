import { describe, expect, it } from 'vitest';
import { projectMap } from './map.ts';
import { timeAxis, toTime } from './timeline.ts';

const places = [
  { id: 'bg', label: 'Булевар краља Александра 73, Београд', lat: 44.8059, lon: 20.4781 },
  { id: 'bg2', label: 'Parking, Ušće, Beograd', lat: 44.816, lon: 20.437 },
  { id: 'ns', label: 'Булевар ослобођења 46, Нови Сад', lat: 45.2461, lon: 19.8424 },
  { id: 'pr', label: 'Rr. Nëna Terezë 20, Prishtinë', lat: 42.6589, lon: 21.161 },
];

describe('map from the case data', () => {
  const map = projectMap(places, 960, 560);
  const at = (id: string) => map.points.find((p) => p.id === id)!;

  it('puts north up and east right, inside the drawing', () => {
    expect(at('ns').y).toBeLessThan(at('bg').y);
    expect(at('pr').y).toBeGreaterThan(at('bg').y);
    expect(at('pr').x).toBeGreaterThan(at('ns').x);
    for (const p of map.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(960);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(560);
    }
  });

  it('draws a graticule of whole degrees over the Balkans, parallels and meridians', () => {
    expect(map.step).toBe(1);
    expect(map.graticule.filter((l) => l.kind === 'parallel').map((l) => l.degrees)).toEqual([43, 44, 45]);
    expect(map.graticule.filter((l) => l.kind === 'meridian').map((l) => l.degrees)).toEqual([20, 21]);
  });

  it('moves a label that would cover another one', () => {
    expect(Math.abs(at('bg').labelY - at('bg2').labelY)).toBeGreaterThanOrEqual(14);
  });

  it('gives a single place a map around it', () => {
    const one = projectMap([places[0]!], 400, 300);
    expect(one.points[0]!.x).toBeCloseTo(200, 0);
    expect(one.graticule.length).toBeGreaterThan(0);
  });
});

describe('time axis', () => {
  it('reads date prefixes as the start of the period and spans the dates with a day either side', () => {
    expect(toTime('2026-03')).toBe(Date.UTC(2026, 2, 1));
    expect(toTime('2026')).toBe(Date.UTC(2026, 0, 1));
    const axis = timeAxis(['2026-03-05', '2026-02-14'], 100, 900)!;
    expect(axis.x(toTime('2026-02-14'))).toBeGreaterThan(100);
    expect(axis.x(toTime('2026-03-05'))).toBeLessThan(900);
    expect(axis.x(toTime('2026-02-14'))).toBeLessThan(axis.x(toTime('2026-03-05')));
    expect(timeAxis([], 0, 1)).toBeNull();
  });
});
