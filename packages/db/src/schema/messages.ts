import { customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { jurisdictions } from './organisation.ts';
import { users } from './users.ts';

/** Bytes stored in the row (PostgreSQL `bytea`): attachments live in the database. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * A thread of handling-coded messages, as one jurisdiction keeps it. Across a border each side has
 * its own row, correlated by `exchangeId` (platform/outbound); inside one jurisdiction there is one.
 * The link (a request, a case; a joint investigation team later) is held by id only on the side that
 * made it: the other side gets its reference.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull(),
    holderJurisdictionCode: text('holder_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    subject: text('subject').notNull(),
    /** request | case (jit to come) */
    linkKind: text('link_kind'),
    linkId: uuid('link_id'),
    linkReference: text('link_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('message_threads_exchange_holder').on(t.exchangeId, t.holderJurisdictionCode)],
);

/**
 * One message as one jurisdiction keeps it: the sender's side and the recipient's side each hold a
 * row across a border (same `exchangeId`). Units named from the other jurisdiction are ids as the
 * envelope gave them, not references. A forwarded copy is a message of its own whose provider is
 * the original sender.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    holderJurisdictionCode: text('holder_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    fromJurisdictionCode: text('from_jurisdiction_code').notNull(),
    fromUnitId: uuid('from_unit_id').notNull(),
    fromUnitName: text('from_unit_name'),
    toJurisdictionCode: text('to_jurisdiction_code').notNull(),
    toUnitId: uuid('to_unit_id').notNull(),
    toUnitName: text('to_unit_name'),
    /** Whose information it is: the sender, or the original provider of a forwarded copy. */
    providerJurisdictionCode: text('provider_jurisdiction_code').notNull(),
    providerUnitId: uuid('provider_unit_id').notNull(),
    providerUnitName: text('provider_unit_name'),
    /** The exchange of the message this one forwards, when it is a forwarded copy. */
    forwardOfExchangeId: uuid('forward_of_exchange_id'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** H0 | H1 | H2 | H3 */
    handlingCode: text('handling_code').notNull(),
    /** Europol 4x4: A1 .. X4 */
    evaluation: text('evaluation').notNull(),
    /** The provider's restrictions (required for H3). */
    restrictions: text('restrictions'),
    /** The user who sent it, on the sender's side only. */
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** The receiving unit's first read and its explicit acknowledgement (kept on both sides). */
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: uuid('read_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [
    uniqueIndex('messages_exchange_holder').on(t.exchangeId, t.holderJurisdictionCode),
    index('messages_thread_idx').on(t.threadId, t.sentAt),
    index('messages_to_unit_idx').on(t.holderJurisdictionCode, t.toUnitId),
    index('messages_from_unit_idx').on(t.holderJurisdictionCode, t.fromUnitId),
  ],
);

/** A file of a message, its type read from its content, stored in the row; each side keeps its copy. */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    id: uuid('id').primaryKey(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [index('message_attachments_message_idx').on(t.messageId)],
);

/**
 * A recipient's request for the provider's permission (to pass a message on, or to use it in
 * court) and the provider's answer. The asking side and the providing side each keep a row across a
 * border (same `exchangeId`); inside one jurisdiction one row serves both (`side` local).
 */
export const messagePermissionRequests = pgTable(
  'message_permission_requests',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull(),
    holderJurisdictionCode: text('holder_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** asking | providing | local */
    side: text('side').notNull(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    /** forward | court */
    purpose: text('purpose').notNull(),
    reason: text('reason').notNull(),
    /** pending | granted | refused */
    status: text('status').notNull(),
    note: text('note'),
    askedByUnitId: uuid('asked_by_unit_id').notNull(),
    askedByUnitName: text('asked_by_unit_name'),
    askedBy: uuid('asked_by').references(() => users.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('message_permission_requests_exchange_holder').on(t.exchangeId, t.holderJurisdictionCode),
    index('message_permission_requests_message_idx').on(t.messageId),
  ],
);
