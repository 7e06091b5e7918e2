import type { Queryable } from '@veza/db';
import type {
  InformationRequest,
  JurisdictionCode,
  Locale,
  RefusalGround,
  RequestChannel,
  RequestEventType,
  RequestPeriod,
  RequestSide,
  RequestStatus,
  RequestSummary,
  RequestUrgency,
  SpocCopyException,
} from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { allowedActions } from '../../platform/policy/index.ts';
import { caseResource, findCase } from '../cases/index.ts';
import { displayNames } from '../users/index.ts';
import type { InformationRequestResource } from './requests.policy.ts';
import { eventsOf, type RequestRow } from './requests.repository.ts';

export function resourceOf(row: RequestRow): InformationRequestResource {
  return {
    type: 'information_request',
    id: row.id,
    side: row.side as RequestSide,
    status: row.status as RequestStatus,
    holderJurisdiction: row.holderJurisdictionCode as JurisdictionCode,
    holderUnitId: row.holderUnitId,
    spocCopy: row.spocCopyException === null,
  };
}

const iso = (at: Date | null): string | null => at?.toISOString() ?? null;

export function presentSummary(actor: Actor, row: RequestRow): RequestSummary {
  return {
    id: row.id,
    exchangeId: row.exchangeId,
    reference: row.reference,
    side: row.side as RequestSide,
    status: row.status as RequestStatus,
    from: {
      jurisdiction: row.fromJurisdictionCode as JurisdictionCode,
      unitId: row.fromUnitId,
      unitName: row.fromUnitName,
    },
    to: {
      jurisdiction: row.toJurisdictionCode as JurisdictionCode,
      unitId: row.toUnitId,
      unitName: row.toUnitName,
    },
    urgency: row.urgency as RequestUrgency,
    period: row.period as RequestPeriod,
    handlingCode: row.handlingCode as RequestSummary['handlingCode'],
    evaluation: row.evaluation,
    language: row.language as Locale,
    sentAt: iso(row.sentAt),
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    delay:
      row.delayReason && row.delayExpectedAt && row.delayAt
        ? {
            reason: row.delayReason,
            expectedAt: row.delayExpectedAt.toISOString(),
            at: row.delayAt.toISOString(),
          }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowed: allowedActions(actor, resourceOf(row)),
  };
}

/** The requesting side's case, to those of that side who may see it; nobody else learns of it. */
async function linkedCase(q: Queryable, actor: Actor, row: RequestRow): Promise<InformationRequest['case']> {
  if (row.side !== 'requesting' || !row.caseId) return null;
  const loaded = await findCase(q, row.caseId);
  if (!loaded || !allowedActions(actor, caseResource(loaded)).includes('case.view')) return null;
  return { id: loaded.row.id, reference: loaded.row.reference, title: loaded.row.title };
}

export async function presentFull(q: Queryable, actor: Actor, row: RequestRow): Promise<InformationRequest> {
  const events = await eventsOf(q, row.id);
  const names = await displayNames(
    q,
    events.flatMap((event) => (event.actorId ? [event.actorId] : [])),
  );
  return {
    ...presentSummary(actor, row),
    sought: row.sought,
    purpose: row.purpose,
    facts: row.facts,
    offence: row.offence,
    whyHeld: row.whyHeld,
    personLink: row.personLink,
    urgencyReasons: row.urgencyReasons,
    restrictions: row.restrictions,
    channel: row.channel as RequestChannel,
    channelReference: row.channelReference,
    case: await linkedCase(q, actor, row),
    answer:
      row.answerCompleteness && row.answerText && row.answerLanguage && row.answeredAt
        ? {
            completeness: row.answerCompleteness as 'partly' | 'fully',
            text: row.answerText,
            language: row.answerLanguage as Locale,
            at: row.answeredAt.toISOString(),
          }
        : null,
    answers: row.answers.map((given) => ({
      completeness: given.completeness as 'partly' | 'fully',
      text: given.text,
      language: given.language as Locale,
      at: given.at,
    })),
    spocCopy:
      row.side === 'requesting' && row.spocCopyException
        ? { exception: row.spocCopyException as SpocCopyException, reason: row.spocCopyReason ?? '' }
        : null,
    refusal:
      row.refusalGround && row.refusalExplanation && row.refusedAt
        ? {
            ground: row.refusalGround as RefusalGround,
            explanation: row.refusalExplanation,
            at: row.refusedAt.toISOString(),
          }
        : null,
    withdrawal:
      row.withdrawalReason && row.withdrawnAt
        ? { reason: row.withdrawalReason, at: row.withdrawnAt.toISOString() }
        : null,
    timeline: events.map((event) => ({
      type: event.type as RequestEventType,
      note: event.note,
      actor: event.actorId ? { id: event.actorId, displayName: names.get(event.actorId) ?? '' } : null,
      at: event.at.toISOString(),
    })),
  };
}
