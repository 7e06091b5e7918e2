import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import type { Action, JurisdictionCode } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import {
  EnvelopeRefusedError,
  inbound,
  inboundContext,
  type Envelope,
  type InboundHandler,
} from '../../platform/outbound/index.ts';
import { attachmentType } from './messages.attachments.ts';
import { MESSAGE_ENVELOPES, MESSAGE_KINDS, type MessageEnvelopePayload } from './messages.envelopes.ts';
import {
  findMessageByExchange,
  findPermissionByExchange,
  findThreadByExchange,
  insertAttachments,
  insertMessage,
  insertPermission,
  insertThread,
  touchThread,
  updateMessage,
  updatePermission,
} from './messages.repository.ts';

/*
 * What arrives from another jurisdiction. Each handler writes this side's own rows only; the envelope
 * is all it knows of the other side (platform/outbound).
 */

async function record(
  q: Queryable,
  envelope: Envelope,
  entry: { operation: 'collection' | 'alteration'; action: Action; recordType: string; recordId: string },
): Promise<void> {
  await appendAudit(q, inboundContext(), {
    ...entry,
    outcome: 'allowed',
    jurisdiction: envelope.to.jurisdiction,
    details: { envelope: envelope.kind, from: envelope.from.jurisdiction, exchangeId: envelope.exchangeId },
  });
}

/** A message or a forwarded copy arrives: this side's thread (found by its exchange, or made), row and files. */
function arrival(action: Action): InboundHandler<MessageEnvelopePayload<'sent'>> {
  return inbound(MESSAGE_ENVELOPES.sent, async (q, envelope) => {
    const holder: JurisdictionCode = envelope.to.jurisdiction;
    const p = envelope.payload;
    if (await findMessageByExchange(q, envelope.exchangeId, holder))
      throw new EnvelopeRefusedError('Message already received');
    const sentAt = new Date(p.sentAt);
    // The receiving side trusts nothing of the sender's: each file is checked again.
    const files = p.attachments.map((file) => {
      const content = new Uint8Array(Buffer.from(file.content, 'base64'));
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (sha256 !== file.sha256 || attachmentType(file.fileName, content) !== file.mediaType)
        throw new EnvelopeRefusedError('An attachment does not match its description');
      return { fileName: file.fileName, mediaType: file.mediaType, size: content.length, sha256, content };
    });
    let thread = await findThreadByExchange(q, p.thread.exchangeId, holder);
    if (thread) await touchThread(q, thread.id, sentAt);
    else
      thread = await insertThread(q, {
        id: uuidv7(),
        exchangeId: p.thread.exchangeId,
        holderJurisdictionCode: holder,
        subject: p.thread.subject,
        linkKind: p.thread.link?.kind ?? null,
        linkId: null,
        linkReference: p.thread.link?.reference ?? null,
        createdAt: sentAt,
        lastMessageAt: sentAt,
      });
    const row = await insertMessage(q, {
      id: uuidv7(),
      exchangeId: envelope.exchangeId,
      threadId: thread.id,
      holderJurisdictionCode: holder,
      fromJurisdictionCode: p.from.jurisdiction,
      fromUnitId: p.from.unitId,
      fromUnitName: p.from.unitName,
      toJurisdictionCode: p.to.jurisdiction,
      toUnitId: p.to.unitId,
      toUnitName: p.to.unitName,
      providerJurisdictionCode: p.provider.jurisdiction,
      providerUnitId: p.provider.unitId,
      providerUnitName: p.provider.unitName,
      forwardOfExchangeId: p.forwardOfExchangeId,
      subject: p.subject,
      body: p.body,
      handlingCode: p.handlingCode,
      evaluation: p.evaluation,
      restrictions: p.restrictions,
      sentBy: null,
      sentAt,
    });
    await insertAttachments(
      q,
      files.map((file) => ({ id: uuidv7(), messageId: row.id, ...file })),
    );
    await record(q, envelope, { operation: 'collection', action, recordType: 'message', recordId: row.id });
  });
}

/** The receiving side's read receipt or acknowledgement, on the sender's record. */
function receipt(kind: 'read' | 'acknowledged'): InboundHandler<MessageEnvelopePayload<'read'>> {
  return inbound(MESSAGE_ENVELOPES[kind], async (q, envelope) => {
    const row = await findMessageByExchange(q, envelope.exchangeId, envelope.to.jurisdiction);
    if (!row) throw new EnvelopeRefusedError(`No message for envelope ${envelope.kind}`);
    const at = new Date(envelope.payload.at);
    const by = envelope.payload.byUnitId;
    await updateMessage(
      q,
      row.id,
      kind === 'read'
        ? { readAt: row.readAt ?? at, readBy: row.readBy ?? by }
        : { acknowledgedAt: at, acknowledgedBy: by, readAt: row.readAt ?? at, readBy: row.readBy ?? by },
    );
    await record(q, envelope, {
      operation: 'alteration',
      action: kind === 'read' ? 'message.view' : 'message.acknowledge',
      recordType: 'message',
      recordId: row.id,
    });
  });
}

/** A recipient abroad asks this side's provider: the providing side's record of the request. */
const permissionAsked = inbound(MESSAGE_ENVELOPES.permissionAsked, async (q, envelope) => {
  const p = envelope.payload;
  const message = await findMessageByExchange(q, p.messageExchangeId, envelope.to.jurisdiction);
  if (!message) throw new EnvelopeRefusedError('No message for the permission request');
  const row = await insertPermission(q, {
    id: uuidv7(),
    exchangeId: envelope.exchangeId,
    holderJurisdictionCode: envelope.to.jurisdiction,
    side: 'providing',
    messageId: message.id,
    purpose: p.purpose,
    reason: p.reason,
    status: 'pending',
    askedByUnitId: p.askedByUnitId,
    askedByUnitName: p.askedByUnitName,
    askedBy: null,
    askedAt: new Date(p.at),
  });
  await record(q, envelope, {
    operation: 'collection',
    action: 'message.permission.ask',
    recordType: 'message_permission',
    recordId: row.id,
  });
});

/** The provider abroad answered: the asking side's record learns it (and may now forward, or print). */
const permissionAnswered = inbound(MESSAGE_ENVELOPES.permissionAnswered, async (q, envelope) => {
  const row = await findPermissionByExchange(q, envelope.exchangeId, envelope.to.jurisdiction);
  if (!row || row.side !== 'asking') throw new EnvelopeRefusedError('No permission request for the answer');
  await updatePermission(q, row.id, {
    status: envelope.payload.granted ? 'granted' : 'refused',
    note: envelope.payload.note,
    answeredAt: new Date(envelope.payload.at),
  });
  await record(q, envelope, {
    operation: 'alteration',
    action: 'message.permission.answer',
    recordType: 'message_permission',
    recordId: row.id,
  });
});

/** The module's inbound handlers by envelope kind (messages.module.ts). */
export const messagesInbound: Readonly<Record<string, InboundHandler>> = {
  [MESSAGE_KINDS.sent]: arrival('message.send'),
  [MESSAGE_KINDS.forwarded]: arrival('message.forward'),
  [MESSAGE_KINDS.read]: receipt('read'),
  [MESSAGE_KINDS.acknowledged]: receipt('acknowledged'),
  [MESSAGE_KINDS.permissionAsked]: permissionAsked,
  [MESSAGE_KINDS.permissionAnswered]: permissionAnswered,
};
