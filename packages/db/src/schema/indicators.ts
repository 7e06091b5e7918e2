import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Versions of the screening instruments (rapid screen, full indicator interview). A version is never
 * changed once published: coordinators publish a new one, and every screening keeps the version it
 * used. `content` is the whole instrument (title and indicators in every UI language), validated by
 * the shared zod schema on its way in and out.
 */
export const instrumentVersions = pgTable(
  'instrument_versions',
  {
    instrumentId: text('instrument_id').notNull(),
    version: integer('version').notNull(),
    /** 'draft' or 'published'. */
    status: text('status').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** null for the library shipped with Veza. */
    publishedBy: uuid('published_by').references(() => users.id),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.instrumentId, t.version] }),
    index('instrument_versions_status_idx').on(t.status),
  ],
);
