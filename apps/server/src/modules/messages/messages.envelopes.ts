import { z } from 'zod';
import {
  ATTACHMENT_MEDIA_TYPES,
  EvaluationCode,
  HandlingCodeSchema,
  JurisdictionCodeSchema,
  MESSAGE_LINK_KINDS,
  MESSAGE_PERMISSION_PURPOSES,
  Timestamp,
} from '@veza/shared';

const Party = z.strictObject({
  jurisdiction: JurisdictionCodeSchema,
  unitId: z.uuid(),
  unitName: z.string().max(200).nullable(),
});

/**
 * The envelopes of the messages module (platform/outbound), one kind per thing a side does. A message
 * crosses whole, its files base64-encoded, so the receiving side keeps its own copy; the link of its
 * thread crosses as a reference only.
 */
export const MESSAGE_ENVELOPES = {
  /** A message (`sent`) or a forwarded copy (`forwarded`): the exchange id is the message's. */
  sent: z.strictObject({
    thread: z.strictObject({
      exchangeId: z.uuid(),
      subject: z.string().min(1).max(300),
      link: z.strictObject({ kind: z.enum(MESSAGE_LINK_KINDS), reference: z.string().max(80) }).nullable(),
    }),
    from: Party,
    to: Party,
    provider: Party,
    forwardOfExchangeId: z.uuid().nullable(),
    subject: z.string().min(1).max(300),
    body: z.string().min(1).max(22_000),
    handlingCode: HandlingCodeSchema,
    evaluation: EvaluationCode,
    restrictions: z.string().max(2000).nullable(),
    sentAt: Timestamp,
    attachments: z.array(
      z.strictObject({
        fileName: z.string().min(1).max(200),
        mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
        size: z.number().int().min(0),
        sha256: z.string().length(64),
        content: z.base64(),
      }),
    ),
  }),
  /** The receiving unit read it (the read receipt) or acknowledged it; the exchange id is the message's. */
  read: z.strictObject({ at: Timestamp, byUnitId: z.uuid() }),
  acknowledged: z.strictObject({ at: Timestamp, byUnitId: z.uuid() }),
  /** A recipient asks the provider; the exchange id is the permission request's. */
  permissionAsked: z.strictObject({
    messageExchangeId: z.uuid(),
    purpose: z.enum(MESSAGE_PERMISSION_PURPOSES),
    reason: z.string().min(1).max(2000),
    askedByUnitId: z.uuid(),
    askedByUnitName: z.string().max(200).nullable(),
    at: Timestamp,
  }),
  permissionAnswered: z.strictObject({
    granted: z.boolean(),
    note: z.string().max(2000).nullable(),
    at: Timestamp,
  }),
} as const;

export type MessageEnvelopeName = keyof typeof MESSAGE_ENVELOPES;
export type MessageEnvelopePayload<N extends MessageEnvelopeName> = z.output<(typeof MESSAGE_ENVELOPES)[N]>;

/** The kinds on the wire: `message.sent`, `message.forwarded`, `message.permission_asked` ... */
export const MESSAGE_KINDS = {
  sent: 'message.sent',
  forwarded: 'message.forwarded',
  read: 'message.read',
  acknowledged: 'message.acknowledged',
  permissionAsked: 'message.permission_asked',
  permissionAnswered: 'message.permission_answered',
} as const;
