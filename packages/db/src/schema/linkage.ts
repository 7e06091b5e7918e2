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
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { entities } from './entities.ts';
import { users } from './users.ts';

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
