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
import { persons } from './persons.ts';
import { screenings } from './screenings.ts';
import { users } from './users.ts';

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
