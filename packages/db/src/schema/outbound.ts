import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every envelope that went to another jurisdiction through the platform's outbound exchange interface
 * (apps/server/src/platform/outbound), as it was sent: the record of what crossed a border, and the
 * outbox a later release will carry between national installations. Owned by the platform
 * (ownership.mjs PLATFORM_TABLES); no module reads it.
 */
export const outboundEnvelopes = pgTable(
  'outbound_envelopes',
  {
    id: uuid('id').primaryKey(),
    /** `request.sent`, `request.answer` ...: the receiving module's handler for it decides. */
    kind: text('kind').notNull(),
    /** The exchange the envelope belongs to (an information request, say), the same on both sides. */
    exchangeId: uuid('exchange_id').notNull(),
    fromJurisdictionCode: text('from_jurisdiction_code').notNull(),
    fromUnitId: uuid('from_unit_id'),
    toJurisdictionCode: text('to_jurisdiction_code').notNull(),
    toUnitId: uuid('to_unit_id'),
    /** Validated by the kind's zod schema before it is recorded. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** When the receiving side's handler accepted it; in one installation, in the same transaction. */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('outbound_envelopes_exchange_idx').on(t.exchangeId, t.sentAt)],
);
