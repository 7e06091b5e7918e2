import { describe, expect, it } from 'vitest';
import { compareDatesOfBirth, parseDateOfBirth } from './dob.ts';
import { normaliseDocumentNumber } from './document.ts';
import { normaliseEmail } from './email.ts';
import { normaliseIban } from './iban.ts';
import { jmbgControlDigit, parseAlbanianNid, parseJmbg, parseKosovoPersonalNumber } from './personal-id.ts';
import { normalisePhone } from './phone.ts';
import { normalisePlate } from './plate.ts';

describe('phone numbers of the seven countries', () => {
  it.each([
    ['+355 69 123 4567', undefined, '+355691234567', 'AL'],
    ['00355 69 123 4567', undefined, '+355691234567', 'AL'],
    ['069 123 4567', 'AL', '+355691234567', 'AL'],
    ['+387 61 123 456', undefined, '+38761123456', 'BA'],
    ['061/123-456', 'BA', '+38761123456', 'BA'],
    ['+385 91 234 5678', undefined, '+385912345678', 'HR'],
    ['091 234 5678', 'HR', '+385912345678', 'HR'],
    ['+383 44 123 456', undefined, '+38344123456', 'XK'],
    ['044 123 456', 'XK', '+38344123456', 'XK'],
    ['+382 67 123 456', undefined, '+38267123456', 'ME'],
    ['067/123-456', 'ME', '+38267123456', 'ME'],
    ['+389 70 123 456', undefined, '+38970123456', 'MK'],
    ['070 123 456', 'MK', '+38970123456', 'MK'],
    ['+381 64 123 4567', undefined, '+381641234567', 'RS'],
    ['0038164/123-4567', undefined, '+381641234567', 'RS'],
    ['064 123 4567', 'RS', '+381641234567', 'RS'],
    ['+381 (0)64 123 4567', undefined, '+381641234567', 'RS'],
  ] as const)('%s (%s) -> %s', (raw, country, e164, expectedCountry) => {
    const p = normalisePhone(raw, country);
    expect(p).toMatchObject({ e164, country: expectedCountry, valid: true });
  });

  it('rejects text that is not a phone number', () => {
    expect(normalisePhone('call me')).toBeNull();
    expect(normalisePhone('12')).toBeNull();
  });
});

describe('JMBG / EMBG', () => {
  const withControl = (first12: string): string => `${first12}${jmbgControlDigit(first12)}`;

  it('accepts a number with the right control digit and reads date, gender and region', () => {
    const jmbg = withControl('010199071000');
    expect(parseJmbg(jmbg)).toMatchObject({
      valid: true,
      birthDate: { year: 1990, month: 1, day: 1 },
      gender: 'male',
      country: 'RS',
    });
  });

  it('rejects a number whose control digit is wrong', () => {
    const jmbg = withControl('150798545505');
    const wrong = jmbg.slice(0, 12) + String((Number(jmbg[12]) + 1) % 10);
    expect(parseJmbg(wrong)?.valid).toBe(false);
    expect(parseJmbg(jmbg)).toMatchObject({ valid: true, gender: 'female', country: 'MK' });
  });

  it('computes the mod-11 control digit', () => {
    // 7*0+6*1+5*0+4*1+3*9+2*9+7*0+6*7+5*1+4*0+3*0+2*0 = 102; 102 % 11 = 3; 11 - 3 = 8
    expect(jmbgControlDigit('010199071000')).toBe(8);
  });

  it('rejects an impossible date even with a valid control digit', () => {
    expect(parseJmbg(withControl('310299071000'))?.valid).toBe(false);
  });
});

describe('Albanian and Kosovo personal numbers', () => {
  it('reads the birth date and gender encoded in an Albanian NID', () => {
    expect(parseAlbanianNid('J00101999W')).toMatchObject({
      birthDate: { year: 1990, month: 1, day: 1 },
      gender: 'male',
    });
    expect(parseAlbanianNid('K05115001A')).toMatchObject({
      birthDate: { year: 2000, month: 1, day: 15 },
      gender: 'female',
    });
    expect(parseAlbanianNid('J01301999W')?.valid).toBe(false);
  });

  it('accepts a ten-digit Kosovo personal number', () => {
    expect(parseKosovoPersonalNumber('1234567890')?.kind).toBe('xk-personal-number');
    expect(parseKosovoPersonalNumber('12345')).toBeNull();
  });
});

describe('IBAN', () => {
  it.each([
    'RS35 2600 0560 1001 6113 79',
    'AL47 2121 1009 0000 0002 3569 8741',
    'BA39 1290 0794 0102 8494',
    'HR12 1001 0051 8630 0016 0',
    'XK05 1212 0123 4567 8906',
    'ME25 5050 0001 2345 6789 51',
    'MK07 2501 2000 0058 984',
  ])('accepts %s', (iban) => {
    expect(normaliseIban(iban)?.valid).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(normaliseIban('RS36 2600 0560 1001 6113 79')?.valid).toBe(false);
  });
});

describe('dates of birth', () => {
  it('reads regional forms and partial dates', () => {
    expect(parseDateOfBirth('12.3.1985.')).toEqual({ year: 1985, month: 3, day: 12 });
    expect(parseDateOfBirth('1985-03-12')).toEqual({ year: 1985, month: 3, day: 12 });
    expect(parseDateOfBirth('03.1985')).toEqual({ year: 1985, month: 3, day: null });
    expect(parseDateOfBirth('1985')).toEqual({ year: 1985, month: null, day: null });
    expect(parseDateOfBirth('31.02.1985')).toBeNull();
  });

  it('relates full, partial and swapped dates', () => {
    const d = (s: string) => parseDateOfBirth(s) ?? { year: 0, month: null, day: null };
    expect(compareDatesOfBirth(d('12.03.1985'), d('1985-03-12'))).toBe('exact');
    expect(compareDatesOfBirth(d('12.03.1985'), d('1985'))).toBe('consistent');
    expect(compareDatesOfBirth(d('12.03.1985'), d('03.12.1985'))).toBe('near');
    expect(compareDatesOfBirth(d('12.03.1985'), d('20.07.1979'))).toBe('conflict');
  });
});

describe('plates, documents, e-mail', () => {
  it('reads a Serbian plate written in Cyrillic like the Latin one', () => {
    expect(normalisePlate('БГ 123-АБ')?.compact).toBe(normalisePlate('BG 123-AB')?.compact);
    expect(normalisePlate('A12-E-345')?.countries).toEqual(['BA']);
    expect(normalisePlate('01-234-AB')?.countries).toEqual(['XK']);
    expect(normalisePlate('SK 1234 AB')?.countries).toContain('MK');
  });

  it('reads Cyrillic look-alike letters in document numbers as Latin', () => {
    expect(normaliseDocumentNumber('АВ 123456')?.compact).toBe('AB123456');
  });

  it('treats sub-addresses and Gmail dots as the same mailbox', () => {
    expect(normaliseEmail('Besnik.Hoxha+work@Gmail.com')?.canonical).toBe('besnikhoxha@gmail.com');
    expect(normaliseEmail('not an address')).toBeNull();
  });
});
