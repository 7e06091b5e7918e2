import { and, eq, inArray } from 'drizzle-orm';
import { matchKeys } from '@veza/db';
import type { Queryable } from '@veza/db';
import {
  blockKeys,
  foldToAscii,
  FtmPersonCollector,
  normaliseDocumentNumber,
  normaliseIban,
  normalisePhone,
  normalisePlate,
  prepareRecord,
} from '@veza/matching';
import type { FtmEntity, PersonRecord, PreparedRecord, RegionCountry } from '@veza/matching';
import { RELATIONSHIP_TYPES } from '@veza/graph';
import type { LinkKind } from '@veza/shared';
import { caseForKeying, type MatchedRow, type Said } from './linkage.repository.ts';

/**
 * Match keys: what an entity is looked up by when another entity is saved anywhere. A key starts with
 * the kind of thing it describes (`person|`, `phone|` ...), so a phone is only ever compared with
 * phones. Person and organisation keys are @veza/matching's blocking keys (phonetic name pairs and
 * their one-letter deletions, identifiers) plus `person|y|<year>|a|b`: the exact phonetic pair with
 * the birth year, which stays selective where a common name's block is too large to read. Identifier
 * keys hold the normalised value (E.164 phone, compact plate, IBAN, document number), so two spellings
 * of one phone number share a key. Keys are stored in clear beside the statements they are derived
 * from, under the same access control: a keyed hash would protect nothing the statements do not
 * already expose, and the identifiers are read back from the keys to score candidates.
 */

const KIND_BY_SCHEMA: Readonly<Record<string, LinkKind>> = {
  Person: 'person',
  LegalEntity: 'organisation',
  Company: 'organisation',
  Organization: 'organisation',
  Phone: 'phone',
  Vehicle: 'vehicle',
  BankAccount: 'account',
  Address: 'address',
  Passport: 'document',
  Identification: 'document',
};

export function linkKindOf(schema: string): LinkKind | null {
  return KIND_BY_SCHEMA[schema] ?? null;
}

export function kindOfKey(key: string): LinkKind {
  return key.slice(0, key.indexOf('|')) as LinkKind;
}

/** Keys compared by value alone: sharing one is the match (a phone number, a plate). */
export function isIdentifierKey(key: string): boolean {
  const kind = kindOfKey(key);
  if (kind !== 'person' && kind !== 'organisation') return true;
  const tag = key.charAt(kind.length + 1);
  return tag !== 'd' && tag !== 'o' && tag !== 'y';
}

/** Name blocks that say little: one-letter deletions and single names. */
export function isLooseNameKey(key: string): boolean {
  const kind = kindOfKey(key);
  if (kind !== 'person' && kind !== 'organisation') return false;
  const tag = key.charAt(kind.length + 1);
  return tag === 'd' || tag === 'o';
}

export interface KeyedEntity {
  row: MatchedRow;
  kind: LinkKind;
  keys: string[];
  /** Persons and organisations: the record the matcher compares. */
  record: PreparedRecord | null;
}

function values(statements: readonly Said[] | undefined, ...properties: string[]): string[] {
  return (statements ?? []).filter((s) => properties.includes(s.property)).map((s) => s.value);
}

/** The identifier value a key of an identifier entity carries, in words for an explanation. */
const FIELD_BY_KIND: Readonly<Record<LinkKind, string>> = {
  person: 'name',
  organisation: 'name',
  phone: 'phone',
  vehicle: 'plate',
  account: 'iban',
  address: 'address',
  document: 'document',
};

export function fieldOfKind(kind: LinkKind): string {
  return FIELD_BY_KIND[kind];
}

/** Lower-case ASCII words in order of appearance, punctuation dropped, sorted: one key per address. */
export function normaliseAddress(raw: string): string | null {
  const words = foldToAscii(raw)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  if (words.length < 2) return null;
  return [...new Set(words)].sort().join(' ').slice(0, 200);
}

function identifierKeys(kind: LinkKind, row: MatchedRow, s: readonly Said[], country: string): string[] {
  const out = new Set<string>();
  const add = (v: string | null | undefined) => {
    if (v) out.add(`${kind}|${v}`);
  };
  switch (kind) {
    case 'phone':
      for (const v of withCaption(values(s, 'number', 'phone'), row)) {
        const p = normalisePhone(v, country as RegionCountry);
        if (p?.valid) add(p.e164);
      }
      break;
    case 'vehicle':
      for (const v of withCaption(values(s, 'registrationNumber', 'plate'), row))
        add(normalisePlate(v)?.compact);
      break;
    case 'account':
      for (const v of withCaption(values(s, 'iban', 'accountNumber'), row)) {
        const iban = normaliseIban(v);
        if (iban?.valid) add(iban.compact);
      }
      break;
    case 'document':
      for (const v of withCaption(values(s, 'number', 'passportNumber'), row))
        add(normaliseDocumentNumber(v)?.compact);
      break;
    case 'address': {
      const full = values(s, 'full');
      const parts = values(s, 'street', 'street2', 'postalCode', 'city', 'region');
      const texts = full.length > 0 ? full : parts.length > 0 ? [parts.join(' ')] : [row.caption];
      for (const v of texts) add(normaliseAddress(v));
      break;
    }
    default:
      break;
  }
  return [...out];
}

/** Entered by hand, a phone or a plate is often only in the caption. */
function withCaption(found: string[], row: MatchedRow): string[] {
  return found.length > 0 ? found : [row.caption];
}

/** Name keys of a prepared record, as @veza/matching blocks them, plus the year-anchored pairs. */
export function recordKeys(kind: 'person' | 'organisation', record: PreparedRecord): string[] {
  const keys = new Set(blockKeys(record).map((k) => `${kind}|${k}`));
  if (kind === 'person') {
    const years = [...new Set(record.birthDates.map((d) => d.year).filter((y) => y > 0))];
    for (const name of record.names) {
      const parts: string[] = [];
      for (const t of name.tokens) {
        if (!t.initial && t.key.length >= 2 && !parts.includes(t.key)) parts.push(t.key);
        if (parts.length === 4) break;
      }
      for (const year of years)
        for (let i = 0; i < parts.length; i++)
          for (let j = i + 1; j < parts.length; j++)
            keys.add(`person|y|${year}|${[parts[i], parts[j]].sort().join('|')}`);
    }
  }
  return [...keys];
}

/** Persons of a case as the matcher sees them: relationship entities lend their ends' identifiers. */
function personRecords(
  rows: readonly MatchedRow[],
  byEntity: ReadonlyMap<string, readonly Said[]>,
  country: string,
): Map<string, PersonRecord> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const properties = (id: string): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const s of byEntity.get(id) ?? []) (out[s.property] ??= []).push(s.value);
    return out;
  };
  const collector = new FtmPersonCollector();
  for (const row of rows) {
    const ends = RELATIONSHIP_TYPES[row.schema];
    const own = properties(row.id);
    if (!ends) {
      collector.add(
        row.schema === 'Person'
          ? { id: row.id, schema: row.schema, properties: { name: [row.caption], ...own } }
          : asHeld(row, own, []),
      );
      continue;
    }
    const holders = own[ends.source] ?? [];
    for (const targetId of own[ends.target] ?? []) {
      const target = byId.get(targetId);
      if (target) collector.add(asHeld(target, properties(targetId), holders, `${row.id}:${targetId}`));
    }
  }
  return new Map(collector.records().map((r) => [r.id, { ...r, country }]));
}

/**
 * A thing held by persons, in FtM's words. A Phone entered by hand often carries its number only in
 * the caption, so the caption stands in for the number.
 */
function asHeld(row: MatchedRow, own: Record<string, string[]>, holders: string[], id = row.id): FtmEntity {
  const caption = [row.caption];
  const extra: Record<string, string[]> =
    row.schema === 'Phone' && !own.number
      ? { number: caption }
      : row.schema === 'Vehicle' && !own.registrationNumber
        ? { registrationNumber: caption }
        : {};
  return {
    id,
    schema: row.schema,
    properties: {
      ...own,
      ...extra,
      owner: [...(own.owner ?? []), ...holders],
      person: [...(own.person ?? []), ...holders],
      holder: [...(own.holder ?? []), ...holders],
    },
  };
}

function organisationRecord(row: MatchedRow, s: readonly Said[], country: string): PersonRecord {
  return {
    id: row.id,
    names: [row.caption, ...values(s, 'name', 'alias', 'previousName')],
    phones: values(s, 'phone'),
    emails: values(s, 'email'),
    personalIds: values(s, 'registrationNumber', 'taxNumber', 'idNumber'),
    ibans: values(s, 'iban'),
    country,
  };
}

export function groupStatements<S extends { entityId: string }>(statements: readonly S[]): Map<string, S[]> {
  const out = new Map<string, S[]>();
  for (const s of statements) {
    const list = out.get(s.entityId);
    if (list) list.push(s);
    else out.set(s.entityId, [s]);
  }
  return out;
}

/**
 * Every matchable entity of a case with its keys, computed from its current statements, and the keys
 * stored for each now.
 */
async function keyedCase(
  q: Queryable,
  caseId: string,
): Promise<{ keyed: Map<string, KeyedEntity>; stored: Map<string, string[]> }> {
  const found = await caseForKeying(q, caseId);
  const country = found.country ?? 'RS';
  const rows = found.entities.map((e) => e.row);
  const byEntity = new Map(found.entities.map((e) => [e.row.id, e.statements]));
  const persons = personRecords(rows, byEntity, country);
  const keyed = new Map<string, KeyedEntity>();
  for (const row of rows) {
    const kind = linkKindOf(row.schema);
    if (kind === null) continue;
    const s = byEntity.get(row.id) ?? [];
    if (kind === 'person' || kind === 'organisation') {
      const source = kind === 'person' ? persons.get(row.id) : organisationRecord(row, s, country);
      if (!source) continue;
      const record = prepareRecord(source);
      keyed.set(row.id, { row, kind, keys: recordKeys(kind, record), record });
    } else {
      keyed.set(row.id, { row, kind, keys: identifierKeys(kind, row, s, country), record: null });
    }
  }
  return { keyed, stored: new Map(found.entities.map((e) => [e.row.id, e.storedKeys])) };
}

/**
 * Brings the stored keys of a case's entities up to date and names the entities that gained a key:
 * those may now match something they did not match before (a person who was just given a phone).
 */
export async function refreshCaseKeys(
  q: Queryable,
  caseId: string,
): Promise<{ entities: Map<string, KeyedEntity>; gained: Set<string> }> {
  const { keyed: entities, stored } = await keyedCase(q, caseId);
  const inserts: (typeof matchKeys.$inferInsert)[] = [];
  const gained = new Set<string>();
  for (const [id, e] of entities) {
    const had = new Set(stored.get(id) ?? []);
    const stale = [...had].filter((k) => !e.keys.includes(k));
    if (stale.length > 0)
      await q.delete(matchKeys).where(and(eq(matchKeys.entityId, id), inArray(matchKeys.key, stale)));
    for (const key of e.keys) {
      if (had.has(key)) continue;
      inserts.push({ key, entityId: id, caseId });
      gained.add(id);
    }
  }
  for (let i = 0; i < inserts.length; i += 5000)
    await q
      .insert(matchKeys)
      .values(inserts.slice(i, i + 5000))
      .onConflictDoNothing();
  return { entities, gained };
}

/** Identifiers a stored person or organisation carries, read back from its keys for scoring. */
export function identifiersFromKeys(
  keys: readonly string[],
): Pick<PersonRecord, 'phones' | 'emails' | 'personalIds' | 'documents' | 'plates' | 'ibans'> {
  const out = {
    phones: [] as string[],
    emails: [] as string[],
    personalIds: [] as string[],
    documents: [] as string[],
    plates: [] as string[],
    ibans: [] as string[],
  };
  const fields: Record<string, string[]> = {
    p: out.phones,
    e: out.emails,
    i: out.personalIds,
    x: out.documents,
    v: out.plates,
    b: out.ibans,
  };
  for (const key of keys) {
    const kind = kindOfKey(key);
    const rest = key.slice(kind.length + 1);
    const list = fields[rest.charAt(0)];
    if (list && rest.charAt(1) === '|') list.push(rest.slice(2));
  }
  return out;
}
