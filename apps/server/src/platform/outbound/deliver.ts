import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { outboundEnvelopes } from '@veza/db';
import type { Queryable } from '@veza/db';
import { serverModules } from '../../modules.ts';
import type { RequestContext } from '../context.ts';
import type { Envelope, InboundHandler } from './envelope.ts';

let handlers: ReadonlyMap<string, InboundHandler> | undefined;

/** Every module's inbound handlers by kind, built on first use (as the error statuses are). */
export function inboundHandlers(
  modules: readonly { name: string; inbound?: Readonly<Record<string, InboundHandler>> }[] = serverModules(),
): ReadonlyMap<string, InboundHandler> {
  const byKind = new Map<string, InboundHandler>();
  for (const module of modules) {
    for (const [kind, handler] of Object.entries(module.inbound ?? {})) {
      if (byKind.has(kind)) throw new Error(`Envelope kind '${kind}' has two inbound handlers`);
      byKind.set(kind, handler);
    }
  }
  return byKind;
}

/** Raised for an envelope no installation could accept: a programming error, never a user's. */
export class EnvelopeRefusedError extends Error {
  override name = 'EnvelopeRefusedError';
}

/**
 * The outbound exchange interface: the one way anything addressed to another jurisdiction leaves a
 * module. The envelope is checked against its kind's schema, recorded in `outbound_envelopes`, and
 * delivered. In one regional installation delivery calls the receiving module's handler at once, in
 * the caller's transaction, so a failure on either side rolls both back. The payload crosses as JSON,
 * as it will between national installations: the handler sees only what was written in it.
 */
export async function sendEnvelope<P>(
  q: Queryable,
  envelope: Envelope<P>,
  registry: ReadonlyMap<string, InboundHandler> = (handlers ??= inboundHandlers()),
): Promise<void> {
  const handler = registry.get(envelope.kind);
  if (!handler) throw new EnvelopeRefusedError(`No inbound handler for envelope kind '${envelope.kind}'`);
  if (envelope.from.jurisdiction === envelope.to.jurisdiction)
    throw new EnvelopeRefusedError('An envelope goes to another jurisdiction');
  const wire: unknown = JSON.parse(JSON.stringify(envelope.payload));
  const checked = handler.payload.safeParse(wire);
  if (!checked.success)
    throw new EnvelopeRefusedError(`Envelope '${envelope.kind}' does not match its payload schema`);
  const id = uuidv7();
  await q.insert(outboundEnvelopes).values({
    id,
    kind: envelope.kind,
    exchangeId: envelope.exchangeId,
    fromJurisdictionCode: envelope.from.jurisdiction,
    fromUnitId: envelope.from.unitId,
    toJurisdictionCode: envelope.to.jurisdiction,
    toUnitId: envelope.to.unitId,
    payload: checked.data as Record<string, unknown>,
    sentAt: envelope.sentAt,
  });
  await handler.receive(q, { ...envelope, payload: checked.data });
  await q.update(outboundEnvelopes).set({ deliveredAt: new Date() }).where(eq(outboundEnvelopes.id, id));
}

/**
 * The context an inbound handler writes its audit entries in: no user of this installation acted,
 * the other jurisdiction did (named in the entry's details).
 */
export function inboundContext(): RequestContext {
  return { actor: null, sessionId: null, ip: null, userAgent: 'veza-outbound', justifications: new Map() };
}
