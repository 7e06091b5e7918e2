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
import { users } from './users.ts';

/**
 * A person met in screening or referral work (presumed victim, victim, witness, suspect: LED art. 6).
 * Everything that identifies the person lives in `identity`, encrypted with the server key
 * (AES-256-GCM, JSON inside) and shown only to those who need it; everywhere else the person is the
 * pseudonymous `reference`. Sex, age group and nationality stay in clear because statistics need
 * them and, alone, they identify nobody (statistics still suppress cells under 11).
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    /** Pseudonymous reference shown instead of the name: `P-RS-7K3QX9`. */
    reference: text('reference').notNull(),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** The unit that recorded the person; its officers see the record. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** presumed_victim | victim | witness | suspect */
    category: text('category').notNull(),
    /** fact | assessment (LED art. 7): is the category established or somebody's assessment? */
    categoryKind: text('category_kind').notNull(),
    /** female | male | other | unknown */
    sex: text('sex').notNull().default('unknown'),
    /** child | adult | unknown (unknown is treated as child, as the rule on age in doubt asks). */
    ageGroup: text('age_group').notNull().default('unknown'),
    /** ISO 3166-1 alpha-2 of the nationality (XK for Kosovo), or null when not known. */
    nationality: text('nationality'),
    /** The language the person prefers, for documents given to them (a UI locale or ISO 639-1). */
    preferredLanguage: text('preferred_language'),
    /** Encrypted JSON: names, birth date, documents, contact, guardian's identity. */
    identity: text('identity').notNull(),
    /** For a child: is a guardian appointed? Who it is lives in `identity`. */
    guardianAppointed: boolean('guardian_appointed').notNull().default(false),
    /** Review the need to keep the record by this date (LED art. 5). */
    reviewDueAt: timestamp('review_due_at', { withTimezone: true }).notNull(),
    /** Erase or anonymise by this date unless a review extends it. */
    retainUntil: timestamp('retain_until', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_reference_key').on(t.reference),
    index('persons_jurisdiction_idx').on(t.jurisdictionCode),
    index('persons_unit_idx').on(t.unitId),
  ],
);

/**
 * Consent per purpose and per recipient. Versioned and never changed: granting, narrowing or revoking
 * adds a row with the next version; the newest version of a (person, purpose, recipient) is in force.
 */
export const personConsents = pgTable(
  'person_consents',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** referral | assistance | transnational_referral | data_sharing | return ... */
    purpose: text('purpose').notNull(),
    /** kind:id, e.g. `provider:<uuid>`, `jurisdiction:MK`, `any` */
    recipient: text('recipient').notNull(),
    version: integer('version').notNull(),
    /** granted | revoked */
    status: text('status').notNull(),
    /** Which parts of the record may go to the recipient: ['identity','screening','health',...]. */
    scope: jsonb('scope').$type<string[]>().notNull(),
    /** Given by the person, or by the guardian for a child. */
    givenBy: text('given_by').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('person_consents_version_key').on(t.personId, t.purpose, t.recipient, t.version)],
);
