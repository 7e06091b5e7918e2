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
import { agencies, jurisdictions, units } from './organisation.ts';
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

/**
 * A service provider of the referral directory. `agencyId` ties it to the organisation whose
 * caseworkers use Veza (an NGO shelter, say): they see referrals sent to it, and only those.
 */
export const serviceProviders = pgTable(
  'service_providers',
  {
    id: uuid('id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    agencyId: uuid('agency_id').references(() => agencies.id),
    name: text('name').notNull(),
    /** shelter | medical | psychological | legal_aid | interpreter | drug_treatment | assisted_return | guardianship */
    services: jsonb('services').$type<string[]>().notNull(),
    /** Places in all, and free now; null where capacity does not apply (legal aid, say). */
    capacity: integer('capacity'),
    available: integer('available'),
    /** Languages served (UI locales or ISO 639-1). */
    languages: jsonb('languages').$type<string[]>().notNull(),
    openingHours: text('opening_hours').notNull(),
    open24h: boolean('open_24h').notNull().default(false),
    /** Accepts children. */
    acceptsChildren: boolean('accepts_children').notNull().default(false),
    city: text('city').notNull(),
    phone: text('phone'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_providers_jurisdiction_idx').on(t.jurisdictionCode)],
);

/**
 * A referral of a person to a service provider at home, or to another jurisdiction's national
 * coordinator (transnational referral, TRM-SEE). What was shared is frozen in `sharedScope`, as the
 * person's consent allowed it when it was sent.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    screeningId: uuid('screening_id').references(() => screenings.id),
    /** national | transnational */
    kind: text('kind').notNull(),
    /** The service asked for (shelter, medical ...). */
    service: text('service').notNull(),
    /** National referral: the provider. */
    providerId: uuid('provider_id').references(() => serviceProviders.id),
    /** Transnational referral: the receiving jurisdiction and the TRM-SEE procedure. */
    toJurisdictionCode: text('to_jurisdiction_code').references(() => jurisdictions.code),
    /** identification | first_assistance | long_term_assistance | return_inclusion | proceedings */
    procedure: text('procedure'),
    fromJurisdictionCode: text('from_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => units.id),
    /** proposed | sent | accepted | declined | in_service | closed */
    status: text('status').notNull(),
    declineReason: text('decline_reason'),
    closeReason: text('close_reason'),
    urgent: boolean('urgent').notNull().default(false),
    sharedScope: jsonb('shared_scope').$type<string[]>().notNull(),
    /** Encrypted message to the receiver; only the parts consent allows. */
    message: text('message'),
    /** Recovery and reflection period (CETS 197 art. 13: at least 30 days). */
    reflectionStartsAt: timestamp('reflection_starts_at', { withTimezone: true }),
    reflectionEndsAt: timestamp('reflection_ends_at', { withTimezone: true }),
    /** Transnational: acknowledgement due by, and when it came. */
    acknowledgeBy: timestamp('acknowledge_by', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('referrals_reference_key').on(t.reference),
    index('referrals_person_idx').on(t.personId),
    index('referrals_provider_idx').on(t.providerId, t.status),
    index('referrals_to_jurisdiction_idx').on(t.toJurisdictionCode, t.status),
    index('referrals_from_jurisdiction_idx').on(t.fromJurisdictionCode, t.createdAt),
  ],
);

/** The referral's timeline: who did what and when. Append-only. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    /** proposed | sent | accepted | declined | service_started | closed | acknowledged | reminder | note */
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    /** null for events of the system itself (reminders). */
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);

/**
 * Things a user or a whole unit must know: a referral arrived, a reflection period ends soon,
 * somebody has a hit on one of your entities. Shown in the app; `dedupeKey` keeps a reminder from
 * being sent twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    /** To one user, or to everyone of a unit (exactly one of the two is set). */
    userId: uuid('user_id').references(() => users.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** referral_received | referral_status | reflection_ending | acknowledgement_due | hit | access_granted ... */
    kind: text('kind').notNull(),
    /** What the message needs to render in the reader's language: references, dates. No names. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Where the app should go when it is opened: `/referrals/<id>`. */
    link: text('link'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unit_idx').on(t.unitId, t.createdAt),
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
  ],
);
