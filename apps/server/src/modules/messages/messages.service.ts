import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Queryable } from '@veza/db';
import { MAX_ATTACHMENT_BYTES } from '@veza/shared';
import type {
  Action,
  AttachmentMediaType,
  HandlingCode,
  JurisdictionCode,
  Locale,
  Message,
  MessageAddress,
  MessageCreateSchema,
  MessagePermission,
  MessagePermissionPurpose,
  MessageThread,
  MessageThreadPage,
  MessageThreadSummary,
} from '@veza/shared';
import { appendAudit, type AuditInput } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { sendEnvelope } from '../../platform/outbound/index.ts';
import { allowedActions, authorize, decide, listScope } from '../../platform/policy/index.ts';
import { authorizedCase, caseResource, findCase } from '../cases/index.ts';
import { cooperationUnitOf, unitName, unitOf } from '../organisation/index.ts';
import { listMyRequests } from '../requests/index.ts';
import { attachmentType } from './messages.attachments.ts';
import { MESSAGE_KINDS, type MessageEnvelopePayload } from './messages.envelopes.ts';
import type { MessageResource } from './messages.policy.ts';
import {
  attachmentFiles,
  attachmentsOf,
  findMessage,
  findPermission,
  findThread,
  insertAttachments,
  insertMessage,
  insertPermission,
  insertThread,
  messagesOfThread,
  messagesOfUnits,
  permissionsOf,
  threadsByIds,
  touchThread,
  updateMessage,
  updatePermission,
  type AttachmentInfo,
  type MessageRow,
  type PermissionRow,
  type ThreadRow,
} from './messages.repository.ts';
import { renderThreadPdf } from './messages.pdf.ts';

type MessageInput = z.output<typeof MessageCreateSchema>;

export function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

function invalid(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', { fieldProblems: [{ path, code, message }] });
}

const jurisdictionOf = (code: string) => code as JurisdictionCode;
const iso = (date: Date | null) => (date ? date.toISOString() : null);
const RANK: Readonly<Record<HandlingCode, number>> = { H0: 0, H1: 1, H2: 2, H3: 3 };

// --- Whom a message goes to ----------------------------------------------------------------------------

interface Party {
  jurisdiction: JurisdictionCode;
  unitId: string;
  unitName: string | null;
}

/** `{jurisdiction}` is that jurisdiction's single point of contact; `{unitId}` one unit anywhere. */
async function resolveAddress(q: Queryable, to: MessageAddress, path = 'to'): Promise<Party> {
  if (to.unitId) {
    const unit = await unitOf(q, to.unitId);
    if (!unit || unit.jurisdiction === null)
      throw new AppError('message_unknown_unit', {
        fieldProblems: [{ path: `${path}.unitId`, code: 'invalid_value', message: 'No unit with that id' }],
      });
    return { jurisdiction: unit.jurisdiction, unitId: unit.id, unitName: unit.name };
  }
  const jurisdiction = to.jurisdiction as JurisdictionCode;
  const spoc = await cooperationUnitOf(q, jurisdiction);
  if (!spoc)
    throw new AppError('message_no_point_of_contact', {
      details: { jurisdiction },
      fieldProblems: [
        { path: `${path}.jurisdiction`, code: 'invalid_value', message: 'No point of contact' },
      ],
    });
  return { jurisdiction, unitId: spoc.id, unitName: spoc.name };
}

// --- Access --------------------------------------------------------------------------------------------

/** What the policy decides a message on: the parties, the code, the case behind it, the grants. */
interface Facts {
  thread: ThreadRow;
  caseVisible: boolean | null;
  permissions: PermissionRow[];
}

async function caseVisibleTo(q: Queryable, actor: Actor, thread: ThreadRow): Promise<boolean | null> {
  if (thread.linkKind !== 'case' || !thread.linkId) return null;
  const loaded = await findCase(q, thread.linkId);
  return loaded ? decide(actor, 'case.view', caseResource(loaded)).allowed : false;
}

function granted(permissions: readonly PermissionRow[], row: MessageRow, purpose: MessagePermissionPurpose) {
  return permissions.some((p) => p.messageId === row.id && p.purpose === purpose && p.status === 'granted');
}

export function resourceOf(
  row: MessageRow,
  facts: Pick<Facts, 'caseVisible' | 'permissions'>,
  extra: Partial<MessageResource> = {},
): MessageResource {
  return {
    type: 'message',
    id: row.id,
    holderJurisdiction: jurisdictionOf(row.holderJurisdictionCode),
    fromJurisdiction: jurisdictionOf(row.fromJurisdictionCode),
    fromUnitId: row.fromUnitId,
    toJurisdiction: jurisdictionOf(row.toJurisdictionCode),
    toUnitId: row.toUnitId,
    providerUnitId: row.providerUnitId,
    handlingCode: row.handlingCode as HandlingCode,
    caseVisible: facts.caseVisible,
    forwardGranted: granted(facts.permissions, row, 'forward'),
    courtGranted: granted(facts.permissions, row, 'court'),
    ...extra,
  };
}

/** Loads a message the actor may read (else 404, the denial logged) with what decides it. */
async function loadMessage(q: Queryable, ctx: RequestContext, id: string) {
  const actor = signedIn(ctx);
  const row = await findMessage(q, id);
  if (!row) throw new AppError('not_found');
  const thread = await findThread(q, row.threadId);
  if (!thread) throw new AppError('not_found');
  const facts: Facts = {
    thread,
    caseVisible: await caseVisibleTo(q, actor, thread),
    permissions: await permissionsOf(q, [row.id]),
  };
  authorize(ctx, 'message.view', resourceOf(row, facts));
  return { actor, row, facts };
}

/** A side's own party of the message, if the actor's unit is one on this record. */
const isSenderSide = (actor: Actor, row: MessageRow) =>
  row.fromJurisdictionCode === row.holderJurisdictionCode && row.fromUnitId === actor.unitId;
const isRecipientSide = (actor: Actor, row: MessageRow) =>
  row.toJurisdictionCode === row.holderJurisdictionCode && row.toUnitId === actor.unitId;

/** Across a border, the other side is told; inside one jurisdiction both units share the record. */
const crossesBorder = (row: MessageRow) => row.fromJurisdictionCode !== row.toJurisdictionCode;

async function audit(q: Queryable, ctx: RequestContext, input: Omit<AuditInput, 'outcome'>): Promise<void> {
  await appendAudit(q, ctx, { ...input, outcome: 'allowed' });
}

const recipientsOf = (party: Party | { jurisdiction: string; unitId: string }) => [
  `unit:${party.unitId}`,
  `jurisdiction:${party.jurisdiction}`,
];

// --- Presenting ----------------------------------------------------------------------------------------

function presentPermission(actor: Actor, row: PermissionRow, message: MessageRow): MessagePermission {
  return {
    id: row.id,
    messageId: row.messageId,
    purpose: row.purpose as MessagePermissionPurpose,
    reason: row.reason,
    status: row.status as MessagePermission['status'],
    note: row.note,
    askedBy: { unitId: row.askedByUnitId, unitName: row.askedByUnitName },
    askedAt: row.askedAt.toISOString(),
    answeredAt: iso(row.answeredAt),
    allowed: allowedActions(actor, permissionResource(row, message)),
  };
}

function permissionResource(row: PermissionRow, message: MessageRow) {
  return {
    type: 'message_permission' as const,
    id: row.id,
    holderJurisdiction: jurisdictionOf(row.holderJurisdictionCode),
    side: row.side,
    providerUnitId: message.providerUnitId,
    status: row.status,
  };
}

function presentMessage(
  actor: Actor,
  row: MessageRow,
  facts: Pick<Facts, 'caseVisible' | 'permissions'>,
  attachments: readonly AttachmentInfo[],
  options: { showContent: boolean },
): Message {
  // H3: the provider's restrictions come first; the content only after the explicit read.
  const withheld = row.handlingCode === 'H3' && !isSenderSide(actor, row) && !options.showContent;
  return {
    id: row.id,
    threadId: row.threadId,
    subject: row.subject,
    from: partyOf(row, 'from'),
    to: partyOf(row, 'to'),
    provider: partyOf(row, 'provider'),
    forwarded: row.forwardOfExchangeId !== null,
    handlingCode: row.handlingCode as HandlingCode,
    evaluation: row.evaluation,
    restrictions: row.restrictions,
    contentWithheld: withheld,
    body: withheld ? null : row.body,
    attachments: attachments
      .filter((a) => a.messageId === row.id)
      .map((a) => ({
        id: a.id,
        fileName: a.fileName,
        mediaType: a.mediaType as AttachmentMediaType,
        size: a.size,
        sha256: a.sha256,
      })),
    sentAt: row.sentAt.toISOString(),
    readAt: iso(row.readAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    permissions: facts.permissions
      .filter((p) => p.messageId === row.id)
      .map((p) => presentPermission(actor, p, row)),
    allowed: allowedActions(actor, resourceOf(row, facts)),
  };
}

async function presentOne(q: Queryable, actor: Actor, row: MessageRow, showContent: boolean) {
  const thread = await findThread(q, row.threadId);
  const facts = {
    caseVisible: thread ? await caseVisibleTo(q, actor, thread) : null,
    permissions: await permissionsOf(q, [row.id]),
  };
  return presentMessage(actor, row, facts, await attachmentsOf(q, [row.id]), { showContent });
}

function linkOf(thread: ThreadRow, caseVisible: boolean | null) {
  if (!thread.linkKind) return null;
  return {
    kind: thread.linkKind as 'request' | 'case',
    reference: thread.linkReference,
    id: caseVisible === false ? null : thread.linkId,
  };
}

function summarise(
  actor: Actor,
  thread: ThreadRow,
  rows: readonly MessageRow[],
  caseVisible: boolean | null,
): MessageThreadSummary {
  const strictest = rows.reduce<HandlingCode>(
    (code, row) =>
      RANK[row.handlingCode as HandlingCode] > RANK[code] ? (row.handlingCode as HandlingCode) : code,
    'H0',
  );
  const latest = rows.reduce((a, b) => (b.sentAt.getTime() >= a.sentAt.getTime() ? b : a));
  return {
    id: thread.id,
    subject: thread.subject,
    link: linkOf(thread, caseVisible),
    handlingCode: strictest,
    evaluation: latest.evaluation,
    messages: rows.length,
    unread: rows.filter((row) => isRecipientSide(actor, row) && !isSenderSide(actor, row) && !row.readAt)
      .length,
    lastMessageAt: latest.sentAt.toISOString(),
  };
}

// --- Files ---------------------------------------------------------------------------------------------

interface File {
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
  content: Uint8Array;
}

/** Decodes and checks each file by its content; a refusal names the file and stores nothing. */
function readAttachments(inputs: MessageInput['attachments']): File[] {
  return inputs.map((input, i) => {
    const content = new Uint8Array(Buffer.from(input.content, 'base64'));
    const path = `attachments.${i}.content`;
    if (content.length > MAX_ATTACHMENT_BYTES)
      throw new AppError('attachment_too_large', {
        details: { fileName: input.fileName, maxBytes: MAX_ATTACHMENT_BYTES },
        fieldProblems: [{ path, code: 'too_big', message: 'At most 25 MB per file' }],
      });
    const mediaType = attachmentType(input.fileName, content);
    if (!mediaType)
      throw new AppError('attachment_type_not_allowed', {
        details: { fileName: input.fileName },
        fieldProblems: [
          { path, code: 'invalid_format', message: 'Not an allowed type, or not what its name says' },
        ],
      });
    return {
      fileName: input.fileName,
      mediaType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    };
  });
}

async function storeFiles(q: Queryable, messageId: string, files: readonly File[]): Promise<void> {
  await insertAttachments(
    q,
    files.map((file) => ({ id: uuidv7(), messageId, ...file })),
  );
}

// --- Telling the other side ----------------------------------------------------------------------------

async function deliver(
  q: Queryable,
  row: MessageRow,
  thread: ThreadRow,
  files: readonly File[],
  kind: string,
): Promise<void> {
  if (!crossesBorder(row)) return;
  const payload: MessageEnvelopePayload<'sent'> = {
    thread: {
      exchangeId: thread.exchangeId,
      subject: thread.subject,
      link:
        thread.linkKind && thread.linkReference
          ? { kind: thread.linkKind as 'request' | 'case', reference: thread.linkReference }
          : null,
    },
    from: partyOf(row, 'from'),
    to: partyOf(row, 'to'),
    provider: partyOf(row, 'provider'),
    forwardOfExchangeId: row.forwardOfExchangeId,
    subject: row.subject,
    body: row.body,
    handlingCode: row.handlingCode as HandlingCode,
    evaluation: row.evaluation,
    restrictions: row.restrictions,
    sentAt: row.sentAt.toISOString(),
    attachments: files.map((file) => ({
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      content: Buffer.from(file.content).toString('base64'),
    })),
  };
  await sendEnvelope(q, {
    kind,
    exchangeId: row.exchangeId,
    from: { jurisdiction: jurisdictionOf(row.fromJurisdictionCode), unitId: row.fromUnitId },
    to: { jurisdiction: jurisdictionOf(row.toJurisdictionCode), unitId: row.toUnitId },
    payload,
    sentAt: row.sentAt,
  });
}

/** A receipt (read, acknowledged) travels back to the sender's side. */
async function tellSender(
  q: Queryable,
  row: MessageRow,
  kind: string,
  payload: MessageEnvelopePayload<'read'>,
  at: Date,
): Promise<void> {
  if (!crossesBorder(row)) return;
  await sendEnvelope(q, {
    kind,
    exchangeId: row.exchangeId,
    from: { jurisdiction: jurisdictionOf(row.toJurisdictionCode), unitId: row.toUnitId },
    to: { jurisdiction: jurisdictionOf(row.fromJurisdictionCode), unitId: row.fromUnitId },
    payload,
    sentAt: at,
  });
}

// --- Sending -------------------------------------------------------------------------------------------

/** The request or case a new thread serves: the sender must see it; the other side gets its reference. */
async function linkFor(
  q: Queryable,
  ctx: RequestContext,
  link: MessageInput['link'],
): Promise<{ kind: 'request' | 'case'; id: string; reference: string } | null> {
  if (!link) return null;
  if (link.kind === 'case') {
    try {
      const loaded = await authorizedCase(q, ctx, link.id, 'case.view');
      return { kind: 'case', id: link.id, reference: loaded.row.reference };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found')
        throw invalid('link.id', 'invalid_value', 'No case of yours with that id');
      throw error;
    }
  }
  for (const box of ['outbox', 'inbox'] as const) {
    const page = await listMyRequests(q, ctx, { box });
    const found = page.items.find((item) => item.id === link.id);
    if (found) return { kind: 'request', id: link.id, reference: found.reference };
  }
  throw invalid('link.id', 'invalid_value', 'No request of yours with that id');
}

/** One party of a message as its row names it: the sender, the recipient or the provider. */
function partyOf(row: MessageRow, side: 'from' | 'to' | 'provider'): Party {
  return {
    jurisdiction: jurisdictionOf(row[`${side}JurisdictionCode`]),
    unitId: row[`${side}UnitId`],
    unitName: row[`${side}UnitName`],
  };
}

/** In a reply without `to`: the other party of the thread's latest message the actor's unit is in. */
function otherParty(actor: Actor, rows: readonly MessageRow[]): Party | null {
  const mine = [...rows].reverse().find((row) => isSenderSide(actor, row) || isRecipientSide(actor, row));
  if (!mine) return null;
  return isSenderSide(actor, mine) ? partyOf(mine, 'to') : partyOf(mine, 'from');
}

/** `POST /api/messages`: a new thread, or a reply in one of the sender's threads. */
export async function sendMessage(
  q: Queryable,
  ctx: RequestContext,
  input: MessageInput,
  now: Date = new Date(),
): Promise<Message> {
  const actor = signedIn(ctx);
  if (actor.jurisdiction === null) throw new AppError('forbidden');
  if (input.handlingCode === 'H3' && !input.restrictions)
    throw invalid('restrictions', 'required', 'H3: state the restrictions on use');
  let thread: ThreadRow | undefined;
  let to: Party;
  if (input.threadId) {
    thread = await findThread(q, input.threadId);
    const rows =
      thread && thread.holderJurisdictionCode === actor.jurisdiction
        ? await messagesOfThread(q, thread.id)
        : [];
    const party = thread ? otherParty(actor, rows) : null;
    if (!thread || !party || (await caseVisibleTo(q, actor, thread)) === false)
      throw invalid('threadId', 'invalid_value', 'No thread of yours with that id');
    if (input.link) throw invalid('link', 'invalid_value', 'A reply keeps the link of its thread');
    to = input.to ? await resolveAddress(q, input.to) : party;
  } else {
    if (!input.to) throw invalid('to', 'required', 'Say whom the message goes to');
    to = await resolveAddress(q, input.to);
  }
  if (to.unitId === actor.unitId) throw invalid('to', 'invalid_value', 'A message goes to another unit');
  const fromUnitName = (await unitName(q, actor.unitId)) ?? null;
  const draft: MessageRow = {
    id: uuidv7(),
    exchangeId: uuidv7(),
    threadId: thread?.id ?? uuidv7(),
    holderJurisdictionCode: actor.jurisdiction,
    fromJurisdictionCode: actor.jurisdiction,
    fromUnitId: actor.unitId,
    fromUnitName,
    toJurisdictionCode: to.jurisdiction,
    toUnitId: to.unitId,
    toUnitName: to.unitName,
    providerJurisdictionCode: actor.jurisdiction,
    providerUnitId: actor.unitId,
    providerUnitName: fromUnitName,
    forwardOfExchangeId: null,
    subject: input.subject,
    body: input.body,
    handlingCode: input.handlingCode,
    evaluation: input.evaluation,
    restrictions: input.restrictions || null,
    sentBy: actor.userId,
    sentAt: now,
    readAt: null,
    readBy: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
  };
  authorize(ctx, 'message.send', resourceOf(draft, { caseVisible: null, permissions: [] }));
  const link = thread ? null : await linkFor(q, ctx, input.link);
  const files = readAttachments(input.attachments);
  if (thread) await touchThread(q, thread.id, now);
  else
    thread = await insertThread(q, {
      id: draft.threadId,
      exchangeId: uuidv7(),
      holderJurisdictionCode: actor.jurisdiction,
      subject: input.subject,
      linkKind: link?.kind ?? null,
      linkId: link?.id ?? null,
      linkReference: link?.reference ?? null,
      createdAt: now,
      lastMessageAt: now,
    });
  const row = await insertMessage(q, draft);
  await storeFiles(q, row.id, files);
  await audit(q, ctx, {
    operation: 'disclosure',
    action: 'message.send',
    recordType: 'message',
    recordId: row.id,
    recipients: recipientsOf(to),
    details: {
      threadId: thread.id,
      handlingCode: row.handlingCode,
      evaluation: row.evaluation,
      attachments: files.map((file) => ({ fileName: file.fileName, sha256: file.sha256 })),
      ...(link && { link: { kind: link.kind, id: link.id } }),
    },
  });
  await deliver(q, row, thread, files, MESSAGE_KINDS.sent);
  return presentOne(q, actor, row, true);
}

/**
 * `POST /api/messages/:id/forward`: a copy of the message, its files and codes, to another unit, in a
 * thread of its own (the new recipient sees nothing else of the thread). H2: beyond the message's
 * own parties only with the provider's permission.
 */
export async function forwardMessage(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: { to: MessageAddress; note?: string | undefined },
  now: Date = new Date(),
): Promise<Message> {
  const { actor, row, facts } = await loadMessage(q, ctx, id);
  const to = await resolveAddress(q, input.to);
  if (to.unitId === actor.unitId)
    throw new AppError('forward_to_own_unit', {
      fieldProblems: [
        { path: 'to', code: 'invalid_value', message: 'Forward to another unit than your own' },
      ],
    });
  const resource = resourceOf(row, facts, {
    toOutsider: to.unitId !== row.fromUnitId && to.unitId !== row.toUnitId,
  });
  if (decide(actor, 'message.forward', resource).reason === 'handling_code')
    throw new AppError('handling_code_forbids_forwarding', {
      details: { handlingCode: row.handlingCode },
      message: 'H2: not to be passed on without the provider’s permission',
    });
  authorize(ctx, 'message.forward', resource);
  const holder = jurisdictionOf(row.holderJurisdictionCode);
  const fromUnitName = (await unitName(q, actor.unitId)) ?? null;
  const thread = await insertThread(q, {
    id: uuidv7(),
    exchangeId: uuidv7(),
    holderJurisdictionCode: holder,
    subject: row.subject,
    createdAt: now,
    lastMessageAt: now,
  });
  const copy = await insertMessage(q, {
    id: uuidv7(),
    exchangeId: uuidv7(),
    threadId: thread.id,
    holderJurisdictionCode: holder,
    fromJurisdictionCode: holder,
    fromUnitId: actor.unitId,
    fromUnitName,
    toJurisdictionCode: to.jurisdiction,
    toUnitId: to.unitId,
    toUnitName: to.unitName,
    providerJurisdictionCode: row.providerJurisdictionCode,
    providerUnitId: row.providerUnitId,
    providerUnitName: row.providerUnitName,
    forwardOfExchangeId: row.exchangeId,
    subject: row.subject,
    body: input.note ? `${input.note}\n\n---\n${row.body}` : row.body,
    handlingCode: row.handlingCode,
    evaluation: row.evaluation,
    restrictions: row.restrictions,
    sentBy: actor.userId,
    sentAt: now,
  });
  const files: File[] = (await attachmentFiles(q, row.id)).map((file) => ({
    fileName: file.fileName,
    mediaType: file.mediaType as AttachmentMediaType,
    size: file.size,
    sha256: file.sha256,
    content: file.content,
  }));
  await storeFiles(q, copy.id, files);
  await audit(q, ctx, {
    operation: 'disclosure',
    action: 'message.forward',
    recordType: 'message',
    recordId: row.id,
    recipients: recipientsOf(to),
    details: {
      copyId: copy.id,
      handlingCode: row.handlingCode,
      evaluation: row.evaluation,
      providerGranted: resource.forwardGranted,
      attachments: files.length,
    },
  });
  await deliver(q, copy, thread, files, MESSAGE_KINDS.forwarded);
  return presentOne(q, actor, copy, true);
}

// --- Reading -------------------------------------------------------------------------------------------

/**
 * `GET /api/messages/:id`: the receiving unit's first read sets the read receipt (and tells the
 * sender); every read is a disclosure in the trail. H3 answers the restrictions and holds the content
 * back until `show=content`, which is recorded as such.
 */
export async function readMessage(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  show: 'content' | undefined,
  now: Date = new Date(),
): Promise<Message> {
  const { actor, row: loaded, facts } = await loadMessage(q, ctx, id);
  let row = loaded;
  const receipt = isRecipientSide(actor, row) && !isSenderSide(actor, row) && !row.readAt;
  if (receipt) {
    row = await updateMessage(q, row.id, { readAt: now, readBy: actor.unitId });
    await tellSender(q, row, MESSAGE_KINDS.read, { at: now.toISOString(), byUnitId: actor.unitId }, now);
  }
  const message = presentMessage(actor, row, facts, await attachmentsOf(q, [row.id]), {
    showContent: show === 'content',
  });
  await audit(q, ctx, {
    operation: 'disclosure',
    action: 'message.view',
    recordType: 'message',
    recordId: row.id,
    recipients: [`user:${actor.userId}`, `unit:${actor.unitId}`],
    details: {
      handlingCode: row.handlingCode,
      evaluation: row.evaluation,
      contentShown: !message.contentWithheld,
      ...(row.handlingCode === 'H3' && show === 'content' && { restrictionsShownFirst: true }),
      ...(receipt && { readReceipt: true }),
    },
  });
  return message;
}

/** `POST /api/messages/:id/acknowledge`: the receiving unit confirms it has it (read as well). */
export async function acknowledgeMessage(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  now: Date = new Date(),
): Promise<Message> {
  const { actor, row: loaded, facts } = await loadMessage(q, ctx, id);
  authorize(ctx, 'message.acknowledge', resourceOf(loaded, facts));
  let row = loaded;
  if (!row.acknowledgedAt) {
    row = await updateMessage(q, row.id, {
      acknowledgedAt: now,
      acknowledgedBy: actor.unitId,
      ...(!row.readAt && { readAt: now, readBy: actor.unitId }),
    });
    await tellSender(
      q,
      row,
      MESSAGE_KINDS.acknowledged,
      { at: now.toISOString(), byUnitId: actor.unitId },
      now,
    );
    await audit(q, ctx, {
      operation: 'alteration',
      action: 'message.acknowledge',
      recordType: 'message',
      recordId: row.id,
      details: { handlingCode: row.handlingCode },
    });
  }
  return presentMessage(actor, row, facts, await attachmentsOf(q, [row.id]), { showContent: false });
}

/** The thread's messages the actor may read (404 when none), with what decides them. */
async function loadThread(q: Queryable, ctx: RequestContext, threadId: string) {
  const actor = signedIn(ctx);
  const thread = await findThread(q, threadId);
  if (!thread) throw new AppError('not_found');
  const rows = await messagesOfThread(q, thread.id);
  const caseVisible = await caseVisibleTo(q, actor, thread);
  const permissions = await permissionsOf(
    q,
    rows.map((row) => row.id),
  );
  const facts = { caseVisible, permissions };
  const visible = rows.filter((row) => decide(actor, 'message.view', resourceOf(row, facts)).allowed);
  const first = rows[0];
  if (visible.length === 0) {
    if (first) authorize(ctx, 'message.view', resourceOf(first, facts));
    throw new AppError('not_found');
  }
  return { actor, thread, visible, facts };
}

/** `GET /api/messages/threads/:threadId`: the messages of a thread the actor's unit is party to. */
export async function getThread(q: Queryable, ctx: RequestContext, threadId: string): Promise<MessageThread> {
  const { actor, thread, visible, facts } = await loadThread(q, ctx, threadId);
  const attachments = await attachmentsOf(
    q,
    visible.map((row) => row.id),
  );
  await audit(q, ctx, {
    operation: 'disclosure',
    action: 'message.view',
    recordType: 'message_thread',
    recordId: thread.id,
    recipients: [`user:${actor.userId}`, `unit:${actor.unitId}`],
    details: { messages: visible.map((row) => row.id) },
  });
  return {
    ...summarise(actor, thread, visible, facts.caseVisible),
    items: visible.map((row) => presentMessage(actor, row, facts, attachments, { showContent: false })),
  };
}

/** `GET /api/messages`: the threads of the actor's unit, newest first, with what is unread. */
export async function listThreads(q: Queryable, ctx: RequestContext): Promise<MessageThreadPage> {
  const actor = signedIn(ctx);
  const scope = listScope(actor, 'message.view', 'message');
  if (scope.kind !== 'units' || actor.jurisdiction === null) return { items: [], total: 0 };
  const rows = await messagesOfUnits(q, actor.jurisdiction, scope.unitIds, 2000);
  const threads = await threadsByIds(q, [...new Set(rows.map((row) => row.threadId))]);
  const items: MessageThreadSummary[] = [];
  for (const thread of threads) {
    const caseVisible = await caseVisibleTo(q, actor, thread);
    if (caseVisible === false) continue;
    items.push(
      summarise(
        actor,
        thread,
        rows.filter((row) => row.threadId === thread.id),
        caseVisible,
      ),
    );
  }
  items.sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
  return { items, total: items.length };
}

/** `GET /api/messages/:id/attachments/:aid`: one file, with the message's codes; a disclosure. */
export async function getAttachment(q: Queryable, ctx: RequestContext, id: string, aid: string) {
  const { actor, row } = await loadMessage(q, ctx, id);
  const file = (await attachmentFiles(q, row.id)).find((f) => f.id === aid);
  if (!file) throw new AppError('not_found');
  await audit(q, ctx, {
    operation: 'disclosure',
    action: 'message.view',
    recordType: 'message_attachment',
    recordId: file.id,
    recipients: [`user:${actor.userId}`, `unit:${actor.unitId}`],
    details: {
      messageId: row.id,
      handlingCode: row.handlingCode,
      evaluation: row.evaluation,
      sha256: file.sha256,
    },
  });
  return {
    fileName: file.fileName,
    mediaType: file.mediaType,
    content: Buffer.from(file.content),
    handlingCode: row.handlingCode,
    evaluation: row.evaluation,
  };
}

// --- The provider's permission -------------------------------------------------------------------------

const PURPOSE_CODE: Readonly<Record<MessagePermissionPurpose, HandlingCode>> = { forward: 'H2', court: 'H1' };

/** `POST /api/messages/:id/permission-requests`: the recipient asks the provider, from the message. */
export async function askPermission(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: { purpose: MessagePermissionPurpose; reason: string },
  now: Date = new Date(),
): Promise<MessagePermission> {
  const { actor, row, facts } = await loadMessage(q, ctx, id);
  authorize(ctx, 'message.permission.ask', resourceOf(row, facts));
  // A forwarded copy's provider is not its sender: v1 asks only the sender who is the provider.
  if (row.handlingCode !== PURPOSE_CODE[input.purpose] || row.providerUnitId !== row.fromUnitId)
    throw new AppError('message_permission_not_needed', {
      details: { handlingCode: row.handlingCode, purpose: input.purpose },
    });
  const local = row.fromJurisdictionCode === row.holderJurisdictionCode;
  const permission = await insertPermission(q, {
    id: uuidv7(),
    exchangeId: uuidv7(),
    holderJurisdictionCode: row.holderJurisdictionCode,
    side: local ? 'local' : 'asking',
    messageId: row.id,
    purpose: input.purpose,
    reason: input.reason,
    status: 'pending',
    askedByUnitId: actor.unitId,
    askedByUnitName: (await unitName(q, actor.unitId)) ?? null,
    askedBy: actor.userId,
    askedAt: now,
  });
  await audit(q, ctx, {
    operation: 'collection',
    action: 'message.permission.ask',
    recordType: 'message_permission',
    recordId: permission.id,
    details: { messageId: row.id, purpose: input.purpose, handlingCode: row.handlingCode },
  });
  if (!local)
    await sendEnvelope(q, {
      kind: MESSAGE_KINDS.permissionAsked,
      exchangeId: permission.exchangeId,
      from: { jurisdiction: jurisdictionOf(row.holderJurisdictionCode), unitId: actor.unitId },
      to: { jurisdiction: jurisdictionOf(row.fromJurisdictionCode), unitId: row.fromUnitId },
      payload: {
        messageExchangeId: row.exchangeId,
        purpose: input.purpose,
        reason: input.reason,
        askedByUnitId: actor.unitId,
        askedByUnitName: permission.askedByUnitName,
        at: now.toISOString(),
      } satisfies MessageEnvelopePayload<'permissionAsked'>,
      sentAt: now,
    });
  return presentPermission(actor, permission, row);
}

/** `POST /api/messages/permission-requests/:id/answer`: the provider grants or refuses, once. */
export async function answerPermission(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: { granted: boolean; note?: string | undefined },
  now: Date = new Date(),
): Promise<MessagePermission> {
  const actor = signedIn(ctx);
  const permission = await findPermission(q, id);
  const message = permission ? await findMessage(q, permission.messageId) : undefined;
  if (!permission || !message) throw new AppError('not_found');
  const resource = permissionResource(permission, message);
  if (decide(actor, 'message.permission.answer', resource).reason === 'status')
    throw new AppError('message_permission_already_answered', { details: { status: permission.status } });
  authorize(ctx, 'message.permission.answer', resource);
  const answered = await updatePermission(q, permission.id, {
    status: input.granted ? 'granted' : 'refused',
    note: input.note || null,
    answeredBy: actor.userId,
    answeredAt: now,
  });
  await audit(q, ctx, {
    operation: 'alteration',
    action: 'message.permission.answer',
    recordType: 'message_permission',
    recordId: permission.id,
    details: { messageId: message.id, purpose: permission.purpose, granted: input.granted },
  });
  if (permission.side === 'providing')
    await sendEnvelope(q, {
      kind: MESSAGE_KINDS.permissionAnswered,
      exchangeId: permission.exchangeId,
      from: { jurisdiction: jurisdictionOf(permission.holderJurisdictionCode), unitId: actor.unitId },
      to: { jurisdiction: jurisdictionOf(message.toJurisdictionCode), unitId: permission.askedByUnitId },
      payload: {
        granted: input.granted,
        note: input.note || null,
        at: now.toISOString(),
      } satisfies MessageEnvelopePayload<'permissionAnswered'>,
      sentAt: now,
    });
  return presentPermission(actor, answered, message);
}

// --- Export --------------------------------------------------------------------------------------------

/**
 * `GET /api/messages/threads/:threadId/export.pdf`: the thread as the actor sees it, each message
 * with its handling code and evaluation, the strictest code in every page's header. For court, every
 * H1 message needs the provider's permission (else 409, nothing printed). A disclosure.
 */
export async function exportThread(
  q: Queryable,
  ctx: RequestContext,
  threadId: string,
  options: { purpose: 'court' | 'internal'; lang?: Locale | undefined },
  now: Date = new Date(),
): Promise<{ filename: string; pdf: Buffer }> {
  const { actor, thread, visible, facts } = await loadThread(q, ctx, threadId);
  const action: Action = options.purpose === 'court' ? 'message.use_in_court' : 'message.view';
  if (options.purpose === 'court') {
    const refused = visible.filter(
      (row) => decide(actor, 'message.use_in_court', resourceOf(row, facts)).reason === 'handling_code',
    );
    if (refused.length > 0)
      throw new AppError('handling_code_requires_permission', {
        details: { messages: refused.map((row) => row.id) },
        message: 'H1: not to be used in court without the provider’s permission',
      });
    for (const row of visible) authorize(ctx, 'message.use_in_court', resourceOf(row, facts));
  }
  const attachments = await attachmentsOf(
    q,
    visible.map((row) => row.id),
  );
  const summary = summarise(actor, thread, visible, facts.caseVisible);
  const pdf = await renderThreadPdf({
    language: options.lang ?? actor.language,
    purpose: options.purpose,
    thread: summary,
    messages: visible.map((row) => presentMessage(actor, row, facts, attachments, { showContent: true })),
    printedBy: actor.displayName,
    printedAt: now,
  });
  await audit(q, ctx, {
    operation: 'disclosure',
    action,
    recordType: 'message_thread',
    recordId: thread.id,
    recipients: [`user:${actor.userId}`, ...(options.purpose === 'court' ? ['court'] : [])],
    details: {
      purpose: options.purpose,
      messages: visible.map((row) => ({
        id: row.id,
        handlingCode: row.handlingCode,
        evaluation: row.evaluation,
      })),
    },
  });
  return { filename: `thread-${thread.id.slice(-8)}-${options.purpose}.pdf`, pdf };
}
