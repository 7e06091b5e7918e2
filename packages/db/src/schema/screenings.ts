import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { jurisdictions, units } from './organisation.ts';
import { persons } from './persons.ts';
import { users } from './users.ts';

/**
 * A screening: the rapid screen or the full indicator interview, with the instrument version it used,
 * its context and the engine's assessment at the time. `clientId` is made by the device, so a form
 * filled offline and sent twice is stored once; `revision` and `fieldRevisions` let a device that
 * synchronises late see which fields somebody else changed meanwhile (a conflict, never overwritten).
 */
export const screenings = pgTable(
  'screenings',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id').notNull(),
    reference: text('reference').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    /** The rapid screen that led into this full interview. */
    parentId: uuid('parent_id'),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: integer('instrument_version').notNull(),
    /** rapid | full */
    stage: text('stage').notNull(),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    screenedBy: uuid('screened_by')
      .notNull()
      .references(() => users.id),
    /** When the screening took place (may be before it was synchronised). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** border_crossing | raid | street_patrol | shelter | police_station | other */
    setting: text('setting').notNull(),
    place: text('place').notNull(),
    /** The language the interview was held in, and the interpreter's language if one was used. */
    interviewLanguage: text('interview_language').notNull(),
    interpreterLanguage: text('interpreter_language'),
    /** Encrypted: the person's own words, notes. Special-category data. */
    narrative: text('narrative'),
    age: integer('age'),
    ageInDoubt: boolean('age_in_doubt').notNull().default(false),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    outcome: text('outcome').notNull(),
    rule: text('rule').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    childRule: boolean('child_rule').notNull(),
    nonPunishmentAlert: boolean('non_punishment_alert').notNull(),
    /** Exploitation types of the indicators answered yes, for statistics. */
    exploitationTypes: jsonb('exploitation_types').$type<string[]>().notNull(),
    revision: integer('revision').notNull().default(1),
    /** field name -> revision at which it last changed. */
    fieldRevisions: jsonb('field_revisions').$type<Record<string, number>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('screenings_client_key').on(t.clientId),
    uniqueIndex('screenings_reference_key').on(t.reference),
    index('screenings_unit_idx').on(t.unitId),
    index('screenings_jurisdiction_idx').on(t.jurisdictionCode, t.occurredAt),
    index('screenings_person_idx').on(t.personId),
  ],
);
