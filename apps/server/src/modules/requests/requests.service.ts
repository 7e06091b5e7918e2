import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import type {
  Action,
  Deadline,
  DeadlineQuery,
  InformationRequest,
  JurisdictionCode,
  RequestAnswer,
  RequestContactPoints,
  RequestCreateSchema,
  RequestDelay,
  RequestEventType,
  RequestListFilter,
  RequestPage,
  RequestRefusal,
  RequestStatistics,
  RequestStatisticsFilter,
  RequestStatus,
} from '@veza/shared';
import { SUPPRESSION_THRESHOLD } from '@veza/shared';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { sendEnvelope } from '../../platform/outbound/index.ts';
import { authorize, decide, listScope } from '../../platform/policy/index.ts';
import { authorizedCase } from '../cases/index.ts';
import { contactPointsOf } from '../directory/index.ts';
import { unitName } from '../organisation/index.ts';
import { answerDue } from './requests.deadline.ts';
import { pairStatistics } from './requests.statistics.ts';
import { kindOf, type RequestEnvelopeName, type RequestEnvelopePayload } from './requests.envelopes.ts';
import { presentFull, presentSummary, resourceOf } from './requests.present.ts';
import {
  appendEvent,
  findRequest,
  insertRequest,
  listRequests,
  nextNumber,
  statisticsRows,
  updateRequest,
  type RequestRow,
} from './requests.repository.ts';

type RequestInput = z.output<typeof RequestCreateSchema>;

function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

function invalid(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', { fieldProblems: [{ path, code, message }] });
}

/** `POST /api/requests/deadline`: when an answer would be due; stores nothing. */
export function deadlineOf(ctx: RequestContext, query: DeadlineQuery): Deadline {
  signedIn(ctx);
  const { dueAt, period } = answerDue(query.urgency, new Date(query.receivedAt), query.to);
  return { dueAt: dueAt.toISOString(), period };
}

// --- Sending an envelope to the other side -----------------------------------------------------------

/** The other side of the record, where its envelopes go. */
function otherSide(row: RequestRow) {
  return row.side === 'requesting'
    ? { jurisdiction: row.toJurisdictionCode, unitId: row.toUnitId }
    : { jurisdiction: row.fromJurisdictionCode, unitId: row.fromUnitId };
}

export async function tellOtherSide<N extends RequestEnvelopeName>(
  q: Queryable,
  row: RequestRow,
  name: N,
  payload: RequestEnvelopePayload<N>,
  sentAt: Date,
): Promise<void> {
  const to = otherSide(row);
  await sendEnvelope(q, {
    kind: kindOf(name),
    exchangeId: row.exchangeId,
    from: { jurisdiction: row.holderJurisdictionCode as never, unitId: row.holderUnitId },
    to: { jurisdiction: to.jurisdiction as never, unitId: to.unitId },
    payload,
    sentAt,
  });
}

// --- Loading with authorisation ----------------------------------------------------------------------

async function loadRequest(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  action: Action,
  options: { lock?: boolean } = {},
): Promise<RequestRow> {
  signedIn(ctx);
  const row = await findRequest(q, id, options);
  if (!row) throw new AppError('not_found');
  authorize(ctx, 'request.view', resourceOf(row));
  if (action === 'request.view') return row;
  // Those who may take the step, but not from this status, are told so (409), not refused (403).
  if (decide(signedIn(ctx), action, resourceOf(row)).reason === 'status')
    throw new AppError('request_transition_refused', {
      details: { status: row.status, action },
      message: `A ${row.status} request does not allow ${action}`,
    });
  authorize(ctx, action, resourceOf(row));
  return row;
}

async function audit(
  q: Queryable,
  ctx: RequestContext,
  row: RequestRow,
  entry: { operation: 'collection' | 'alteration' | 'consultation' | 'disclosure'; action: Action },
  details: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(q, ctx, {
    operation: entry.operation,
    action: entry.action,
    recordType: 'information_request',
    recordId: row.id,
    ...(entry.operation === 'disclosure' && { recipients: [`jurisdiction:${otherSide(row).jurisdiction}`] }),
    outcome: 'allowed',
    details: { reference: row.reference, side: row.side, ...details },
  });
}

/** What one step of a request leaves behind: its timeline event, its audit entry, and (when the other
 * side must learn of it) the envelope that tells them. Every step of the service goes through here. */
interface Step<N extends RequestEnvelopeName> {
  event: RequestEventType;
  note?: string | null;
  audit: { operation: 'collection' | 'alteration' | 'consultation' | 'disclosure'; action: Action };
  details?: Record<string, unknown>;
  tell?: { name: N; payload: RequestEnvelopePayload<N> };
}

async function recordStep<N extends RequestEnvelopeName>(
  q: Queryable,
  ctx: RequestContext,
  row: RequestRow,
  at: Date,
  step: Step<N>,
): Promise<void> {
  await appendEvent(q, {
    id: uuidv7(),
    requestId: row.id,
    type: step.event,
    ...(step.note !== undefined && { note: step.note }),
    actorId: signedIn(ctx).userId,
    at,
  });
  await audit(q, ctx, row, step.audit, step.details);
  if (step.tell) await tellOtherSide(q, row, step.tell.name, step.tell.payload, at);
}

// --- Requesting side ---------------------------------------------------------------------------------

function checkContent(actor: Actor, input: RequestInput): void {
  if (input.to.jurisdiction === actor.jurisdiction)
    throw invalid('to.jurisdiction', 'same_jurisdiction', 'A request goes to another jurisdiction');
  if (input.urgency !== 'standard' && !input.urgencyReasons)
    throw invalid('urgencyReasons', 'required', 'An urgent request states the reasons for its urgency');
  if (input.channel !== 'none' && !input.channelReference)
    throw invalid('channelReference', 'required', 'Give the reference the channel gave the request');
  if (input.spocCopyException && !input.spocCopyReason)
    throw invalid('spocCopyReason', 'required', 'Say why the SPOC gets no copy of this request');
  if (!input.spocCopyException && input.spocCopyReason)
    throw invalid('spocCopyException', 'required', 'Name the exception the reason is for');
}

async function checkCase(q: Queryable, ctx: RequestContext, caseId: string | undefined): Promise<void> {
  if (!caseId) return;
  try {
    await authorizedCase(q, ctx, caseId, 'case.view');
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw invalid('caseId', 'not_found', 'No case of yours with that id');
    throw error;
  }
}

/** Drafts a request of the actor's unit, and sends it at once when asked. */
export async function createRequest(
  q: Queryable,
  ctx: RequestContext,
  input: RequestInput,
  now: Date = new Date(),
): Promise<InformationRequest> {
  const actor = signedIn(ctx);
  if (actor.jurisdiction === null) throw new AppError('forbidden');
  authorize(ctx, 'request.create', {
    type: 'information_request',
    side: 'requesting',
    status: 'drafted',
    holderJurisdiction: actor.jurisdiction,
    holderUnitId: actor.unitId,
    spocCopy: !input.spocCopyException,
  });
  checkContent(actor, input);
  await checkCase(q, ctx, input.caseId);
  const year = now.getUTCFullYear();
  const number = await nextNumber(q, actor.jurisdiction, year);
  const row = await insertRequest(q, {
    id: uuidv7(),
    exchangeId: uuidv7(),
    side: 'requesting',
    reference: `${actor.jurisdiction}-${year}-${String(number).padStart(4, '0')}`,
    status: 'drafted',
    fromJurisdictionCode: actor.jurisdiction,
    fromUnitId: actor.unitId,
    fromUnitName: (await unitName(q, actor.unitId)) ?? null,
    toJurisdictionCode: input.to.jurisdiction,
    toUnitId: input.to.unitId ?? null,
    holderJurisdictionCode: actor.jurisdiction,
    holderUnitId: actor.unitId,
    urgency: input.urgency,
    period: answerDue(input.urgency, now, input.to.jurisdiction).period,
    sought: input.sought,
    purpose: input.purpose,
    facts: input.facts,
    offence: input.offence,
    whyHeld: input.whyHeld,
    personLink: input.personLink,
    urgencyReasons: input.urgencyReasons || null,
    restrictions: input.restrictions || null,
    handlingCode: input.handlingCode,
    evaluation: input.evaluation,
    language: input.language,
    channel: input.channel,
    channelReference: input.channel === 'none' ? null : (input.channelReference ?? null),
    caseId: input.caseId ?? null,
    spocCopyException: input.spocCopyException ?? null,
    spocCopyReason: input.spocCopyException ? (input.spocCopyReason ?? null) : null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordStep(q, ctx, row, now, {
    event: 'drafted',
    audit: { operation: 'collection', action: 'request.create' },
    details: {
      to: input.to.jurisdiction,
      urgency: input.urgency,
      ...(input.caseId && { caseId: input.caseId }),
      // The SPOC's missing copy is accountable: the exception and its reason are in the trail.
      ...(input.spocCopyException && {
        spocCopyException: input.spocCopyException,
        spocCopyReason: input.spocCopyReason,
      }),
    },
  });
  if (input.send) return sendRequest(q, ctx, row.id, now);
  return presentFull(q, actor, row);
}

/** Sends a draft to the requested jurisdiction: its contact point receives it and the clock starts. */
export async function sendRequest(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  now: Date = new Date(),
): Promise<InformationRequest> {
  const actor = signedIn(ctx);
  const row = await loadRequest(q, ctx, id, 'request.send', { lock: true });
  const sent = await updateRequest(q, id, { status: 'sent', sentAt: now, updatedAt: now });
  await recordStep(q, ctx, sent, now, {
    event: 'sent',
    audit: { operation: 'disclosure', action: 'request.send' },
    details: { to: row.toJurisdictionCode },
    tell: {
      name: 'sent',
      payload: {
        reference: sent.reference,
        fromUnitName: sent.fromUnitName,
        content: {
          sought: sent.sought,
          purpose: sent.purpose,
          facts: sent.facts,
          offence: sent.offence,
          whyHeld: sent.whyHeld,
          personLink: sent.personLink,
          urgency: sent.urgency as RequestInput['urgency'],
          ...(sent.urgencyReasons && { urgencyReasons: sent.urgencyReasons }),
          ...(sent.restrictions && { restrictions: sent.restrictions }),
          handlingCode: sent.handlingCode as RequestInput['handlingCode'],
          evaluation: sent.evaluation,
          language: sent.language as RequestInput['language'],
          channel: sent.channel as RequestInput['channel'],
          ...(sent.channelReference && { channelReference: sent.channelReference }),
        },
      },
    },
  });
  // The receipt came back through the inbound handler in the same transaction.
  return presentFull(q, actor, (await findRequest(q, id)) ?? sent);
}

export async function withdrawRequest(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  reason: string,
  now: Date = new Date(),
): Promise<InformationRequest> {
  const actor = signedIn(ctx);
  const row = await loadRequest(q, ctx, id, 'request.withdraw', { lock: true });
  const updated = await updateRequest(q, id, {
    status: 'withdrawn',
    withdrawalReason: reason,
    withdrawnAt: now,
    updatedAt: now,
  });
  await recordStep(q, ctx, updated, now, {
    event: 'withdrawn',
    note: reason,
    audit: { operation: 'alteration', action: 'request.withdraw' },
    details: { from: row.status },
    // A draft never left: the other side has nothing to withdraw.
    ...(row.status !== 'drafted' && {
      tell: { name: 'withdrawal', payload: { reason, at: now.toISOString() } },
    }),
  });
  return presentFull(q, actor, updated);
}

// --- Requested side ----------------------------------------------------------------------------------

export async function startRequest(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  now: Date = new Date(),
): Promise<InformationRequest> {
  const actor = signedIn(ctx);
  await loadRequest(q, ctx, id, 'request.start', { lock: true });
  const updated = await updateRequest(q, id, { status: 'in_progress', updatedAt: now });
  await recordStep(q, ctx, updated, now, {
    event: 'in_progress',
    audit: { operation: 'alteration', action: 'request.start' },
    tell: { name: 'progress', payload: { at: now.toISOString() } },
  });
  return presentFull(q, actor, updated);
}

/** A delay notice (art. 5(3)): the reason and the date now expected. It pauses nothing; it may be renewed. */
export async function delayRequest(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: RequestDelay,
  now: Date = new Date(),
): Promise<InformationRequest> {
  const actor = signedIn(ctx);
  await loadRequest(q, ctx, id, 'request.delay', { lock: true });
  const expectedAt = new Date(input.expectedAt);
  if (expectedAt.getTime() <= now.getTime())
    throw invalid('expectedAt', 'not_in_future', 'The expected date lies in the future');
  const updated = await updateRequest(q, id, {
    delayReason: input.reason,
    delayExpectedAt: expectedAt,
    delayAt: now,
    updatedAt: now,
  });
  await recordStep(q, ctx, updated, now, {
    event: 'delay_notice',
    note: input.reason,
    audit: { operation: 'alteration', action: 'request.delay' },
    details: { expectedAt: input.expectedAt },
    tell: {
      name: 'delay',
      payload: { reason: input.reason, expectedAt: expectedAt.toISOString(), at: now.toISOString() },
    },
  });
  return presentFull(q, actor, updated);
}

/**
 * The answer, in the language of the request or in English (art. 4(6)); it discloses what it holds. A
 * partial answer may be followed by more answers until a full one; the first one's moment is what
 * "answered in time" counts.
 */
export async function answerRequest(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: RequestAnswer,
  now: Date = new Date(),
): Promise<InformationRequest> {
  const actor = signedIn(ctx);
  const row = await loadRequest(q, ctx, id, 'request.answer', { lock: true });
  if (input.language !== row.language && input.language !== 'en')
    throw invalid('language', 'answer_language', 'Answer in the language of the request or in English');
  const status: RequestStatus = input.completeness === 'fully' ? 'answered_fully' : 'answered_partly';
  const updated = await updateRequest(q, id, {
    status,
    answerCompleteness: input.completeness,
    answerText: input.text,
    answerLanguage: input.language,
    answeredAt: now,
    firstAnsweredAt: row.firstAnsweredAt ?? now,
    // Answered: the clock stops, no more notices.
    nextNoticeAt: null,
    answers: [...row.answers, { ...given(input), at: now.toISOString() }],
    updatedAt: now,
  });
  await recordStep(q, ctx, updated, now, {
    event: status,
    audit: { operation: 'disclosure', action: 'request.answer' },
    details: {
      completeness: input.completeness,
      inTime: row.dueAt ? now.getTime() <= row.dueAt.getTime() : null,
      ...(row.status === 'answered_partly' && { followUp: row.answers.length + 1 }),
    },
    tell: {
      name: 'answer',
      payload: {
        completeness: input.completeness,
        text: input.text,
        language: input.language,
        at: now.toISOString(),
      },
    },
  });
  return presentFull(q, actor, updated);
}

/** A refusal on one of the listed grounds (art. 6), with an explanation. */
export async function refuseRequest(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: RequestRefusal,
  now: Date = new Date(),
): Promise<InformationRequest> {
  const actor = signedIn(ctx);
  await loadRequest(q, ctx, id, 'request.refuse', { lock: true });
  const updated = await updateRequest(q, id, {
    status: 'refused',
    refusalGround: input.ground,
    refusalExplanation: input.explanation,
    refusedAt: now,
    nextNoticeAt: null,
    updatedAt: now,
  });
  await recordStep(q, ctx, updated, now, {
    event: 'refused',
    note: input.ground,
    audit: { operation: 'alteration', action: 'request.refuse' },
    details: { ground: input.ground },
    tell: {
      name: 'refusal',
      payload: { ground: input.ground, explanation: input.explanation, at: now.toISOString() },
    },
  });
  return presentFull(q, actor, updated);
}

const given = (input: RequestAnswer) => ({
  completeness: input.completeness,
  text: input.text,
  language: input.language,
});

// --- Reading -----------------------------------------------------------------------------------------

export async function getRequest(q: Queryable, ctx: RequestContext, id: string): Promise<InformationRequest> {
  const actor = signedIn(ctx);
  const row = await loadRequest(q, ctx, id, 'request.view');
  await audit(q, ctx, row, { operation: 'consultation', action: 'request.view' });
  return presentFull(q, actor, row);
}

/** Inbox (requests received) or outbox (requests made), the open ones first by time left. */
export async function listMyRequests(
  q: Queryable,
  ctx: RequestContext,
  filter: RequestListFilter,
): Promise<RequestPage> {
  const actor = signedIn(ctx);
  const { rows, total } = await listRequests(
    q,
    listScope(actor, 'request.view', 'information_request'),
    filter.box === 'inbox' ? 'requested' : 'requesting',
    { openOnly: filter.open === undefined ? undefined : filter.open === 'true', limit: 200 },
  );
  return { items: rows.map((row) => presentSummary(actor, row)), total };
}

const monthStart = (month: string, offset = 0): Date => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1 + offset, 1));
};

/**
 * `GET /api/requests/statistics`: per pair of jurisdictions, the requests received in the months
 * asked, answered in time or late, the median time to the first answer, delays and refusals by
 * ground; each figure about fewer than 11 requests withheld. Counts only: not logged, like the
 * other statistics.
 */
export async function requestStatistics(
  q: Queryable,
  ctx: RequestContext,
  filter: RequestStatisticsFilter,
): Promise<RequestStatistics> {
  const actor = signedIn(ctx);
  authorize(ctx, 'request.statistics', { type: 'request_statistics', jurisdiction: actor.jurisdiction });
  const scope = listScope(actor, 'request.statistics', 'request_statistics');
  const rows = await statisticsRows(q, scope, monthStart(filter.from), monthStart(filter.to, 1));
  return {
    from: filter.from,
    to: filter.to,
    threshold: SUPPRESSION_THRESHOLD,
    pairs: pairStatistics(rows),
  };
}

/**
 * `GET /api/requests/point-of-contact?jurisdiction=`: the SPOC entries of the directory for the one
 * composing a request (modules/directory `contactPointsOf`). For those who may make requests; no
 * officer's name is answered, so nothing personal is read and nothing is logged.
 */
export async function requestedPointOfContact(
  q: Queryable,
  ctx: RequestContext,
  jurisdiction: JurisdictionCode,
): Promise<RequestContactPoints> {
  const actor = signedIn(ctx);
  if (actor.jurisdiction === null) throw new AppError('forbidden');
  authorize(ctx, 'request.create', {
    type: 'information_request',
    side: 'requesting',
    status: 'drafted',
    holderJurisdiction: actor.jurisdiction,
    holderUnitId: actor.unitId,
    spocCopy: true,
  });
  const points = await contactPointsOf(q, jurisdiction, ['spoc']);
  return {
    points: points.map((point) => ({
      id: point.id,
      organisation: point.organisation,
      languages: point.languages,
      availability: point.availability,
      channels: point.channels,
      lastConfirmedAt: point.lastConfirmedAt.toISOString(),
    })),
  };
}
