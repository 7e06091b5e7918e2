import { index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { users } from './users.ts';

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
