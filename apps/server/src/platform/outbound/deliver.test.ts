import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Queryable } from '@veza/db';
import { EnvelopeRefusedError, inboundHandlers, sendEnvelope } from './deliver.ts';
import { inbound, type Envelope } from './envelope.ts';

/** A stand-in for the transaction that records what was inserted and updated. */
function recordingQuery() {
  const inserted: Record<string, unknown>[] = [];
  let updates = 0;
  const q = {
    insert: () => ({ values: async (row: Record<string, unknown>) => void inserted.push(row) }),
    update: () => ({ set: () => ({ where: async () => void (updates += 1) }) }),
  } as unknown as Queryable;
  return { q, inserted, updates: () => updates };
}

const received: Envelope<{ at: string; text: string }>[] = [];
const note = inbound(
  z.strictObject({ at: z.iso.datetime(), text: z.string().min(1) }),
  async (_q, envelope) => {
    received.push(envelope);
  },
);
const registry = inboundHandlers([{ name: 'notes', inbound: { 'notes.sent': note } }]);

const envelope = (payload: unknown, to: 'ME' | 'RS' = 'ME'): Envelope<unknown> => ({
  kind: 'notes.sent',
  exchangeId: '00000000-0000-4000-8000-000000000e01',
  from: { jurisdiction: 'RS', unitId: '00000000-0000-4000-8000-00000000000a' },
  to: { jurisdiction: to, unitId: null },
  payload,
  sentAt: new Date('2026-11-20T10:00:00Z'),
});

describe('the outbound exchange interface', () => {
  it('records the envelope, then hands the receiving handler what crossed as JSON', async () => {
    const { q, inserted, updates } = recordingQuery();
    received.length = 0;
    // A Date in the payload crosses as its ISO string, as it will between installations.
    await sendEnvelope(q, envelope({ at: new Date('2026-11-20T10:00:00Z'), text: 'Здраво' }), registry);
    expect(inserted).toEqual([
      expect.objectContaining({
        kind: 'notes.sent',
        toJurisdictionCode: 'ME',
        payload: { at: '2026-11-20T10:00:00.000Z', text: 'Здраво' },
      }),
    ]);
    expect(received.map((e) => e.payload)).toEqual([{ at: '2026-11-20T10:00:00.000Z', text: 'Здраво' }]);
    expect(updates()).toBe(1);
  });

  it('refuses a payload its kind does not describe, recording nothing', async () => {
    const { q, inserted } = recordingQuery();
    await expect(sendEnvelope(q, envelope({ at: 'yesterday', text: '' }), registry)).rejects.toThrow(
      EnvelopeRefusedError,
    );
    expect(inserted).toEqual([]);
  });

  it('refuses a kind nobody handles, and an envelope that stays at home', async () => {
    const { q, inserted } = recordingQuery();
    await expect(
      sendEnvelope(
        q,
        { ...envelope({ at: '2026-11-20T10:00:00Z', text: 'x' }), kind: 'notes.lost' },
        registry,
      ),
    ).rejects.toThrow(/No inbound handler/);
    await expect(
      sendEnvelope(q, envelope({ at: '2026-11-20T10:00:00Z', text: 'x' }, 'RS'), registry),
    ).rejects.toThrow(/another jurisdiction/);
    expect(inserted).toEqual([]);
  });

  it('gives each kind to one module only', () => {
    expect(() =>
      inboundHandlers([
        { name: 'a', inbound: { 'notes.sent': note } },
        { name: 'b', inbound: { 'notes.sent': note } },
      ]),
    ).toThrow(/two inbound handlers/);
  });

  it('knows the kinds the modules of this server declare', () => {
    expect([...inboundHandlers().keys()]).toEqual(
      expect.arrayContaining(['request.sent', 'request.received', 'request.answer', 'request.refusal']),
    );
  });
});
