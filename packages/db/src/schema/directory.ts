import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { jurisdictions, units } from './organisation.ts';

/** How a contact point is reached; telephone numbers in E.164. */
export interface DirectoryChannelColumn {
  kind: 'phone' | 'secure_email' | 'siena' | 'i247';
  address: string;
}

/** 24/7, or office hours on ISO weekdays (1 Monday) between two local times of an IANA zone. */
export type DirectoryAvailabilityColumn =
  | { kind: 'always'; timeZone: string }
  | { kind: 'office'; days: number[]; opens: string; closes: string; timeZone: string };

/**
 * A contact point of the directory: a jurisdiction's SPOC, INTERPOL bureau, liaison officer, central
 * authority and the like. `contactName` is an officer's name (personal data). `searchKey` holds the
 * organisation and the name folded to lower-case ASCII (packages/matching `foldToAscii`), so that one
 * query finds Јовановић, Jovanović and Jovanovic alike. `ownerUnitId` is the unit that keeps the entry
 * and is reminded when its six-monthly confirmation is due.
 */
export const directoryEntries = pgTable(
  'directory_entries',
  {
    id: uuid('id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    function: text('function').notNull(),
    organisation: text('organisation').notNull(),
    contactName: text('contact_name'),
    /** ISO 639 codes; English is always among them. */
    languages: jsonb('languages').$type<string[]>().notNull(),
    availability: jsonb('availability').$type<DirectoryAvailabilityColumn>().notNull(),
    channels: jsonb('channels').$type<DirectoryChannelColumn[]>().notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    searchKey: text('search_key').notNull(),
    lastConfirmedAt: timestamp('last_confirmed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('directory_entries_jurisdiction_function_idx').on(t.jurisdictionCode, t.function),
    index('directory_entries_function_idx').on(t.function),
    index('directory_entries_confirmed_idx').on(t.lastConfirmedAt),
    index('directory_entries_languages_idx').using('gin', t.languages),
  ],
);
