import { describe, expect, it } from 'vitest';
import { compareRecords } from './compare-records.ts';
import { jmbgControlDigit } from './identifiers/personal-id.ts';
import { prepareRecord, type PersonRecord } from './record.ts';
import { createPeopleFrequencies } from './term-frequencies.ts';

const jmbg = (first12: string): string => `${first12}${jmbgControlDigit(first12)}`;
const person = (id: string, fields: Partial<PersonRecord>): PersonRecord => ({ id, names: [], ...fields });

describe('record comparison', () => {
  it('calls the same name and birth date in two scripts the same person, explaining each field', () => {
    const c = compareRecords(
      person('a', { names: ['Ђорђе Ђорђевић'], birthDates: ['12.03.1985.'] }),
      person('b', { names: ['DJORDJEVIC DJORDJE'], birthDates: ['1985-03-12'] }),
    );
    expect(c.decision).toBe('same');
    expect(c.fields.map((f) => [f.field, f.outcome])).toEqual([
      ['name', 'agree'],
      ['birthDate', 'agree'],
    ]);
    expect(c.name?.explanation?.alignments.length).toBe(2);
  });

  it('treats a shared valid JMBG as strong evidence even when the names differ in spelling', () => {
    const id = jmbg('120398571000');
    const c = compareRecords(
      person('a', { names: ['Marko Petrović'], personalIds: [id] }),
      person('b', { names: ['Petrovic M.'], personalIds: [id] }),
    );
    expect(c.decision).toBe('same');
  });

  it('treats two different valid JMBGs as strong counter-evidence despite identical names', () => {
    const c = compareRecords(
      person('a', { names: ['Marko Petrović'], personalIds: [jmbg('120398571000')] }),
      person('b', { names: ['Marko Petrović'], personalIds: [jmbg('150790571000')] }),
    );
    expect(c.decision).toBe('different');
    expect(c.fields).toContainEqual(expect.objectContaining({ field: 'personalId', outcome: 'disagree' }));
  });

  it('links records through one phone number written in two national formats', () => {
    const c = compareRecords(
      person('a', { names: ['Besnik Hoxha'], phones: ['+381 64 123 4567'] }),
      person('b', { names: ['Бесник Хоџа'], phones: ['064/123-4567'], country: 'RS' }),
    );
    expect(c.fields).toContainEqual(expect.objectContaining({ field: 'phone', outcome: 'agree' }));
    expect(c.decision).toBe('same');
  });

  it('keeps same-named people with conflicting birth dates apart', () => {
    const c = compareRecords(
      person('a', { names: ['Marko Petrović'], birthDates: ['1985-03-12'] }),
      person('b', { names: ['Marko Petrović'], birthDates: ['1962-11-02'] }),
    );
    expect(c.decision).toBe('different');
  });

  it('survives records with nothing usable', () => {
    const c = compareRecords(
      person('a', { names: [''], phones: ['n/a'], birthDates: ['unknown'] }),
      person('b', {}),
    );
    expect(c.decision).toBe('different');
  });
});

describe('name rarity in a dataset', () => {
  // 2,000 people: 300 Marko Jovanović, one Dren Lekaj.
  const people = [
    ...Array.from({ length: 300 }, (_, i) => person(`m${i}`, { names: ['Marko Jovanović'] })),
    ...Array.from({ length: 1699 }, (_, i) => person(`o${i}`, { names: [`Ime${i} Prezime${i}`] })),
    person('d', { names: ['Dren Lekaj'] }),
  ].map(prepareRecord);
  const peopleFrequencies = createPeopleFrequencies(people.map((p) => p.names));

  it('keeps a common name with nothing else in common below possible', () => {
    const a = person('a', { names: ['Marko Jovanović'] });
    const b = person('b', { names: ['MARKO JOVANOVIC'] });
    expect(compareRecords(a, b).decision).toBe('possible');
    expect(compareRecords(a, b, { peopleFrequencies }).decision).toBe('different');
  });

  it('still proposes a rare name, and a common one with an agreeing birth date', () => {
    const rare = compareRecords(
      person('a', { names: ['Dren Lekaj'] }),
      person('b', { names: ['DREN LEKAJ'] }),
      { peopleFrequencies },
    );
    expect(rare.decision).toBe('possible');
    const dated = compareRecords(
      person('a', { names: ['Marko Jovanović'], birthDates: ['1990-04-02'] }),
      person('b', { names: ['MARKO JOVANOVIC'], birthDates: ['02.04.1990.'] }),
      { peopleFrequencies },
    );
    expect(dated.decision).toBe('same');
  });
});
