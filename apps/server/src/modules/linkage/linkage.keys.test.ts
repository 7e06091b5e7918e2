import { describe, expect, it } from 'vitest';
import { prepareRecord } from '@veza/matching';
import {
  identifiersFromKeys,
  isIdentifierKey,
  isLooseNameKey,
  linkKindOf,
  normaliseAddress,
  recordKeys,
} from './linkage.keys.ts';

describe('match keys', () => {
  it('gives the same person in Cyrillic and in passport capitals a common year-anchored key', () => {
    const cyrillic = recordKeys(
      'person',
      prepareRecord({ id: 'a', names: ['Јована Петровић'], birthDates: ['1991-02-03'] }),
    );
    const passport = recordKeys(
      'person',
      prepareRecord({ id: 'b', names: ['PETROVIC JOVANA'], birthDates: ['03.02.1991.'] }),
    );
    const shared = cyrillic.filter((k) => passport.includes(k));
    expect(shared.some((k) => k.startsWith('person|y|1991|'))).toBe(true);
  });

  it('keys a person by the phone they hold, normalised to E.164', () => {
    const keys = recordKeys(
      'person',
      prepareRecord({ id: 'a', names: ['Arben Krasniqi'], phones: ['064/123-45-67'], country: 'RS' }),
    );
    expect(keys).toContain('person|p|+381641234567');
    expect(identifiersFromKeys(keys).phones).toEqual(['+381641234567']);
  });

  it('reads one address the same whatever the order, case or diacritics', () => {
    expect(normaliseAddress('Ulica Kneza Miloša 12, Beograd')).toBe(
      normaliseAddress('BEOGRAD, Kneza Milosa ulica 12'),
    );
    expect(normaliseAddress('Beograd')).toBeNull();
  });

  it('tells identifier keys from name blocks, and compares only like with like', () => {
    expect(isIdentifierKey('phone|+381641234567')).toBe(true);
    expect(isIdentifierKey('person|p|+381641234567')).toBe(true);
    expect(isIdentifierKey('person|d|pitrovic|jovana')).toBe(false);
    expect(isLooseNameKey('person|d|pitrovic|jovana')).toBe(true);
    expect(isLooseNameKey('person|y|1991|jovana|pitrovic')).toBe(false);
    expect([linkKindOf('Phone'), linkKindOf('Company'), linkKindOf('UsesPhone')]).toEqual([
      'phone',
      'organisation',
      null,
    ]);
  });
});
