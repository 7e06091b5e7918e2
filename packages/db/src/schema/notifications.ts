import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './organisation.ts';
import { users } from './users.ts';

/**
 * Things a user or a whole unit must know: a referral arrived, a reflection period ends soon,
 * somebody has a hit on one of your entities. Shown in the app; `dedupeKey` keeps a reminder from
 * being sent twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    /** To one user, or to everyone of a unit (exactly one of the two is set). */
    userId: uuid('user_id').references(() => users.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** referral_received | referral_status | reflection_ending | acknowledgement_due | hit | access_granted ... */
    kind: text('kind').notNull(),
    /** What the message needs to render in the reader's language: references, dates. No names. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Where the app should go when it is opened: `/referrals/<id>`. */
    link: text('link'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unit_idx').on(t.unitId, t.createdAt),
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
  ],
);
