import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * A user's secret calendar feed address (modules/calendar): at most one per user, a new one replaces
 * the old. Only the SHA-256 of the token is kept, as for sessions: the address is shown once, when it
 * is made, and a copy of the database does not open anybody's feed.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    /** Hex SHA-256 of the token in the address. */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_hash').on(t.tokenHash)],
);
