import { foldToAscii } from '../transliterate.ts';

export interface NormalisedPlate {
  readonly original: string;
  /** Upper-case letters and digits only, regional letters folded (ŠA 123-ČĆ -> SA123CC). */
  readonly compact: string;
  /** Countries whose format the plate fits, most specific first (several formats overlap). */
  readonly countries: readonly string[];
}

// Current formats, written without separators. Plates in Cyrillic records are transliterated first.
const PLATE_FORMATS: ReadonlyArray<readonly [string, RegExp]> = [
  ['BA', /^[AEJKMOT]\d{2}[AEJKMOT]\d{3}$/], // A12-E-345
  ['XK', /^\d{5}[A-Z]{2}$/], // 01-234-AB
  ['ME', /^[A-Z]{2}[A-Z]{2}\d{3}$/], // PG AB123
  ['MK', /^[A-Z]{2}\d{4}[A-Z]{2}$/], // SK 1234 AB
  ['AL', /^[A-Z]{2}\d{3}[A-Z]{2}$/], // AA 123 BB
  ['RS', /^[A-Z]{2}\d{3,5}[A-Z]{2}$/], // BG 123-AB, NS 12345-AB
  ['HR', /^[A-Z]{2}\d{3,4}[A-Z]{1,2}$/], // ZG 1234-AB
];

/** Normalises a vehicle registration plate; null when it cannot be one. */
export function normalisePlate(raw: string): NormalisedPlate | null {
  const compact = foldPlate(raw);
  if (compact.length < 4 || compact.length > 10 || !/\d/.test(compact)) return null;
  const countries = PLATE_FORMATS.filter(([, re]) => re.test(compact)).map(([c]) => c);
  return { original: raw, compact, countries };
}

function foldPlate(raw: string): string {
  // Đ on a plate is one letter: fold to D, not to the two-letter Dj used for names.
  return foldToAscii(raw.replace(/[ђĐđЂ]/g, 'D'))
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}
