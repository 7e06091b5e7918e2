import { z } from 'zod';
import {
  JurisdictionCodeSchema,
  REFUSAL_GROUNDS,
  REQUEST_PERIODS,
  RequestContentSchema,
  RequestLanguageSchema,
  Timestamp,
} from '@veza/shared';

/**
 * The envelopes of an information request, one kind per change a side makes (platform/outbound).
 * Each carries what the other side needs to keep its own record, and nothing of the sender's case.
 */
export const REQUEST_ENVELOPES = {
  /** The requesting side sent the request: its content and reference. */
  sent: z.strictObject({
    reference: z.string().min(1).max(40),
    content: RequestContentSchema,
    fromUnitName: z.string().max(200).nullable(),
  }),
  /** The requested contact point received it: the clock runs from here. */
  received: z.strictObject({
    receivedAt: Timestamp,
    dueAt: Timestamp,
    period: z.enum(REQUEST_PERIODS),
    toUnitId: z.uuid(),
    toUnitName: z.string().max(200).nullable(),
    toJurisdiction: JurisdictionCodeSchema,
  }),
  progress: z.strictObject({ at: Timestamp }),
  delay: z.strictObject({ reason: z.string().min(1).max(2000), expectedAt: Timestamp, at: Timestamp }),
  answer: z.strictObject({
    completeness: z.enum(['partly', 'fully']),
    text: z.string().min(1).max(20_000),
    language: RequestLanguageSchema,
    at: Timestamp,
  }),
  refusal: z.strictObject({
    ground: z.enum(REFUSAL_GROUNDS),
    explanation: z.string().min(1).max(2000),
    at: Timestamp,
  }),
  withdrawal: z.strictObject({ reason: z.string().min(1).max(2000), at: Timestamp }),
} as const;

export type RequestEnvelopeName = keyof typeof REQUEST_ENVELOPES;
export type RequestEnvelopePayload<N extends RequestEnvelopeName> = z.output<(typeof REQUEST_ENVELOPES)[N]>;

/** The envelope kind of each: `request.sent`, `request.answer` ... */
export const kindOf = (name: RequestEnvelopeName): string => `request.${name}`;
