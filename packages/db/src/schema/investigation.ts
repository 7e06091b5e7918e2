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
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    uniqueIndex('match_suggestions_pair_key').on(t.entityA, t.entityB),
    index('match_suggestions_b_idx').on(t.entityB),
  ],
);

/**
 * Who joined which entity to which canonical entity, and when it was split again. `entities.canonicalId`
 * holds the current state; this is its history, so a merge can be explained and undone.
 */
export const entityMerges = pgTable(
  'entity_merges',
  {
    id: uuid('id').primaryKey(),
    canonicalId: uuid('canonical_id')
      .notNull()
      .references(() => entities.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    suggestionId: uuid('suggestion_id').references(() => matchSuggestions.id),
    mergedBy: uuid('merged_by')
      .notNull()
      .references(() => users.id),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    splitBy: uuid('split_by').references(() => users.id),
    splitAt: timestamp('split_at', { withTimezone: true }),
  },
  (t) => [
    index('entity_merges_canonical_idx').on(t.canonicalId),
    index('entity_merges_entity_idx').on(t.entityId),
  ],
);

/**
 * Hit/no-hit: a user's entity matched one in a case they may not see (another unit or jurisdiction).
 * The user learns only that a match exists, the owning unit and the case reference; the owner is
 * told and decides whether to share details.
 */
export const linkageHits = pgTable(
  'linkage_hits',
  {
    id: uuid('id').primaryKey(),
    /** The entity of the user's own case. */
    queryEntityId: uuid('query_entity_id')
      .notNull()
      .references(() => entities.id),
    /** The entity in the case the user may not see. Never shown to the requester. */
    hitEntityId: uuid('hit_entity_id')
      .notNull()
      .references(() => entities.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    score: integer('score').notNull(),
    /** notified | access_requested | granted | refused */
    status: text('status').notNull().default('notified'),
    requestReason: text('request_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('linkage_hits_pair_key').on(t.queryEntityId, t.hitEntityId),
    index('linkage_hits_hit_idx').on(t.hitEntityId),
  ],
);

/**
 * Edges of the case graph, kept beside the relationship entities so that neighbourhoods are one index
 * lookup away: a relationship entity (Ownership, UsesPhone ...) from `sourceId` to `targetId`, or
 * a plain reference from one entity to another (a Passport's holder).
 */
export const entityEdges = pgTable(
  'entity_edges',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => entities.id),
    targetId: uuid('target_id')
      .notNull()
      .references(() => entities.id),
    /** The relationship entity this edge stands for; null for a plain reference. */
    relationshipId: uuid('relationship_id').references(() => entities.id),
    /** FtM schema of the relationship, or the property name of a plain reference. */
    label: text('label').notNull(),
  },
  (t) => [
    index('entity_edges_source_idx').on(t.sourceId),
    index('entity_edges_target_idx').on(t.targetId),
    index('entity_edges_case_idx').on(t.caseId),
  ],
);

/**
 * Call-detail records of a case, too many to be entities each: who called whom, when, how long,
 * which cell. The numbers are Phone entities of the case.
 */
export const callRecords = pgTable(
  'call_records',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    importId: uuid('import_id').notNull(),
    callerEntityId: uuid('caller_entity_id')
      .notNull()
      .references(() => entities.id),
    calleeEntityId: uuid('callee_entity_id')
      .notNull()
      .references(() => entities.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    cell: text('cell'),
  },
  (t) => [
    index('call_records_case_idx').on(t.caseId, t.startedAt),
    index('call_records_caller_idx').on(t.callerEntityId),
    index('call_records_callee_idx').on(t.calleeEntityId),
  ],
);

/** An import into a case: its progress, and the rows it rejected with their reasons. */
export const caseImports = pgTable(
  'case_imports',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** ftm | csv | xlsx | cdr */
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    /** running | done | failed */
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    suggestions: integer('suggestions').notNull().default(0),
    /** [{row, reason}] of rejected rows, and the column mapping used. */
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('case_imports_case_idx').on(t.caseId, t.createdAt)],
);

/** A link chart saved with a case: which entities, where they sit, and the filters in force. */
export const savedCharts = pgTable(
  'saved_charts',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    name: text('name').notNull(),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_charts_case_idx').on(t.caseId)],
);

/**
 * Blocking keys of the entities of every case (name tokens and phonetic keys, normalised phone
 * numbers, plates, IBANs, document numbers): matching on save looks candidates up here instead of
 * loading whole cases, and hit/no-hit searches cases the user cannot see without reading them.
 */
export const matchKeys = pgTable(
  'match_keys',
  {
    key: text('key').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [primaryKey({ columns: [t.key, t.entityId] }), index('match_keys_entity_idx').on(t.entityId)],
);
