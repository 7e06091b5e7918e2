import type { PartialDate } from './dob.ts';

/** Which national scheme a personal identification number belongs to. */
export type PersonalIdKind = 'jmbg' | 'al-nid' | 'xk-personal-number';

export interface PersonalId {
  readonly original: string;
  readonly kind: PersonalIdKind;
  /** Digits (and letters for Albania) only, upper case. */
  readonly compact: string;
  /** Checksum and embedded date both right (format only where no checksum is published). */
  readonly valid: boolean;
  readonly birthDate: PartialDate | null;
  readonly gender: 'male' | 'female' | null;
  /** Country of registration where the number encodes it (JMBG/EMBG region digits). */
  readonly country: string | null;
}

// JMBG/EMBG political-region digits (positions 8-9) of the former Yugoslav republics.
function jmbgCountry(region: number): string | null {
  if (region >= 10 && region <= 19) return 'BA';
  if (region >= 20 && region <= 29) return 'ME';
  if (region >= 30 && region <= 39) return 'HR';
  if (region >= 41 && region <= 49) return 'MK';
  if (region >= 50 && region <= 59) return 'SI';
  if (region >= 70 && region <= 89) return 'RS';
  if (region >= 91 && region <= 96) return 'XK';
  return null;
}

function dateOrNull(year: number, month: number, day: number): PartialDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day };
}

/** The JMBG/EMBG control digit (mod 11 with weights 7..2), or null when the number can have none. */
export function jmbgControlDigit(first12: string): number | null {
  const d = [...first12].map(Number);
  const weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (d[i] ?? 0) * (weights[i] ?? 0);
  const m = 11 - (sum % 11);
  // A remainder giving 10 has no valid digit: such numbers are never issued.
  return m === 11 ? 0 : m === 10 ? null : m;
}

/** Parses a JMBG (Serbia, Montenegro, Bosnia, Croatia pre-2009) or EMBG (North Macedonia). */
export function parseJmbg(raw: string): PersonalId | null {
  const compact = raw.replace(/[\s.-]/g, '');
  if (!/^\d{13}$/.test(compact)) return null;
  const day = Number(compact.slice(0, 2));
  const month = Number(compact.slice(2, 4));
  const yyy = Number(compact.slice(4, 7));
  const year = yyy >= 800 ? 1000 + yyy : 2000 + yyy;
  const birthDate = dateOrNull(year, month, day);
  const control = jmbgControlDigit(compact.slice(0, 12));
  const serial = Number(compact.slice(9, 12));
  return {
    original: raw,
    kind: 'jmbg',
    compact,
    valid: birthDate !== null && control === Number(compact[12]),
    birthDate,
    gender: serial < 500 ? 'male' : 'female',
    country: jmbgCountry(Number(compact.slice(7, 9))),
  };
}

const AL_DECADES = '0123456789ABCDEFGHIJKLMNOPQRST';

/**
 * Parses an Albanian personal number (NID, e.g. J00101999W): a decade character (0-9 for the
 * 1800s, A-T for 1900-2090), the year's last digit, the month (+50 for women, +30 for foreign
 * citizens), the day, a 3-digit serial and a check letter. The check letter's algorithm is not
 * published, so only the format and the embedded date are verified.
 */
export function parseAlbanianNid(raw: string): PersonalId | null {
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  const m = /^([0-9A-T])(\d)(\d{2})(\d{2})(\d{3})([A-W])$/.exec(compact);
  if (!m) return null;
  const year = 1800 + AL_DECADES.indexOf(m[1] as string) * 10 + Number(m[2]);
  let month = Number(m[3]);
  const female = (month > 50 && month <= 62) || (month > 80 && month <= 92);
  month = month % 50 > 30 ? (month % 50) - 30 : month % 50;
  const birthDate = dateOrNull(year, month, Number(m[4]));
  return {
    original: raw,
    kind: 'al-nid',
    compact,
    valid: birthDate !== null,
    birthDate,
    gender: female ? 'female' : 'male',
    country: 'AL',
  };
}

/**
 * Parses a Kosovo personal number: 10 digits with no public structure or checksum, so it is a
 * format check only. Thirteen-digit numbers from Kosovo are JMBGs and parse as such.
 */
export function parseKosovoPersonalNumber(raw: string): PersonalId | null {
  const compact = raw.replace(/[\s.-]/g, '');
  if (!/^[1-9]\d{9}$/.test(compact)) return null;
  return {
    original: raw,
    kind: 'xk-personal-number',
    compact,
    valid: true,
    birthDate: null,
    gender: null,
    country: 'XK',
  };
}

/** Recognises any of the region's personal identification numbers. */
export function parsePersonalId(raw: string): PersonalId | null {
  return parseJmbg(raw) ?? parseAlbanianNid(raw) ?? parseKosovoPersonalNumber(raw);
}
