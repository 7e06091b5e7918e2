import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Queryable } from '@veza/db';
import type {
  Action,
  JurisdictionCode,
  NotificationKind,
  RequestEventType,
  RequestStatus,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  EnvelopeRefusedError,
  inbound,
  inboundContext,
  type Envelope,
  type InboundHandler,
} from '../../platform/outbound/index.ts';
import { notify } from '../notifications/index.ts';
import { cooperationUnitOf, unitOf } from '../organisation/index.ts';
import { nextNoticeAt } from './requests.clock.ts';
import { answerDue } from './requests.deadline.ts';
import { kindOf, REQUEST_ENVELOPES } from './requests.envelopes.ts';
import {
  appendEvent,
  findSide,
  insertRequest,
  updateRequest,
  type NewRequestRow,
  type RequestRow,
} from './requests.repository.ts';
import { tellOtherSide } from './requests.service.ts';

/*
 * What arrives from the other jurisdiction. Each handler writes this side's own record only; the
 * envelope is all it knows of the other side. In one installation it runs in the sender's
 * transaction (platform/outbound), in a later release on the receiving national installation.
 */

async function tellHolder(
  q: Queryable,
  row: RequestRow,
  kind: NotificationKind,
  payload: Record<string, string>,
): Promise<void> {
  await notify(q, {
    to: { unitId: row.holderUnitId },
    kind,
    payload: { request: row.reference, ...payload },
    link: `/requests/${row.id}`,
  });
}

async function record(
  q: Queryable,
  row: RequestRow,
  envelope: Envelope,
  event: { type: RequestEventType; note?: string | null; at: Date },
): Promise<void> {
  await appendEvent(q, {
    id: uuidv7(),
    requestId: row.id,
    type: event.type,
    note: event.note ?? null,
    actorId: null,
    at: event.at,
  });
  await appendAudit(q, inboundContext(), {
    operation: event.type === 'received' ? 'collection' : 'alteration',
    action: ACTION_OF_KIND[envelope.kind] ?? 'request.view',
    recordType: 'information_request',
    recordId: row.id,
    outcome: 'allowed',
    jurisdiction: row.holderJurisdictionCode as JurisdictionCode,
    details: { reference: row.reference, envelope: envelope.kind, from: envelope.from.jurisdiction },
  });
}

/** The step of the other side each envelope records, as its audit entry names it. */
const ACTION_OF_KIND: Readonly<Record<string, Action>> = {
  [kindOf('sent')]: 'request.send',
  [kindOf('received')]: 'request.send',
  [kindOf('progress')]: 'request.start',
  [kindOf('delay')]: 'request.delay',
  [kindOf('answer')]: 'request.answer',
  [kindOf('refusal')]: 'request.refuse',
  [kindOf('withdrawal')]: 'request.withdraw',
};

/** The record of this side an envelope is about; an envelope about nothing here is refused. */
async function counterpart(q: Queryable, envelope: Envelope, side: 'requesting' | 'requested') {
  const row = await findSide(q, envelope.exchangeId, side);
  if (!row || row.holderJurisdictionCode !== envelope.to.jurisdiction)
    throw new EnvelopeRefusedError(`No ${side} record of exchange for envelope ${envelope.kind}`);
  return row;
}

/**
 * Which unit receives a request: the point of contact it names, if that is one of ours, else the
 * jurisdiction's single point of contact. A request naming any other unit still lands with the SPOC,
 * whose cooperation officers are the ones who answer.
 */
async function receivingUnit(q: Queryable, envelope: Envelope) {
  if (envelope.to.unitId) {
    const unit = await unitOf(q, envelope.to.unitId);
    if (unit && unit.jurisdiction === envelope.to.jurisdiction && unit.kind === 'international_cooperation')
      return unit;
  }
  const spoc = await cooperationUnitOf(q, envelope.to.jurisdiction);
  if (!spoc)
    throw new AppError('request_no_point_of_contact', {
      details: { jurisdiction: envelope.to.jurisdiction },
    });
  return spoc;
}

/**
 * A request arrives at the requested contact point: its record is made, received at once (delivery
 * is receipt), the clock set in the receiving jurisdiction's time, and the receipt sent back.
 */
const sent = inbound(REQUEST_ENVELOPES.sent, async (q, envelope) => {
  const { content } = envelope.payload;
  const unit = await receivingUnit(q, envelope);
  const receivedAt = envelope.sentAt;
  const { dueAt, period } = answerDue(content.urgency, receivedAt, envelope.to.jurisdiction);
  const values: NewRequestRow = {
    id: uuidv7(),
    exchangeId: envelope.exchangeId,
    side: 'requested',
    reference: envelope.payload.reference,
    status: 'received',
    fromJurisdictionCode: envelope.from.jurisdiction,
    fromUnitId: envelope.from.unitId ?? envelope.exchangeId,
    fromUnitName: envelope.payload.fromUnitName,
    toJurisdictionCode: envelope.to.jurisdiction,
    toUnitId: unit.id,
    toUnitName: unit.name,
    holderJurisdictionCode: envelope.to.jurisdiction,
    holderUnitId: unit.id,
    urgency: content.urgency,
    period,
    sought: content.sought,
    purpose: content.purpose,
    facts: content.facts,
    offence: content.offence,
    whyHeld: content.whyHeld,
    personLink: content.personLink,
    urgencyReasons: content.urgencyReasons ?? null,
    restrictions: content.restrictions ?? null,
    handlingCode: content.handlingCode,
    evaluation: content.evaluation,
    language: content.language,
    channel: content.channel,
    channelReference: content.channelReference ?? null,
    caseId: null,
    sentAt: envelope.sentAt,
    receivedAt,
    dueAt,
    nextNoticeAt: nextNoticeAt(receivedAt, dueAt, []),
    createdBy: null,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  };
  const row = await insertRequest(q, values);
  await record(q, row, envelope, { type: 'received', at: receivedAt });
  await tellHolder(q, row, 'request_received', {
    from: envelope.from.jurisdiction,
    dueAt: dueAt.toISOString(),
  });
  await tellOtherSide(
    q,
    row,
    'received',
    {
      receivedAt: receivedAt.toISOString(),
      dueAt: dueAt.toISOString(),
      period,
      toUnitId: unit.id,
      toUnitName: unit.name,
      toJurisdiction: envelope.to.jurisdiction,
    },
    receivedAt,
  );
});

/** The requesting side learns that its request was received, by whom and when it is due. */
const received = inbound(REQUEST_ENVELOPES.received, async (q, envelope) => {
  const row = await counterpart(q, envelope, 'requesting');
  const at = new Date(envelope.payload.receivedAt);
  const updated = await updateRequest(q, row.id, {
    status: row.status === 'sent' ? 'received' : row.status,
    receivedAt: at,
    dueAt: new Date(envelope.payload.dueAt),
    period: envelope.payload.period,
    toUnitId: envelope.payload.toUnitId,
    toUnitName: envelope.payload.toUnitName,
    updatedAt: at,
  });
  await record(q, updated, envelope, { type: 'received', at });
});

/** A change of status made by the other side, applied to this side's record. */
function statusChange<P extends { at: string }>(
  schema: z.ZodType<P>,
  side: 'requesting' | 'requested',
  apply: (
    row: RequestRow,
    payload: P,
  ) => { changes: Partial<NewRequestRow>; type: RequestEventType; note?: string; status?: RequestStatus },
): InboundHandler<P> {
  return inbound(schema, async (q, envelope) => {
    const row = await counterpart(q, envelope, side);
    const at = new Date(envelope.payload.at);
    const { changes, type, note, status } = apply(row, envelope.payload);
    const updated = await updateRequest(q, row.id, { ...changes, ...(status && { status }), updatedAt: at });
    await record(q, updated, envelope, { type, note: note ?? null, at });
    await tellHolder(q, updated, 'request_update', { change: type });
  });
}

const progress = statusChange(REQUEST_ENVELOPES.progress, 'requesting', () => ({
  changes: {},
  type: 'in_progress',
  status: 'in_progress',
}));

const delay = statusChange(REQUEST_ENVELOPES.delay, 'requesting', (_row, payload) => ({
  changes: {
    delayReason: payload.reason,
    delayExpectedAt: new Date(payload.expectedAt),
    delayAt: new Date(payload.at),
  },
  type: 'delay_notice',
  note: payload.reason,
}));

const answer = statusChange(REQUEST_ENVELOPES.answer, 'requesting', (row, payload) => ({
  changes: {
    answerCompleteness: payload.completeness,
    answerText: payload.text,
    answerLanguage: payload.language,
    answeredAt: new Date(payload.at),
    firstAnsweredAt: row.firstAnsweredAt ?? new Date(payload.at),
    answers: [
      ...row.answers,
      { completeness: payload.completeness, text: payload.text, language: payload.language, at: payload.at },
    ],
  },
  type: payload.completeness === 'fully' ? 'answered_fully' : 'answered_partly',
  status: payload.completeness === 'fully' ? 'answered_fully' : 'answered_partly',
}));

const refusal = statusChange(REQUEST_ENVELOPES.refusal, 'requesting', (_row, payload) => ({
  changes: {
    refusalGround: payload.ground,
    refusalExplanation: payload.explanation,
    refusedAt: new Date(payload.at),
  },
  type: 'refused',
  note: payload.ground,
  status: 'refused',
}));

const withdrawal = statusChange(REQUEST_ENVELOPES.withdrawal, 'requested', (_row, payload) => ({
  changes: { withdrawalReason: payload.reason, withdrawnAt: new Date(payload.at), nextNoticeAt: null },
  type: 'withdrawn',
  note: payload.reason,
  status: 'withdrawn',
}));

/** The module's inbound handlers by envelope kind (requests.module.ts). */
export const requestsInbound: Readonly<Record<string, InboundHandler>> = {
  [kindOf('sent')]: sent,
  [kindOf('received')]: received,
  [kindOf('progress')]: progress,
  [kindOf('delay')]: delay,
  [kindOf('answer')]: answer,
  [kindOf('refusal')]: refusal,
  [kindOf('withdrawal')]: withdrawal,
};
