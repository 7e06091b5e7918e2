export interface NormalisedIban {
  readonly original: string;
  /** Upper-case, no spaces: RS35260005601001611379 */
  readonly compact: string;
  readonly country: string;
  /** Length for the country and ISO 7064 mod-97 check digits both right. */
  readonly valid: boolean;
}

// Lengths for the region and the countries its money most often moves through.
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AL: 28,
  BA: 20,
  HR: 21,
  XK: 20,
  ME: 22,
  MK: 19,
  RS: 22,
  SI: 19,
  BG: 22,
  RO: 24,
  GR: 27,
  HU: 28,
  AT: 20,
  DE: 22,
  IT: 27,
  CH: 21,
  FR: 27,
  NL: 18,
  BE: 16,
  GB: 22,
  TR: 26,
  SE: 24,
  ES: 24,
  LU: 20,
};

/** ISO 7064 mod 97-10 over the rearranged IBAN, computed in chunks to stay within safe integers. */
export function ibanChecksumValid(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Normalises an IBAN and checks it; null when it does not even look like one. */
export function normaliseIban(raw: string): NormalisedIban | null {
  const compact = raw.replace(/^IBAN/i, '').replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return null;
  const country = compact.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  const valid = (expected === undefined || expected === compact.length) && ibanChecksumValid(compact);
  return { original: raw, compact, country, valid };
}
