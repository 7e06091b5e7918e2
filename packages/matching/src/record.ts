import { prepareName, type PreparedName } from './name-tokens.ts';
import { parseDateOfBirth, type PartialDate } from './identifiers/dob.ts';
import { normaliseDocumentNumber } from './identifiers/document.ts';
import { normaliseEmail } from './identifiers/email.ts';
import { normaliseIban } from './identifiers/iban.ts';
import { parsePersonalId, type PersonalIdKind } from './identifiers/personal-id.ts';
import { normalisePhone } from './identifiers/phone.ts';
import { normalisePlate } from './identifiers/plate.ts';

/** A person as a case record knows them. Every field but `id` may be missing or repeated. */
export interface PersonRecord {
  readonly id: string;
  /** Full names and aliases, in any script and order. */
  readonly names: readonly string[];
  /** Full or partial dates: 1985-03-12, 12.03.1985., 03.1985, 1985. */
  readonly birthDates?: readonly string[];
  readonly gender?: 'male' | 'female' | null;
  /** ISO 3166 alpha-2 codes (lower or upper case). */
  readonly nationalities?: readonly string[];
  readonly phones?: readonly string[];
  readonly emails?: readonly string[];
  /** JMBG/EMBG, Albanian NID, Kosovo personal number. */
  readonly personalIds?: readonly string[];
  /** Passport and identity-card numbers. */
  readonly documents?: readonly string[];
  readonly plates?: readonly string[];
  readonly ibans?: readonly string[];
  /** Country whose numbering to assume for national phone numbers. */
  readonly country?: string;
}

/** A personal id reduced to what comparison needs. */
export interface PreparedPersonalId {
  readonly kind: PersonalIdKind;
  readonly compact: string;
  readonly valid: boolean;
}

/** A record normalised once, for repeated comparison and blocking. */
export interface PreparedRecord {
  /** Marks a record already normalised, so APIs accept either form. */
  readonly prepared: true;
  readonly id: string;
  readonly names: readonly PreparedName[];
  readonly birthDates: readonly PartialDate[];
  readonly gender: 'male' | 'female' | null;
  readonly nationalities: readonly string[];
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly personalIds: readonly PreparedPersonalId[];
  readonly documents: readonly string[];
  readonly plates: readonly string[];
  readonly ibans: readonly string[];
}

// Most records lack most fields; sharing one empty array saves memory across a million records.
const NONE: readonly never[] = Object.freeze([]);

function collect<T>(values: readonly string[] | undefined, normalise: (v: string) => T | null): readonly T[] {
  if (values === undefined || values.length === 0) return NONE;
  const out: T[] = [];
  for (const v of values) {
    if (typeof v !== 'string' || v.length > 200) continue;
    const n = normalise(v);
    if (n !== null && !out.includes(n)) out.push(n);
  }
  return out.length === 0 ? NONE : out;
}

const MAX_NAMES = 6;

/** Normalises a record's names and identifiers; invalid values are dropped, not fatal. */
export function prepareRecord(record: PersonRecord): PreparedRecord {
  const phoneCountry = record.country?.toUpperCase();
  const names = (record.names ?? []).slice(0, MAX_NAMES).map((n) => prepareName(String(n)));
  const personalIds = collect(record.personalIds, (v) => {
    const p = parsePersonalId(v);
    return p === null
      ? null
      : { kind: p.kind, compact: p.compact, valid: p.valid, birthDate: p.birthDate, gender: p.gender };
  });
  let birthDates = collect(record.birthDates, parseDateOfBirth);
  let gender = record.gender ?? null;
  // A valid JMBG or Albanian NID states birth date and gender even where the record does not.
  for (const p of personalIds) {
    if (!p.valid) continue;
    if (birthDates.length === 0 && p.birthDate !== null) birthDates = [p.birthDate];
    if (gender === null) gender = p.gender;
  }
  return {
    prepared: true,
    id: record.id,
    names,
    birthDates,
    gender,
    nationalities: collect(record.nationalities, (v) => v.trim().toUpperCase() || null),
    phones: collect(record.phones, (v) => {
      const p = normalisePhone(v, phoneCountry as Parameters<typeof normalisePhone>[1]);
      return p?.valid ? p.e164 : null;
    }),
    emails: collect(record.emails, (v) => normaliseEmail(v)?.canonical ?? null),
    personalIds:
      personalIds.length === 0
        ? NONE
        : personalIds.map(({ kind, compact, valid }) => ({ kind, compact, valid })),
    documents: collect(record.documents, (v) => normaliseDocumentNumber(v)?.compact ?? null),
    plates: collect(record.plates, (v) => normalisePlate(v)?.compact ?? null),
    ibans: collect(record.ibans, (v) => {
      const i = normaliseIban(v);
      return i?.valid ? i.compact : null;
    }),
  };
}
