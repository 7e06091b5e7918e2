import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
