import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { jurisdictions, units } from './organisation.ts';
import { users } from './users.ts';

/**
 * One side's record of an information request (Directive 2023/977). The requesting jurisdiction and
 * the requested one each keep their own row, correlated by `exchangeId`; a change made by one side
 * travels to the other as an envelope (platform/outbound) and is applied there by the requests
 * module's inbound handler. A row never refers to the other side's rows, units or users except by
 * the ids written in the envelope.
 */
export const informationRequests = pgTable(
  'information_requests',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull(),
    /** requesting | requested */
    side: text('side').notNull(),
    /** `RS-2026-0142`: the requesting jurisdiction, the year, a running number; the same on both sides. */
    reference: text('reference').notNull(),
    /** drafted | sent | received | in_progress | answered_partly | answered_fully | refused | withdrawn */
    status: text('status').notNull(),
    fromJurisdictionCode: text('from_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** The requesting unit: a foreign id on the requested side, as the envelope named it. */
    fromUnitId: uuid('from_unit_id').notNull(),
    fromUnitName: text('from_unit_name'),
    toJurisdictionCode: text('to_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    toUnitId: uuid('to_unit_id'),
    toUnitName: text('to_unit_name'),
    /** The record's own jurisdiction: from on the requesting side, to on the requested side. */
    holderJurisdictionCode: text('holder_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /**
     * The unit of this side that holds the record: the requesting unit, or on the requested side the
     * single point of contact (the unit the request named, else the jurisdiction's cooperation unit).
     */
    holderUnitId: uuid('holder_unit_id')
      .notNull()
      .references(() => units.id),
    /** urgent_direct | urgent_indirect | standard, and the period it gives (8h | 3d | 7d). */
    urgency: text('urgency').notNull(),
    period: text('period').notNull(),
    sought: text('sought').notNull(),
    purpose: text('purpose').notNull(),
    facts: text('facts').notNull(),
    offence: text('offence').notNull(),
    whyHeld: text('why_held').notNull(),
    personLink: text('person_link').notNull(),
    urgencyReasons: text('urgency_reasons'),
    restrictions: text('restrictions'),
    handlingCode: text('handling_code').notNull(),
    evaluation: text('evaluation').notNull(),
    language: text('language').notNull(),
    /** siena | interpol_i247 | liaison_officer | none, and the reference there. */
    channel: text('channel').notNull(),
    channelReference: text('channel_reference'),
    /**
     * Art. 4(1)-(2): a copy of a request goes to the requester's own SPOC unless, case by case, it
     * would jeopardise a highly sensitive investigation, a terrorism case outside an emergency, or a
     * person's safety. Requesting side only: the exception recorded and its reason.
     */
    spocCopyException: text('spoc_copy_exception'),
    spocCopyReason: text('spoc_copy_reason'),
    /** Requesting side only: the case the request serves (need to know stays with the case). */
    caseId: uuid('case_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    delayReason: text('delay_reason'),
    delayExpectedAt: timestamp('delay_expected_at', { withTimezone: true }),
    delayAt: timestamp('delay_at', { withTimezone: true }),
    /** partly | fully */
    answerCompleteness: text('answer_completeness'),
    answerText: text('answer_text'),
    answerLanguage: text('answer_language'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The first answer's moment: a follow-up answer does not move it (what "answered in time" counts). */
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    /** Every answer given, in order (a partial one, then a follow-up); the answer* columns hold the latest. */
    answers: jsonb('answers')
      .$type<{ completeness: string; text: string; language: string; at: string }[]>()
      .notNull()
      .default([]),
    refusalGround: text('refusal_ground'),
    refusalExplanation: text('refusal_explanation'),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** Clock notices already sent by this installation (50, 80, breach): the sweep skips them. */
    noticesSent: jsonb('notices_sent').$type<string[]>().notNull().default([]),
    /**
     * Requested side, while open: the moment the next clock notice is due (null when all were sent or
     * the request is settled). The sweep reads only the rows whose moment has come, by its index.
     */
    nextNoticeAt: timestamp('next_notice_at', { withTimezone: true }),
    /** Requesting side: the author (a local user). Requested side: null, the request came in. */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('information_requests_exchange_side').on(t.exchangeId, t.side),
    index('information_requests_due_idx').on(t.side, t.status, t.dueAt),
    index('information_requests_holder_idx').on(t.holderJurisdictionCode, t.side, t.dueAt),
    index('information_requests_unit_idx').on(t.holderUnitId, t.side, t.dueAt),
    index('information_requests_next_notice_idx').on(t.nextNoticeAt),
  ],
);

/** The timeline of one side's record: what happened, who did it on this side, when. */
export const informationRequestEvents = pgTable(
  'information_request_events',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => informationRequests.id),
    type: text('type').notNull(),
    note: text('note'),
    /** A user of this installation's side; null for what the other side or the clock did. */
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('information_request_events_request_idx').on(t.requestId, t.at)],
);

/** Running numbers of request references, per requesting jurisdiction and year. */
export const informationRequestCounters = pgTable(
  'information_request_counters',
  {
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('information_request_counters_key').on(t.jurisdictionCode, t.year)],
);
