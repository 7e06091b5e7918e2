import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail (EU Law Enforcement Directive art. 25). Each row carries the SHA-256 of
 * its own canonical content and the previous row's hash, so an edited, inserted or deleted row
 * breaks the chain (`veza audit verify`). Rows are appended under a transaction-scoped advisory lock
 * so that several app servers still build one chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    operation: text('operation').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    /** The actor's jurisdiction when acting (null: regional body or anonymous); scopes audit search. */
    actorJurisdiction: text('actor_jurisdiction'),
    recordType: text('record_type'),
    recordId: text('record_id'),
    subjectId: text('subject_id'),
    subjectLabel: text('subject_label'),
    justification: text('justification'),
    recipients: jsonb('recipients').$type<string[]>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    outcome: text('outcome').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorId),
    index('audit_record_idx').on(t.recordId),
    index('audit_subject_idx').on(t.subjectId),
  ],
);
