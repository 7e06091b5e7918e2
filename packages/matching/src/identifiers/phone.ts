import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The seven countries of the region, as ISO 3166 codes (XK: Kosovo). */
export type RegionCountry = 'AL' | 'BA' | 'HR' | 'XK' | 'ME' | 'MK' | 'RS';
export const REGION_COUNTRIES: readonly RegionCountry[] = ['RS', 'BA', 'HR', 'ME', 'MK', 'AL', 'XK'];

export interface NormalisedPhone {
  readonly original: string;
  /** +381641234567 */
  readonly e164: string;
  readonly country: string | null;
  /** Valid for the country's numbering plan (not merely well-formed). */
  readonly valid: boolean;
  /** The country was inferred from a national (trunk 0) number without a country hint. */
  readonly countryGuessed: boolean;
}

function clean(raw: string): string {
  let s = raw.trim().replace(/[\s./\\()\-–]/g, '');
  if (s.startsWith('00')) s = '+' + s.slice(2);
  // "+381 (0)64 ..." keeps a trunk zero after the country code in many records.
  s = s.replace(/^\+(\d{3})0(?=\d{7,})/, (m, cc: string) =>
    cc.startsWith('38') || cc === '355' ? `+${cc}` : m,
  );
  return s;
}

/**
 * Normalises a phone number to E.164. International forms (+, 00) need no hint; national forms
 * with the trunk 0 use `defaultCountry`, or failing that the first region country where the number
 * is valid (marked `countryGuessed`). Returns null when nothing plausible is found.
 */
export function normalisePhone(raw: string, defaultCountry?: CountryCode): NormalisedPhone | null {
  const s = clean(raw);
  if (!/^\+?\d{6,16}$/.test(s)) return null;
  if (s.startsWith('+')) return fromParsed(raw, s, undefined, false);
  if (defaultCountry !== undefined) return fromParsed(raw, s, defaultCountry, false);
  for (const country of REGION_COUNTRIES) {
    const found = fromParsed(raw, s, country, true);
    if (found?.valid) return found;
  }
  return null;
}

function fromParsed(
  original: string,
  s: string,
  country: CountryCode | undefined,
  countryGuessed: boolean,
): NormalisedPhone | null {
  const parsed = parsePhoneNumberFromString(s, country);
  if (parsed === undefined) return null;
  return {
    original,
    e164: parsed.number,
    country: parsed.country ?? null,
    valid: parsed.isValid(),
    countryGuessed,
  };
}
