import { z } from 'zod';
import { LOCALES } from '../locales.ts';
import { HandlingCodeSchema } from './cases.ts';
import { Allowed, JurisdictionCodeSchema, Line, Timestamp, Uuid } from './common.ts';
import { AvailabilitySchema, ChannelSchema } from './directory.ts';
import { StatisticsFigureSchema, YearMonth } from './statistics.ts';

/**
 * Information requests between the single points of contact of two jurisdictions, on the model of
 * Directive (EU) 2023/977 (DOMAIN.md, "Cross-border cooperation").
 */

/** Art. 5(1): urgent and directly accessible (8 hours), urgent and held by others (3 days), the rest (7 days). */
export const REQUEST_URGENCIES = ['urgent_direct', 'urgent_indirect', 'standard'] as const;
export type RequestUrgency = (typeof REQUEST_URGENCIES)[number];
export const REQUEST_PERIODS = ['8h', '3d', '7d'] as const;
export type RequestPeriod = (typeof REQUEST_PERIODS)[number];

export const REQUEST_STATUSES = [
  'drafted',
  'sent',
  'received',
  'in_progress',
  'answered_partly',
  'answered_fully',
  'refused',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Statuses in which the requested side still owes an answer: the clock runs. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['sent', 'received', 'in_progress'];

/** Art. 6(1): the only grounds on which a request may be refused (stable codes of issue 12). */
export const REFUSAL_GROUNDS = [
  'not_available',
  'request_incomplete',
  'judicial_authorisation_refused',
  'data_category_not_permitted',
  'inaccurate_or_outdated',
  'harm_to_security_or_investigation_or_safety',
  'minor_offence',
  'originator_did_not_consent',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/**
 * Art. 4(2): the cases in which a designated authority may, case by case, send no copy of its request
 * to its own SPOC: where the copy would jeopardise a highly sensitive investigation, a terrorism case
 * outside an emergency or crisis, or a person's safety.
 */
export const SPOC_COPY_EXCEPTIONS = [
  'sensitive_investigation',
  'terrorism_no_emergency',
  'personal_safety',
] as const;
export type SpocCopyException = (typeof SPOC_COPY_EXCEPTIONS)[number];

/** The channel that carried the request outside Veza, when one did. */
export const REQUEST_CHANNELS = ['siena', 'interpol_i247', 'liaison_officer', 'none'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** Each jurisdiction keeps its own record of a request: the requesting side's and the requested side's. */
export const REQUEST_SIDES = ['requesting', 'requested'] as const;
export type RequestSide = (typeof REQUEST_SIDES)[number];

export const REQUEST_EVENT_TYPES = [
  'drafted',
  'sent',
  'received',
  'in_progress',
  'delay_notice',
  'answered_partly',
  'answered_fully',
  'refused',
  'withdrawn',
  'notice',
] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

/** Europol 4x4 as one code: source A/B/C/X, information 1-4. */
export const EvaluationCode = z.string().regex(/^[ABCX][1-4]$/, 'an evaluation such as B2');
export const RequestLanguageSchema = z.enum(LOCALES);

const Text = (max = 4000) => z.string().trim().min(1).max(max);

// --- Deadline ------------------------------------------------------------------------------------

export const DeadlineQuerySchema = z.strictObject({
  urgency: z.enum(REQUEST_URGENCIES),
  receivedAt: Timestamp,
  to: JurisdictionCodeSchema,
});
export type DeadlineQuery = z.infer<typeof DeadlineQuerySchema>;

export const DeadlineSchema = z.object({
  dueAt: Timestamp,
  period: z.enum(REQUEST_PERIODS),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

// --- A request -----------------------------------------------------------------------------------

/** Where a request goes: a jurisdiction's single point of contact, or one unit there. */
export const RequestAddressSchema = z.strictObject({
  jurisdiction: JurisdictionCodeSchema,
  unitId: Uuid.optional(),
});

/** Art. 4(3): what a request states. `urgencyReasons` is required when the request is urgent. */
export const RequestContentSchema = z.strictObject({
  sought: Text(),
  purpose: Text(),
  facts: Text(),
  offence: Line(300),
  whyHeld: Text(),
  personLink: Text(),
  urgency: z.enum(REQUEST_URGENCIES),
  urgencyReasons: z.string().trim().max(2000).optional(),
  restrictions: z.string().trim().max(2000).optional(),
  handlingCode: HandlingCodeSchema,
  evaluation: EvaluationCode,
  language: RequestLanguageSchema,
  channel: z.enum(REQUEST_CHANNELS),
  /** The channel's own reference (a SIENA number, say); required unless the channel is 'none'. */
  channelReference: z.string().trim().max(200).optional(),
});
export type RequestContent = z.infer<typeof RequestContentSchema>;

export const RequestCreateSchema = RequestContentSchema.extend({
  to: RequestAddressSchema,
  /** A case of the requester's that the request serves; the other side never sees it. */
  caseId: Uuid.optional(),
  /** Send at once rather than keep a draft. */
  send: z.boolean().default(false),
  /** No copy to the requester's own SPOC (art. 4(2)); the reason is then required. */
  spocCopyException: z.enum(SPOC_COPY_EXCEPTIONS).optional(),
  spocCopyReason: z.string().trim().max(2000).optional(),
});
export type RequestCreate = z.input<typeof RequestCreateSchema>;

export const RequestDelaySchema = z.strictObject({
  reason: Text(2000),
  /** When the answer is now expected (must lie in the future). */
  expectedAt: Timestamp,
});
export type RequestDelay = z.infer<typeof RequestDelaySchema>;

export const RequestAnswerSchema = z.strictObject({
  completeness: z.enum(['partly', 'fully']),
  text: Text(20_000),
  /** The language of the request, or English. */
  language: RequestLanguageSchema,
});
export type RequestAnswer = z.infer<typeof RequestAnswerSchema>;

export const RequestRefusalSchema = z.strictObject({
  ground: z.enum(REFUSAL_GROUNDS),
  explanation: Text(2000),
});
export type RequestRefusal = z.infer<typeof RequestRefusalSchema>;

export const RequestWithdrawalSchema = z.strictObject({ reason: Text(2000) });

export const RequestListQuery = z.strictObject({
  box: z.enum(['inbox', 'outbox']).default('inbox'),
  open: z.enum(['true', 'false']).optional(),
});
export type RequestListFilter = z.infer<typeof RequestListQuery>;

const Party = z.object({
  jurisdiction: JurisdictionCodeSchema,
  unitId: Uuid.nullable(),
  unitName: z.string().nullable(),
});

export const RequestEventSchema = z.object({
  type: z.enum(REQUEST_EVENT_TYPES),
  /** What the event says: a reason, a ground, a notice's threshold. No names. */
  note: z.string().nullable(),
  actor: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  at: Timestamp,
});
export type RequestEvent = z.infer<typeof RequestEventSchema>;

export const RequestSummarySchema = z.object({
  id: Uuid,
  exchangeId: Uuid,
  reference: z.string(),
  side: z.enum(REQUEST_SIDES),
  status: z.enum(REQUEST_STATUSES),
  from: Party,
  to: Party,
  urgency: z.enum(REQUEST_URGENCIES),
  period: z.enum(REQUEST_PERIODS),
  handlingCode: HandlingCodeSchema,
  evaluation: z.string(),
  language: RequestLanguageSchema,
  sentAt: Timestamp.nullable(),
  receivedAt: Timestamp.nullable(),
  dueAt: Timestamp.nullable(),
  /** The latest delay notice, if any: it pauses nothing. */
  delay: z.object({ reason: z.string(), expectedAt: Timestamp, at: Timestamp }).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowed: Allowed,
});
export type RequestSummary = z.infer<typeof RequestSummarySchema>;

const RequestAnswerGivenSchema = z.object({
  completeness: z.enum(['partly', 'fully']),
  text: z.string(),
  language: RequestLanguageSchema,
  at: Timestamp,
});

export const InformationRequestSchema = RequestSummarySchema.extend({
  sought: z.string(),
  purpose: z.string(),
  facts: z.string(),
  offence: z.string(),
  whyHeld: z.string(),
  personLink: z.string(),
  urgencyReasons: z.string().nullable(),
  restrictions: z.string().nullable(),
  channel: z.enum(REQUEST_CHANNELS),
  channelReference: z.string().nullable(),
  /** The requesting side's case, shown only to those of that side who may see the case. */
  case: z.object({ id: Uuid, reference: z.string(), title: z.string() }).nullable(),
  /** The latest answer; `answers` has every one in order (a partial answer, then its follow-up). */
  answer: RequestAnswerGivenSchema.nullable(),
  answers: z.array(RequestAnswerGivenSchema),
  /** Requesting side: the art. 4(2) exception for which its SPOC got no copy, if one was recorded. */
  spocCopy: z.object({ exception: z.enum(SPOC_COPY_EXCEPTIONS), reason: z.string() }).nullable(),
  refusal: z.object({ ground: z.enum(REFUSAL_GROUNDS), explanation: z.string(), at: Timestamp }).nullable(),
  withdrawal: z.object({ reason: z.string(), at: Timestamp }).nullable(),
  timeline: z.array(RequestEventSchema),
});
export type InformationRequest = z.infer<typeof InformationRequestSchema>;

export const RequestPageSchema = z.object({ items: z.array(RequestSummarySchema), total: z.number().int() });
export type RequestPage = z.infer<typeof RequestPageSchema>;

// --- Statistics per pair of jurisdictions ---------------------------------------------------------

/** Whole months, as for the other statistics: periods that slide by a day would single requests out. */
export const RequestStatisticsQuery = z
  .strictObject({ from: YearMonth, to: YearMonth })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'The end is before the start' });
export type RequestStatisticsFilter = z.infer<typeof RequestStatisticsQuery>;

/**
 * One direction between two jurisdictions (requests from `from` received by `to` in the period). Each
 * figure about 1 to 10 requests is withheld (`value: null`), as every published statistic is.
 */
export const RequestPairStatisticsSchema = z.object({
  from: JurisdictionCodeSchema,
  to: JurisdictionCodeSchema,
  requests: StatisticsFigureSchema,
  answeredInTime: StatisticsFigureSchema,
  answeredLate: StatisticsFigureSchema,
  /** Median minutes from receipt to the first answer, over the answered requests. */
  medianMinutesToAnswer: StatisticsFigureSchema,
  /** Requests with at least one delay notice (art. 5(3)). */
  delayed: StatisticsFigureSchema,
  refused: StatisticsFigureSchema,
  refusedByGround: z.array(StatisticsFigureSchema.extend({ ground: z.enum(REFUSAL_GROUNDS) })),
});
export type RequestPairStatistics = z.infer<typeof RequestPairStatisticsSchema>;

export const RequestStatisticsSchema = z.object({
  from: YearMonth,
  to: YearMonth,
  threshold: z.number().int(),
  pairs: z.array(RequestPairStatisticsSchema),
});
export type RequestStatistics = z.infer<typeof RequestStatisticsSchema>;

// --- Whom a request goes to ------------------------------------------------------------------------

export const RequestContactQuery = z.strictObject({ jurisdiction: JurisdictionCodeSchema });

/**
 * The requested jurisdiction's SPOC entries as the directory lists them, for the person composing a
 * request: languages, hours and channels. Without the officer's name: that is the directory's to show.
 */
export const RequestContactPointsSchema = z.object({
  points: z.array(
    z.object({
      id: Uuid,
      organisation: z.string(),
      languages: z.array(z.string()),
      availability: AvailabilitySchema,
      channels: z.array(ChannelSchema),
      lastConfirmedAt: Timestamp,
    }),
  ),
});
export type RequestContactPoints = z.infer<typeof RequestContactPointsSchema>;
