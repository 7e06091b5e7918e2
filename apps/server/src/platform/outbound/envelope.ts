import type { z } from 'zod';
import type { Queryable } from '@veza/db';
import type { JurisdictionCode } from '@veza/shared';

/**
 * What travels to another jurisdiction. The payload is plain JSON (dates as ISO strings), validated by
 * the kind's schema on the way out and again on the way in: the receiving side trusts nothing of the
 * sender's but the envelope.
 */
export interface Envelope<P = unknown> {
  /** `<module>.<what>`: `request.sent`, `request.answer`. One module handles each kind. */
  kind: string;
  /** The exchange the envelope belongs to, the same id on both sides (an information request). */
  exchangeId: string;
  from: { jurisdiction: JurisdictionCode; unitId: string | null };
  to: { jurisdiction: JurisdictionCode; unitId: string | null };
  payload: P;
  sentAt: Date;
}

/**
 * A module's handler for one kind of envelope arriving from another jurisdiction. It may write only
 * its own module's rows and may answer by sending envelopes of its own; it has no user: whatever it
 * records is the other side's doing.
 */
export interface InboundHandler<P = unknown> {
  readonly payload: z.ZodType<P>;
  receive(q: Queryable, envelope: Envelope<P>): Promise<void>;
}

/** Declares a handler with its payload schema, so `receive` is typed by it. */
export function inbound<P>(
  payload: z.ZodType<P>,
  receive: (q: Queryable, envelope: Envelope<P>) => Promise<void>,
): InboundHandler<P> {
  return { payload, receive };
}
