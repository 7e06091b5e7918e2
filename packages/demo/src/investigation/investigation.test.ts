import { describe, expect, it } from 'vitest';
import { compareNames, normalisePhone, normalisePlate, POSSIBLE_THRESHOLD } from '@veza/matching';
import { DEMO_ACCOUNTS } from '../scenario/index.ts';
import { callRecords } from './calls.ts';
import { DEMO_CASES, type DemoCase, type DemoEntity } from './index.ts';

const byTitle = (title: string): DemoCase => {
  const found = DEMO_CASES.find((c) => c.title === title);
  if (!found) throw new Error(`no demo case "${title}"`);
  return found;
};
const values = (e: DemoEntity, property: string) =>
  e.statements.filter((s) => s.property === property).map((s) => s.value);
const ofSchema = (c: DemoCase, schema: string) => c.entities.filter((e) => e.schema === schema);

describe('demo investigations', () => {
  it('keeps the three first cases and adds recruitment in Kosovo and exploitation in Serbia', () => {
    expect(DEMO_CASES.map((c) => c.title)).toEqual([
      'Operacija Sever',
      'Lučka noć',
      'Табановце',
      'Ofertat e punës',
      'Операција Бисер',
    ]);
    expect(values(byTitle('Operacija Sever').entities[0]!, 'name')).toEqual(['Ђорђе Ђорђевић']);
  });

  it('names only entities of the same case in relationship ends and references', () => {
    for (const c of DEMO_CASES) {
      const keys = c.entities.map((e) => e.key);
      expect(new Set(keys).size, c.title).toBe(keys.length);
      const named = c.entities.flatMap((e) => e.statements.filter((s) => s.value.startsWith('@')));
      for (const s of named) expect(keys, `${c.title}: ${s.value}`).toContain(s.value.slice(1));
    }
  });

  it('names each relationship by its two ends, in no language the reader may not have', () => {
    const sever = byTitle('Operacija Sever');
    const caption = (key: string) => sever.entities.find((e) => e.key === key)?.caption;
    expect(caption('courier-phone')).toBe('Ђорђе Ђорђевић → +381 64 123 4567');
    expect(caption('supply')).toBe('Ђорђе Ђорђевић → Marko Petrović');
    const links = DEMO_CASES.flatMap((c) => c.entities.filter((e) => e.ends));
    expect(links.length).toBeGreaterThan(20);
    for (const e of links) expect(e.caption, e.key).toMatch(/^\S.* → \S.*$/);
  });

  it('plants the recruiter and the girls in three countries, three scripts, found alike by the matcher', () => {
    const names = (title: string) => ofSchema(byTitle(title), 'Person').map((p) => p.caption);
    const planted = [
      ['Gjergj Leka', 'LEKA GJERGJ', 'Ђерђ Лека'],
      ['Valbona Qerimi', 'Валбона Ќерими', 'Валбона Ћерими'],
      ['Blerta Zeqiri', 'Блерта Зеќири', 'Блерта Зећири'],
    ] as const;
    for (const [kosovo, macedonia, serbia] of planted) {
      expect(names('Ofertat e punës')).toContain(kosovo);
      expect(names('Табановце')).toContain(macedonia);
      expect(names('Операција Бисер')).toContain(serbia);
      for (const other of [macedonia, serbia])
        expect(compareNames(kosovo, other).score, `${kosovo} / ${other}`).toBeGreaterThanOrEqual(
          POSSIBLE_THRESHOLD,
        );
    }
    expect(compareNames('Gjergj Leka', 'Valbona Qerimi').score).toBeLessThan(POSSIBLE_THRESHOLD);
  });

  it('gives the Serbian drugs case and trafficking case one phone and one car, written differently, in two units', () => {
    const drugs = byTitle('Operacija Sever');
    const trafficking = byTitle('Операција Бисер');
    const phones = (c: DemoCase) =>
      new Set(ofSchema(c, 'Phone').flatMap((p) => values(p, 'number').map((n) => normalisePhone(n)?.e164)));
    const plates = (c: DemoCase) =>
      new Set(
        ofSchema(c, 'Vehicle').flatMap((v) =>
          values(v, 'registrationNumber').map((n) => normalisePlate(n)?.compact),
        ),
      );
    const sharedPhones = [...phones(drugs)].filter((p) => phones(trafficking).has(p));
    expect(sharedPhones).toContain('+381641234567');
    expect([...plates(drugs)].filter((p) => plates(trafficking).has(p))).toEqual(['BG123AB']);
    const raw = (c: DemoCase) => ofSchema(c, 'Phone').flatMap((p) => values(p, 'number'));
    expect(raw(drugs)).not.toContain('064/123-45-67');
    expect(raw(trafficking)).toContain('064/123-45-67');
    const unitOf = (c: DemoCase) => {
      const owner = c.owner;
      return 'email' in owner ? DEMO_ACCOUNTS.find((a) => a.email === owner.email)?.unitKind : owner.unitKind;
    };
    expect([drugs.type, unitOf(drugs)]).toEqual(['drug_trafficking', 'drugs']);
    expect([trafficking.type, unitOf(trafficking)]).toEqual(['trafficking', 'trafficking']);
    expect(ofSchema(trafficking, 'SuppliedDrugsTo')).not.toHaveLength(0);
  });

  it('records tens to hundreds of calls between phones of each case, in time order', () => {
    let total = 0;
    for (const c of DEMO_CASES.filter((x) => x.callRecords)) {
      const calls = c.callRecords?.calls ?? [];
      const phones = new Set(ofSchema(c, 'Phone').map((p) => p.key));
      expect(calls.length, c.title).toBeGreaterThanOrEqual(30);
      for (const call of calls) {
        expect(phones.has(call.caller) && phones.has(call.callee), c.title).toBe(true);
        expect(call.caller).not.toBe(call.callee);
        expect(call.durationSeconds).toBeGreaterThan(0);
      }
      const times = calls.map((x) => x.startedAt);
      expect(times).toEqual([...times].sort());
      total += calls.length;
    }
    expect(total).toBeGreaterThanOrEqual(100);
    expect(total).toBeLessThanOrEqual(1000);
  });

  it('makes the same calls for the same seed', () => {
    const line = { a: 'x', b: 'y', count: 20, from: '2026-01-01', to: '2026-01-31', cells: ['c1', 'c2'] };
    expect(callRecords(9, [line])).toEqual(callRecords(9, [line]));
    expect(callRecords(9, [line])).not.toEqual(callRecords(10, [line]));
  });

  it('puts every address on the map in the region, and dates every event and trip', () => {
    const addresses = DEMO_CASES.flatMap((c) => ofSchema(c, 'Address'));
    expect(addresses.length).toBeGreaterThanOrEqual(6);
    for (const a of addresses) {
      const lat = Number(values(a, 'latitude')[0]);
      const lon = Number(values(a, 'longitude')[0]);
      expect(lat, a.caption).toBeGreaterThan(39);
      expect(lat, a.caption).toBeLessThan(47);
      expect(lon, a.caption).toBeGreaterThan(13);
      expect(lon, a.caption).toBeLessThan(24);
    }
    const happenings = DEMO_CASES.flatMap((c) => [...ofSchema(c, 'Event'), ...ofSchema(c, 'Trip')]);
    expect(ofSchema(byTitle('Табановце'), 'Trip')).toHaveLength(1);
    for (const h of happenings) expect(values(h, 'startDate')[0], h.caption).toMatch(/^2026-\d{2}-\d{2}/);
  });
});
