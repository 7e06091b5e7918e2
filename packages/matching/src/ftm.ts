import type { PersonRecord } from './record.ts';

/** A FollowTheMoney entity: `{"id", "schema", "properties": {name: [values]}}`. */
export interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Readonly<Record<string, readonly string[]>>;
}

export type FtmLineResult =
  | { readonly ok: true; readonly entity: FtmEntity }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** Parses one JSON line; a bad line gives a message naming it instead of an exception. */
export function parseFtmLine(text: string, line: number): FtmLineResult | null {
  if (text.trim().length === 0) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, line, message: `line ${line}: not valid JSON (${(e as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, line, message: `line ${line}: expected a JSON object` };
  }
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.schema !== 'string') {
    return { ok: false, line, message: `line ${line}: entity needs string "id" and "schema"` };
  }
  const properties: Record<string, string[]> = {};
  if (typeof v.properties === 'object' && v.properties !== null) {
    for (const [k, raw] of Object.entries(v.properties as Record<string, unknown>)) {
      const list = Array.isArray(raw) ? raw : [raw];
      const strings = list.filter(
        (x): x is string | number => typeof x === 'string' || typeof x === 'number',
      );
      if (strings.length > 0) properties[k] = strings.map(String);
    }
  }
  return { ok: true, entity: { id: v.id, schema: v.schema, properties } };
}

// Schemas whose entities describe a person, and properties of linked entities (Passport,
// Identification, Vehicle, Phone, UserAccount, BankAccount) that carry an identifier of the holder.
const PERSON_SCHEMAS = new Set(['Person', 'LegalEntity']);
const HOLDER_PROPERTIES = ['holder', 'owner', 'person', 'entity', 'subject'];

type Mutable = {
  id: string;
  names: string[];
  birthDates: string[];
  gender: 'male' | 'female' | null;
  nationalities: string[];
  phones: string[];
  emails: string[];
  personalIds: string[];
  documents: string[];
  plates: string[];
  ibans: string[];
};

/**
 * Gathers persons from FtM entities, joining the identifiers that separate entities (Passport,
 * Identification, Vehicle, Phone, Email, UserAccount, BankAccount) attach to them by holder/owner.
 * Entities may arrive in any order.
 */
export class FtmPersonCollector {
  private readonly persons = new Map<string, Mutable>();
  private readonly pending = new Map<string, FtmEntity[]>();

  add(entity: FtmEntity): void {
    const p = entity.properties;
    if (PERSON_SCHEMAS.has(entity.schema)) {
      const person = this.person(entity.id);
      const given = [...(p.firstName ?? []), ...(p.middleName ?? []), ...(p.fatherName ?? [])];
      const family = [...(p.lastName ?? []), ...(p.secondName ?? [])];
      person.names.push(...(p.name ?? []), ...(p.alias ?? []), ...(p.previousName ?? []));
      if (person.names.length === 0 && given.length + family.length > 0)
        person.names.push([...given, ...family].join(' '));
      person.birthDates.push(...(p.birthDate ?? []));
      const g = (p.gender ?? [])[0]?.toLowerCase();
      if (g === 'male' || g === 'female') person.gender = g;
      person.nationalities.push(...(p.nationality ?? []), ...(p.citizenship ?? []));
      person.phones.push(...(p.phone ?? []));
      person.emails.push(...(p.email ?? []));
      person.personalIds.push(...(p.idNumber ?? []), ...(p.personalNumber ?? []), ...(p.taxNumber ?? []));
      person.documents.push(...(p.passportNumber ?? []));
      const waiting = this.pending.get(entity.id);
      if (waiting) {
        this.pending.delete(entity.id);
        for (const w of waiting) this.attach(person, w);
      }
      return;
    }
    for (const prop of HOLDER_PROPERTIES) {
      for (const holder of p[prop] ?? []) {
        const person = this.persons.get(holder);
        if (person) this.attach(person, entity);
        else this.pending.set(holder, [...(this.pending.get(holder) ?? []), entity]);
      }
    }
  }

  private person(id: string): Mutable {
    let person = this.persons.get(id);
    if (person === undefined) {
      person = {
        id,
        names: [],
        birthDates: [],
        gender: null,
        nationalities: [],
        phones: [],
        emails: [],
        personalIds: [],
        documents: [],
        plates: [],
        ibans: [],
      };
      this.persons.set(id, person);
    }
    return person;
  }

  private attach(person: Mutable, e: FtmEntity): void {
    const p = e.properties;
    const numbers = p.number ?? [];
    switch (e.schema) {
      case 'Passport':
        person.documents.push(...numbers, ...(p.passportNumber ?? []));
        break;
      case 'Identification':
        if ((p.type ?? []).some((t) => /personal|jmbg|embg|national/i.test(t)))
          person.personalIds.push(...numbers);
        else person.documents.push(...numbers);
        break;
      case 'Vehicle':
        person.plates.push(...(p.registrationNumber ?? []));
        break;
      case 'Phone':
        person.phones.push(...numbers, ...(p.phone ?? []));
        break;
      case 'Email':
      case 'UserAccount':
        person.emails.push(...(p.email ?? []), ...(e.schema === 'Email' ? numbers : []));
        break;
      case 'BankAccount':
        person.ibans.push(...(p.iban ?? []), ...(p.accountNumber ?? []));
        break;
      default:
        break;
    }
  }

  /** The persons gathered so far, as records for comparison. */
  records(): PersonRecord[] {
    return [...this.persons.values()];
  }
}
