import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import type {
  JurisdictionCode,
  ProviderService,
  Referral,
  ReferralConsent,
  ReferralEvent,
  ReferralEventType,
  ReferralIdentity,
  ReferralKind,
  ReferralListFilter,
  ReferralPage,
  ReferralStatus,
  ReferralSummary,
  ReferralTransition,
  TrmProcedure,
} from '@veza/shared';
import type { ReferralCreateSchema } from '@veza/shared';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/index.ts';
import { openSecret, sealSecret } from '../../platform/auth/secret-box.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import { notify } from '../notifications/index.ts';
// The persons module owns the person's record and consent (a revocation for a recipient wins over
// 'any'); its readers do not authorise, this module does by the referral policy and logs the reading.
import {
  consentInForce,
  isScreeningOf,
  referredIdentity,
  referredPerson,
  referredPersons,
  type ReferredPerson,
} from '../persons/index.ts';
import { signedIn } from './referral.providers.service.ts';
import {
  appendEvent,
  coordinatorUnits,
  displayName,
  findProvider,
  findReferral,
  insertReferral,
  listVisibleReferrals,
  lockReferral,
  providersByIds,
  referenceTaken,
  runningReflection,
  timelineOf,
  unitsOfAgency,
  updateReferral,
  type ProviderRow,
  type ReferralRow,
} from './referral.repository.ts';
import { ACTION_FOR, acknowledgementDue, addDays, canMove, daysLeft, EVENT_FOR } from './referral.rules.ts';

type ReferralInput = z.output<typeof ReferralCreateSchema>;
type ReferralResource = Extract<Resource, { type: 'referral' }>;

// --- Consent ---------------------------------------------------------------------------------------

/** The consent a referral needs: to a provider for a national referral, to a jurisdiction across borders. */
export function consentTarget(
  kind: ReferralKind,
  target: { providerId: string | null; toJurisdiction: string | null },
): { purpose: string; recipient: string } {
  return kind === 'national'
    ? { purpose: 'referral', recipient: `provider:${target.providerId ?? ''}` }
    : { purpose: 'transnational_referral', recipient: `jurisdiction:${target.toJurisdiction ?? ''}` };
}

// --- Presenting ------------------------------------------------------------------------------------

interface Loaded {
  row: ReferralRow;
  person: ReferredPerson;
  provider: ProviderRow | null;
}

function resourceOf(row: ReferralRow, provider: ProviderRow | null): ReferralResource {
  return {
    type: 'referral',
    id: row.id,
    personId: row.personId,
    kind: row.kind as ReferralKind,
    status: row.status,
    fromJurisdiction: row.fromJurisdictionCode as JurisdictionCode,
    fromUnitId: row.fromUnitId,
    providerAgencyId: provider?.agencyId ?? null,
    toJurisdiction: (row.toJurisdictionCode as JurisdictionCode | null) ?? null,
  };
}

function presentSummary(actor: Actor, loaded: Loaded, now: Date): ReferralSummary {
  const { row, person, provider } = loaded;
  const started = row.status !== 'proposed' && row.reflectionStartsAt && row.reflectionEndsAt;
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as ReferralKind,
    service: row.service as ProviderService,
    status: row.status as ReferralStatus,
    urgent: row.urgent,
    person: {
      id: person.id,
      reference: person.reference,
      ageGroup: person.ageGroup,
      sex: person.sex,
      nationality: person.nationality,
    },
    provider: provider ? { id: provider.id, name: provider.name, city: provider.city } : null,
    fromJurisdiction: row.fromJurisdictionCode as JurisdictionCode,
    toJurisdiction: (row.toJurisdictionCode as JurisdictionCode | null) ?? null,
    procedure: (row.procedure as TrmProcedure | null) ?? null,
    sharedScope: row.sharedScope,
    reflection:
      started && row.reflectionStartsAt && row.reflectionEndsAt
        ? {
            startsAt: row.reflectionStartsAt.toISOString(),
            endsAt: row.reflectionEndsAt.toISOString(),
            daysLeft: Math.max(0, daysLeft(row.reflectionEndsAt, now)),
          }
        : null,
    acknowledgeBy: row.acknowledgeBy?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowed: allowedActions(actor, resourceOf(row, provider)),
  };
}

async function presentFull(
  q: Queryable,
  actor: Actor,
  loaded: Loaded,
  secretKey: Buffer,
  now: Date,
): Promise<Referral> {
  const { row } = loaded;
  const timeline = await timelineOf(q, row.id);
  return {
    ...presentSummary(actor, loaded, now),
    screeningId: row.screeningId,
    fromUnitId: row.fromUnitId,
    declineReason: row.declineReason,
    closeReason: row.closeReason,
    message: row.message ? openSecret(secretKey, row.message) : null,
    createdBy: { id: row.createdBy, displayName: await displayName(q, row.createdBy) },
    timeline: timeline.map((event): ReferralEvent => ({
      type: event.type as ReferralEventType,
      fromStatus: (event.fromStatus as ReferralStatus | null) ?? null,
      toStatus: (event.toStatus as ReferralStatus | null) ?? null,
      note: event.note,
      actor: event.actorId ? { id: event.actorId, displayName: event.actorName ?? '' } : null,
      at: event.at.toISOString(),
    })),
  };
}

// --- Loading with authorisation --------------------------------------------------------------------

async function loadReferral(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Loaded> {
  signedIn(ctx);
  const row = options.lock ? await lockReferral(q, id) : await findReferral(q, id);
  if (!row) throw new AppError('not_found');
  const person = await referredPerson(q, row.personId);
  if (!person) throw new AppError('not_found');
  const provider = row.providerId ? await findProvider(q, row.providerId) : null;
  authorize(ctx, 'referral.view', resourceOf(row, provider));
  return { row, person, provider };
}

// --- Use cases -------------------------------------------------------------------------------------

function invalid(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', { fieldProblems: [{ path, code, message }] });
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

async function newReference(q: Queryable, jurisdiction: string): Promise<string> {
  for (;;) {
    const code = Array.from(
      { length: 6 },
      () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)],
    ).join('');
    const reference = `R-${jurisdiction}-${code}`;
    if (!(await referenceTaken(q, reference))) return reference;
  }
}

/** Checks the target of a new referral and returns the provider of a national one. */
async function checkTarget(
  q: Queryable,
  input: ReferralInput,
  person: ReferredPerson,
): Promise<ProviderRow | null> {
  if (input.kind === 'national') {
    if (!input.providerId) throw invalid('providerId', 'required', 'A national referral names a provider');
    if (input.toJurisdiction)
      throw invalid('toJurisdiction', 'not_allowed', 'A national referral stays in the jurisdiction');
    const provider = await findProvider(q, input.providerId);
    if (!provider || !provider.active) throw invalid('providerId', 'not_found', 'No such provider');
    if (provider.jurisdictionCode !== person.jurisdictionCode)
      throw invalid(
        'providerId',
        'foreign_jurisdiction',
        'Refer across borders with a transnational referral',
      );
    if (!provider.services.includes(input.service))
      throw invalid('service', 'not_offered', 'The provider does not offer this service');
    return provider;
  }
  if (!input.toJurisdiction) throw invalid('toJurisdiction', 'required', 'Name the receiving jurisdiction');
  if (input.toJurisdiction === person.jurisdictionCode)
    throw invalid('toJurisdiction', 'same_jurisdiction', 'Refer at home with a national referral');
  if (!input.procedure) throw invalid('procedure', 'required', 'Name the TRM-SEE procedure');
  if (input.providerId)
    throw invalid('providerId', 'not_allowed', 'The receiving coordinator chooses the provider');
  return null;
}

async function checkScreening(
  q: Queryable,
  screeningId: string | undefined,
  personId: string,
): Promise<void> {
  if (!screeningId) return;
  if (!(await isScreeningOf(q, screeningId, personId)))
    throw invalid('screeningId', 'not_found', 'No screening of this person with that id');
}

/** The person of a new referral, authorised: the sending side of a referral of that person. */
async function personToRefer(q: Queryable, ctx: RequestContext, personId: string): Promise<ReferredPerson> {
  signedIn(ctx);
  const person = await referredPerson(q, personId);
  if (!person) throw new AppError('not_found');
  authorize(ctx, 'referral.create', {
    type: 'referral',
    personId,
    kind: 'national',
    status: 'proposed',
    fromJurisdiction: person.jurisdictionCode as JurisdictionCode,
    fromUnitId: person.unitId,
    providerAgencyId: null,
    toJurisdiction: null,
  });
  return person;
}

/** What the person's consent lets go to the recipient the form names: shown before sending. */
export async function previewConsent(
  q: Queryable,
  ctx: RequestContext,
  query: {
    personId: string;
    kind: ReferralKind;
    providerId?: string | undefined;
    toJurisdiction?: string | undefined;
  },
): Promise<ReferralConsent> {
  await personToRefer(q, ctx, query.personId);
  const target = { providerId: query.providerId ?? null, toJurisdiction: query.toJurisdiction ?? null };
  if (query.kind === 'national' ? !target.providerId : !target.toJurisdiction) {
    return {
      purpose: query.kind === 'national' ? 'referral' : 'transnational_referral',
      recipient: null,
      scope: null,
    };
  }
  const { purpose, recipient } = consentTarget(query.kind, target);
  return { purpose, recipient, scope: await consentInForce(q, query.personId, purpose, recipient) };
}

/**
 * Proposes a referral, and sends it at once when asked. The message travels sealed; what is shared
 * is decided by consent when it is sent, not now.
 */
export async function createReferral(
  q: Queryable,
  ctx: RequestContext,
  input: ReferralInput,
  secretKey: Buffer,
  now: Date = new Date(),
): Promise<Referral> {
  const actor = signedIn(ctx);
  const person = await personToRefer(q, ctx, input.personId);
  const provider = await checkTarget(q, input, person);
  await checkScreening(q, input.screeningId, person.id);
  const { purpose, recipient } = consentTarget(input.kind, {
    providerId: provider?.id ?? null,
    toJurisdiction: input.toJurisdiction ?? null,
  });
  const id = uuidv7();
  const row = {
    id,
    reference: await newReference(q, person.jurisdictionCode),
    personId: person.id,
    screeningId: input.screeningId ?? null,
    kind: input.kind,
    service: input.service,
    providerId: provider?.id ?? null,
    toJurisdictionCode: input.kind === 'transnational' ? (input.toJurisdiction ?? null) : null,
    procedure: input.kind === 'transnational' ? (input.procedure ?? null) : null,
    fromJurisdictionCode: person.jurisdictionCode,
    fromUnitId: person.unitId,
    status: 'proposed',
    urgent: input.urgent,
    // A proposal records what consent would allow today; sending checks again and freezes it.
    sharedScope: (await consentInForce(q, person.id, purpose, recipient)) ?? [],
    message: input.message ? sealSecret(secretKey, input.message) : null,
    // The period's length waits here until sending starts the clock (docs/referral.md).
    reflectionStartsAt: now,
    reflectionEndsAt: addDays(now, input.reflectionDays),
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertReferral(q, row);
  await appendEvent(q, {
    id: uuidv7(),
    referralId: id,
    type: 'proposed',
    toStatus: 'proposed',
    actorId: actor.userId,
    at: now,
  });
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'referral.create',
    recordType: 'referral',
    recordId: id,
    subjectId: person.id,
    subjectLabel: person.reference,
    outcome: 'allowed',
    details: { reference: row.reference, kind: input.kind, service: input.service, recipient },
  });
  if (input.send) return moveReferral(q, ctx, id, { to: 'sent' }, secretKey, now);
  return getReferral(q, ctx, id, secretKey, now, { audited: false });
}

async function tellUnits(
  q: Queryable,
  unitIds: readonly string[],
  message: { kind: 'referral_received' | 'referral_status'; payload: Record<string, string>; link: string },
): Promise<void> {
  for (const unitId of new Set(unitIds)) await notify(q, { to: { unitId }, ...message });
}

async function receivingUnits(q: Queryable, loaded: Loaded): Promise<string[]> {
  if (loaded.row.kind === 'national')
    return loaded.provider?.agencyId ? unitsOfAgency(q, loaded.provider.agencyId) : [];
  return loaded.row.toJurisdictionCode ? coordinatorUnits(q, loaded.row.toJurisdictionCode) : [];
}

/** Sending: consent is checked now and what it allows is frozen into the referral. */
async function send(
  q: Queryable,
  ctx: RequestContext,
  loaded: Loaded,
  now: Date,
): Promise<Partial<ReferralRow>> {
  const { row } = loaded;
  const { purpose, recipient } = consentTarget(row.kind as ReferralKind, {
    providerId: row.providerId,
    toJurisdiction: row.toJurisdictionCode,
  });
  const scope = await consentInForce(q, row.personId, purpose, recipient);
  if (scope === null)
    throw new AppError('consent_missing', {
      details: { purpose, recipient },
      message: `No consent in force for ${recipient}`,
    });
  const days = Math.round(
    ((row.reflectionEndsAt?.getTime() ?? 0) - (row.reflectionStartsAt?.getTime() ?? 0)) / 86_400_000,
  );
  const running = await runningReflection(q, row.personId, now);
  await appendAudit(q, ctx, {
    operation: 'disclosure',
    action: 'referral.send',
    recordType: 'referral',
    recordId: row.id,
    subjectId: row.personId,
    subjectLabel: loaded.person.reference,
    recipients: [recipient],
    outcome: 'allowed',
    details: { reference: row.reference, sharedScope: scope, purpose },
  });
  return {
    sharedScope: scope,
    reflectionStartsAt: running?.startsAt ?? now,
    reflectionEndsAt: running?.endsAt ?? addDays(now, Math.max(days, 30)),
    acknowledgeBy: row.kind === 'transnational' ? acknowledgementDue(now, row.urgent) : null,
  };
}

/** Moves a referral along its lifecycle; an illegal move is refused and changes nothing. */
export async function moveReferral(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: ReferralTransition,
  secretKey: Buffer,
  now: Date = new Date(),
): Promise<Referral> {
  const actor = signedIn(ctx);
  const loaded = await loadReferral(q, ctx, id, { lock: true });
  const { row } = loaded;
  const from = row.status as ReferralStatus;
  const to = input.to;
  authorize(ctx, ACTION_FOR[to], resourceOf(row, loaded.provider));
  if (!canMove(from, to))
    throw new AppError('referral_transition_refused', {
      details: { from, to },
      message: `A ${from} referral cannot become ${to}`,
    });
  const reason = input.reason?.trim() || null;
  if (to === 'declined' && !reason) throw invalid('reason', 'required', 'Say why the referral is declined');

  let changes: Partial<ReferralRow> = { status: to };
  if (to === 'sent') changes = { ...changes, ...(await send(q, ctx, loaded, now)) };
  if (to === 'declined') changes.declineReason = reason;
  if (to === 'closed') changes.closeReason = reason;
  // Accepting a transnational referral acknowledges it too.
  if (to === 'accepted' && row.kind === 'transnational' && !row.acknowledgedAt) changes.acknowledgedAt = now;
  const updated = await updateReferral(q, id, { ...changes, updatedAt: now });
  await appendEvent(q, {
    id: uuidv7(),
    referralId: id,
    type: EVENT_FOR[to],
    fromStatus: from,
    toStatus: to,
    note: reason,
    actorId: actor.userId,
    at: now,
  });
  if (to !== 'sent') {
    await appendAudit(q, ctx, {
      operation: 'alteration',
      action: ACTION_FOR[to],
      recordType: 'referral',
      recordId: id,
      subjectId: row.personId,
      subjectLabel: loaded.person.reference,
      outcome: 'allowed',
      details: { reference: row.reference, from, to, ...(reason ? { reason } : {}) },
    });
  }
  const after: Loaded = { ...loaded, row: updated };
  const message = { payload: { referral: row.reference, status: to }, link: `/referrals/${id}` };
  if (to === 'sent') {
    await tellUnits(q, await receivingUnits(q, after), { kind: 'referral_received', ...message });
  } else {
    const senderActed = resourceOf(row, loaded.provider).fromUnitId === actor.unitId;
    await tellUnits(
      q,
      senderActed && from !== 'proposed' ? await receivingUnits(q, after) : [row.fromUnitId],
      {
        kind: 'referral_status',
        ...message,
      },
    );
  }
  return presentFull(q, actor, after, secretKey, now);
}

/** The receiving coordinator confirms a transnational referral arrived (TRM-SEE). */
export async function acknowledgeReferral(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  secretKey: Buffer,
  now: Date = new Date(),
): Promise<Referral> {
  const actor = signedIn(ctx);
  const loaded = await loadReferral(q, ctx, id, { lock: true });
  authorize(ctx, 'referral.acknowledge', resourceOf(loaded.row, loaded.provider));
  if (loaded.row.acknowledgedAt)
    throw new AppError('referral_transition_refused', {
      details: { from: 'acknowledged', to: 'acknowledged' },
    });
  const updated = await updateReferral(q, id, { acknowledgedAt: now, updatedAt: now });
  await appendEvent(q, {
    id: uuidv7(),
    referralId: id,
    type: 'acknowledged',
    actorId: actor.userId,
    at: now,
  });
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'referral.acknowledge',
    recordType: 'referral',
    recordId: id,
    subjectId: loaded.row.personId,
    subjectLabel: loaded.person.reference,
    outcome: 'allowed',
    details: { reference: loaded.row.reference },
  });
  await tellUnits(q, [loaded.row.fromUnitId], {
    kind: 'referral_status',
    payload: { referral: loaded.row.reference, status: 'acknowledged' },
    link: `/referrals/${id}`,
  });
  return presentFull(q, actor, { ...loaded, row: updated }, secretKey, now);
}

export async function getReferral(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  secretKey: Buffer,
  now: Date = new Date(),
  options: { audited?: boolean } = {},
): Promise<Referral> {
  const actor = signedIn(ctx);
  const loaded = await loadReferral(q, ctx, id);
  if (options.audited !== false) {
    await appendAudit(q, ctx, {
      operation: 'consultation',
      action: 'referral.view',
      recordType: 'referral',
      recordId: id,
      subjectId: loaded.row.personId,
      subjectLabel: loaded.person.reference,
      outcome: 'allowed',
      details: { reference: loaded.row.reference },
    });
  }
  return presentFull(q, actor, loaded, secretKey, now);
}

export async function listReferrals(
  q: Queryable,
  ctx: RequestContext,
  filter: ReferralListFilter,
  now: Date = new Date(),
): Promise<ReferralPage> {
  const actor = signedIn(ctx);
  const { rows, total } = await listVisibleReferrals(
    q,
    listScope(actor, 'referral.view', 'referral'),
    filter,
  );
  const people = await referredPersons(
    q,
    rows.map((r) => r.personId),
  );
  const providers = await providersByIds(
    q,
    rows.flatMap((r) => (r.providerId ? [r.providerId] : [])),
  );
  const items = rows.flatMap((row) => {
    const person = people.get(row.personId);
    if (!person) return [];
    return [
      presentSummary(
        actor,
        { row, person, provider: row.providerId ? (providers.get(row.providerId) ?? null) : null },
        now,
      ),
    ];
  });
  return { items, total };
}

/** Which fields of the identity each consent scope part carries. */
const IDENTITY_PARTS: Readonly<Record<string, readonly string[]>> = {
  identity: ['givenName', 'familyName', 'birthDate', 'placeOfBirth', 'documentNumber', 'guardian'],
  contact: ['phone', 'address'],
};

const JUSTIFICATION_SCOPES = (id: string) => [`referral:${id}`, 'session'];

/**
 * Who the referred person is, as far as the referral's frozen sharedScope carries it: a consultation
 * of personal data, with a justification, logged (LED art. 25).
 */
export async function referralIdentity(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  secretKey: Buffer,
): Promise<ReferralIdentity> {
  const loaded = await loadReferral(q, ctx, id);
  const { row, person } = loaded;
  if (row.status === 'proposed') throw new AppError('not_found');
  const justification = JUSTIFICATION_SCOPES(id)
    .map((scope) => ctx.justifications.get(scope))
    .find((text) => text);
  if (!justification)
    throw new AppError('justification_required', { details: { scopes: JUSTIFICATION_SCOPES(id) } });
  const fields = row.sharedScope.flatMap((part) => IDENTITY_PARTS[part] ?? []);
  const identity = await referredIdentity(q, person.id, fields, secretKey);
  if (!identity) throw new AppError('not_found');
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'referral.view',
    recordType: 'referral',
    recordId: id,
    subjectId: person.id,
    subjectLabel: person.reference,
    justification,
    outcome: 'allowed',
    details: { read: 'identity', fields: Object.keys(identity).sort() },
  });
  return { identity, sharedScope: row.sharedScope };
}
