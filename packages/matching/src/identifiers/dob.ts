/** A date of birth as far as the record knows it: year only, year and month, or the full date. */
export interface PartialDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

/** How two birth dates relate, from strong agreement to conflict. */
export type DateAgreement = 'exact' | 'consistent' | 'near' | 'conflict';

function valid(year: number, month: number | null, day: number | null): PartialDate | null {
  if (year < 1900 || year > 2100) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null) {
    if (month === null) return null;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) return null;
  }
  return { year, month, day };
}

/**
 * Reads the date forms found in regional records: 1985-03-12, 12.03.1985, 12.3.1985. (with the
 * trailing dot of local usage), 12/03/1985, 03.1985, 1985-03, and 1985. Day comes before month in
 * every regional form except ISO. Returns null for anything else.
 */
export function parseDateOfBirth(raw: string): PartialDate | null {
  const s = raw.trim().replace(/\.$/, '').replace(/\s+/g, '');
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$/.exec(s);
  if (m) return valid(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[./-](\d{4})$/.exec(s);
  if (m) return valid(Number(m[2]), Number(m[1]), null);
  return null;
}

/** Compares two birth dates; partial dates that do not contradict each other are `consistent`. */
export function compareDatesOfBirth(a: PartialDate, b: PartialDate): DateAgreement {
  const full = a.day !== null && b.day !== null;
  if (a.year === b.year && a.month === b.month && a.day === b.day) return full ? 'exact' : 'consistent';
  if (a.year === b.year && (a.month === null || b.month === null)) return 'consistent';
  if (a.year === b.year && a.month === b.month && (a.day === null || b.day === null)) return 'consistent';
  if (full) {
    // Day and month swapped, one digit off, or the year off by one digit: clerks' slips.
    if (a.year === b.year && a.day === b.month && a.month === b.day) return 'near';
    const diffs = Number(a.year !== b.year) + Number(a.month !== b.month) + Number(a.day !== b.day);
    if (diffs === 1 && digitDistance(a, b) <= 1) return 'near';
  }
  return 'conflict';
}

function digitDistance(a: PartialDate, b: PartialDate): number {
  const fa = formatDate(a);
  const fb = formatDate(b);
  let d = 0;
  for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) d++;
  return d;
}

/** ISO form, shortened to what is known: 1985, 1985-03, 1985-03-12. */
export function formatDate(d: PartialDate): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return d.month === null
    ? String(d.year)
    : d.day === null
      ? `${d.year}-${pad(d.month)}`
      : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}
