import { z } from 'zod';
import { HandlingCodeSchema } from './cases.ts';
import { Allowed, JurisdictionCodeSchema, Line, LocaleSchema, Timestamp, Uuid } from './common.ts';
import { EvaluationCode } from './requests.ts';

/**
 * Handling-coded messages between units, across jurisdictions (issue 12, "Exchange"). Every message
 * and file carries its handling code (H0-H3) and 4x4 evaluation; H2 forbids passing it on and H1 its
 * use in court without the provider's permission; H3 states the provider's restrictions, shown
 * before the content.
 */

/** What a thread is about. A joint investigation team ('jit') joins here once JITs exist. */
export const MESSAGE_LINK_KINDS = ['request', 'case'] as const;
export type MessageLinkKind = (typeof MESSAGE_LINK_KINDS)[number];

/** What a recipient asks the provider to allow: passing the message on, or using it in court. */
export const MESSAGE_PERMISSION_PURPOSES = ['forward', 'court'] as const;
export type MessagePermissionPurpose = (typeof MESSAGE_PERMISSION_PURPOSES)[number];
export const MESSAGE_PERMISSION_STATUSES = ['pending', 'granted', 'refused'] as const;
export type MessagePermissionStatus = (typeof MESSAGE_PERMISSION_STATUSES)[number];

/** Each attachment at most 25 MiB, at most four per message; the type is read from the content. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 4;
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
  'text/csv',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Whom a message goes to: a jurisdiction (its single point of contact, the unit of kind
 * international_cooperation) or one unit, of this jurisdiction or another.
 */
export const MessageAddressSchema = z
  .strictObject({ jurisdiction: JurisdictionCodeSchema.optional(), unitId: Uuid.optional() })
  .refine((to) => (to.jurisdiction === undefined) !== (to.unitId === undefined), {
    message: 'Give either a jurisdiction or a unit',
  });
export type MessageAddress = z.infer<typeof MessageAddressSchema>;

export const MessageAttachmentInputSchema = z.strictObject({
  fileName: Line(200),
  /** The file, base64-encoded. Its type is read from its bytes, never from the name. */
  content: z.base64(),
});

export const MessageCreateSchema = z.strictObject({
  /** Required for a new thread; in a reply it defaults to the other party of the thread. */
  to: MessageAddressSchema.optional(),
  /** Replying in a thread of the sender's. */
  threadId: Uuid.optional(),
  subject: Line(300),
  body: Text(20_000),
  handlingCode: HandlingCodeSchema,
  evaluation: EvaluationCode,
  /** The provider's restrictions on use: required for H3, shown before the content. */
  restrictions: z.string().trim().max(2000).optional(),
  /** A new thread only: the request or case it serves (the other side sees only its reference). */
  link: z.strictObject({ kind: z.enum(MESSAGE_LINK_KINDS), id: Uuid }).optional(),
  attachments: z.array(MessageAttachmentInputSchema).max(MAX_ATTACHMENTS).default([]),
});
export type MessageCreate = z.input<typeof MessageCreateSchema>;

export const MessageForwardSchema = z.strictObject({
  to: MessageAddressSchema,
  /** A line for the new recipient, sent with the forwarded message. */
  note: z.string().trim().max(2000).optional(),
});

export const MessageReadQuery = z.strictObject({
  /** H3: `show=content` is the explicit read of the content after the restrictions (audited). */
  show: z.enum(['content']).optional(),
});

export const MessagePermissionAskSchema = z.strictObject({
  purpose: z.enum(MESSAGE_PERMISSION_PURPOSES),
  reason: Text(2000),
});
export const MessagePermissionAnswerSchema = z.strictObject({
  granted: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});

export const ThreadParams = z.strictObject({ threadId: Uuid });
export const AttachmentParams = z.strictObject({ id: Uuid, aid: Uuid });
export const ThreadExportQuery = z.strictObject({
  purpose: z.enum(['court', 'internal']),
  lang: LocaleSchema.optional(),
});

const Party = z.object({
  jurisdiction: JurisdictionCodeSchema,
  unitId: Uuid,
  unitName: z.string().nullable(),
});

export const MessageAttachmentSchema = z.object({
  id: Uuid,
  fileName: z.string(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  size: z.number().int(),
  sha256: z.string(),
});

export const MessagePermissionSchema = z.object({
  id: Uuid,
  messageId: Uuid,
  purpose: z.enum(MESSAGE_PERMISSION_PURPOSES),
  reason: z.string(),
  status: z.enum(MESSAGE_PERMISSION_STATUSES),
  note: z.string().nullable(),
  askedBy: z.object({ unitId: Uuid, unitName: z.string().nullable() }),
  askedAt: Timestamp,
  answeredAt: Timestamp.nullable(),
  allowed: Allowed,
});
export type MessagePermission = z.infer<typeof MessagePermissionSchema>;

export const MessageSchema = z.object({
  id: Uuid,
  threadId: Uuid,
  subject: z.string(),
  from: Party,
  to: Party,
  /** Whose information it is: the sender, or for a forwarded copy the original provider. */
  provider: Party,
  forwarded: z.boolean(),
  handlingCode: HandlingCodeSchema,
  evaluation: z.string(),
  restrictions: z.string().nullable(),
  /** H3 before the explicit "show content" read: the restrictions come first, the body is held back. */
  contentWithheld: z.boolean(),
  body: z.string().nullable(),
  attachments: z.array(MessageAttachmentSchema),
  sentAt: Timestamp,
  /** The read receipt and the explicit acknowledgement of the receiving unit. */
  readAt: Timestamp.nullable(),
  acknowledgedAt: Timestamp.nullable(),
  permissions: z.array(MessagePermissionSchema),
  allowed: Allowed,
});
export type Message = z.infer<typeof MessageSchema>;

const LinkSchema = z.object({
  kind: z.enum(MESSAGE_LINK_KINDS),
  /** The record's reference; its id only on the side that holds it (and may see it). */
  reference: z.string().nullable(),
  id: Uuid.nullable(),
});

export const MessageThreadSummarySchema = z.object({
  id: Uuid,
  subject: z.string(),
  link: LinkSchema.nullable(),
  /** The strictest handling code of the thread's messages the reader sees, and the latest's evaluation. */
  handlingCode: HandlingCodeSchema,
  evaluation: z.string(),
  messages: z.number().int(),
  unread: z.number().int(),
  lastMessageAt: Timestamp,
});
export type MessageThreadSummary = z.infer<typeof MessageThreadSummarySchema>;

export const MessageThreadPageSchema = z.object({
  items: z.array(MessageThreadSummarySchema),
  total: z.number().int(),
});
export type MessageThreadPage = z.infer<typeof MessageThreadPageSchema>;

export const MessageThreadSchema = MessageThreadSummarySchema.extend({ items: z.array(MessageSchema) });
export type MessageThread = z.infer<typeof MessageThreadSchema>;
