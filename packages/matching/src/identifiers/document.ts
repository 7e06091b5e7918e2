export interface NormalisedDocument {
  readonly original: string;
  /** Upper-case letters and digits (Cyrillic look-alike letters read as Latin). */
  readonly compact: string;
}

// Document numbers copied from Cyrillic records or scans use Cyrillic letters that look Latin.
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ј: 'J',
  І: 'I',
  Ѕ: 'S',
};

/** Normalises a passport or identity-card number; null when it is too short or has no digit. */
export function normaliseDocumentNumber(raw: string): NormalisedDocument | null {
  let compact = '';
  for (const ch of raw.toUpperCase()) compact += LOOK_ALIKES[ch] ?? ch;
  compact = compact.replace(/[^A-Z0-9]/g, '');
  if (compact.length < 5 || compact.length > 20 || !/\d/.test(compact)) return null;
  return { original: raw, compact };
}
