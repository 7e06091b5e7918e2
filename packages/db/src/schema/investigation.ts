import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { jurisdictions, units } from './organisation.ts';
import { users } from './users.ts';

/**
 * An investigation. Who may see it is decided by its team (need to know) and the supervisor of the
 * owning unit; the handling code limits what may be done with what it holds (Europol H0-H3).
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    /** Human reference, `RS-2026-0001`: jurisdiction, year, running number. */
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    /** trafficking | migrant_smuggling | drug_trafficking | mixed | other */
    type: text('type').notNull(),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    owningUnitId: uuid('owning_unit_id')
      .notNull()
      .references(() => units.id),
    handlingCode: text('handling_code').notNull(),
    /** open | suspended | closed */
    status: text('status').notNull().default('open'),
    legalBasis: text('legal_basis'),
    prosecutorId: uuid('prosecutor_id').references(() => users.id),
    notes: text('notes'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference),
    index('cases_owning_unit_idx').on(t.owningUnitId),
    index('cases_title_idx').on(t.title),
  ],
);

/** The case team: need to know. The owner manages the team and decides on requests to join. */
export const caseMembers = pgTable(
  'case_members',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** owner | member */
    role: text('role').notNull(),
    /** null for the creator, who is the first owner. */
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_members_user_idx').on(t.userId)],
);

export const caseJoinRequests = pgTable(
  'case_join_requests',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    /** pending | granted | refused */
    status: text('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('case_join_requests_case_idx').on(t.caseId, t.status)],
);

/**
 * A FollowTheMoney entity of one case: Person, Company, Phone, Vehicle ... and relationships
 * (Ownership, UsesPhone ...), whose ends are statements holding entity ids. What is known about it
 * lives in `statements`; the caption is what lists show.
 */
export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** FtM schema name: Person, Vehicle, Ownership ... */
    schema: text('schema').notNull(),
    caption: text('caption').notNull(),
    /** The id the entity had in the file it was imported from; null when entered by hand. */
    sourceId: text('source_id'),
    /** Set when entities are merged later: the entity this one is the same as. */
    canonicalId: uuid('canonical_id').references((): AnyPgColumn => entities.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('entities_case_schema_idx').on(t.caseId, t.schema),
    index('entities_canonical_idx').on(t.canonicalId),
  ],
);

/**
 * One thing said about an entity, with where it came from and how far to trust it (Europol 4x4),
 * its handling code, and whether it is a fact or an assessment (LED art. 7). Never changed: a
 * correction is a new statement, and the corrected one only learns which statement superseded it.
 */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    /** FtM property name: name, birthDate, number, owner ... */
    property: text('property').notNull(),
    value: text('value').notNull(),
    source: text('source').notNull(),
    /** A | B | C | X */
    evaluationSource: text('evaluation_source').notNull(),
    /** 1 to 4 */
    evaluationInfo: integer('evaluation_info').notNull(),
    handlingCode: text('handling_code').notNull(),
    /** fact | assessment */
    kind: text('kind').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    supersededBy: uuid('superseded_by').references((): AnyPgColumn => statements.id),
  },
  (t) => [index('statements_entity_idx').on(t.entityId, t.property)],
);

/**
 * Linkage: a Person of one case that may be the same as a Person of another, found by
 * packages/matching when an entity is saved or imported. An analyst confirms or rejects it.
 */
export const matchSuggestions = pgTable(
  'match_suggestions',
  {
    id: uuid('id').primaryKey(),
    /** The entity that was saved or imported. */
    entityA: uuid('entity_a')
      .notNull()
      .references(() => entities.id),
    entityB: uuid('entity_b')
      .notNull()
      .references(() => entities.id),
    /** Thousandths (0-1000): an integer, so equal scores compare equal on every engine. */
    score: integer('score').notNull(),
    explanation: jsonb('explanation').$type<Record<string, unknown>>().notNull(),
    /** pending | confirmed | rejected */
    status: text('status').notNull().default('pending'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('match_suggestions_pair_key').on(t.entityA, t.entityB),
    index('match_suggestions_b_idx').on(t.entityB),
  ],
);
