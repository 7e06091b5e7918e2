import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { entities } from './entities.ts';
import { users } from './users.ts';

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
