import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Queryable } from '@veza/db';
import {
  IdentitySchema,
  type Consent,
  type ConsentCreate,
  type Identity,
  type JurisdictionCode,
  type Person,
  type PersonCreate,
  type PersonIdentity,
  type PersonListQuery,
  type PersonPage,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import { openSecret, sealSecret } from '../../platform/auth/secret-box.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize, decide, listScope } from '../../platform/policy/index.ts';
import { justificationFor, signedIn, victimResource, type VictimResource } from './persons.access.ts';
import {
  consentsOf,
  findPerson,
  insertConsent,
  insertPerson,
  listPersons as listPersonRows,
  newestConsent,
  personReferenceTaken,
  providerExists,
  referredPersonRows,
  sealedIdentityOf,
  type ConsentRow,
  type PersonRow,
  type ReferredPersonRow,
} from './persons.repository.ts';
import {
  displayNames,
  findScreening,
  screeningPersonId,
  screeningResource,
  updateScreening,
} from '../screenings/index.ts';

type ListQuery = z.output<typeof PersonListQuery>;

/** Review the need to keep a record after a year; keep it at most five years unless a review extends it. */
export const REVIEW_AFTER_MONTHS = 12;
export const RETAIN_FOR_YEARS = 5;

// No 0/O, 1/I/L: a reference is read out on the phone and copied by hand.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function randomReference(jurisdiction: JurisdictionCode): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `P-${jurisdiction}-${code}`;
}

function invalid(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', { fieldProblems: [{ path, code, message }] });
}

function presentPerson(actor: Actor, row: PersonRow, resource: VictimResource): Person {
  return {
    id: row.id,
    reference: row.reference,
    jurisdiction: row.jurisdictionCode as JurisdictionCode,
    unitId: row.unitId,
    category: row.category as Person['category'],
    categoryKind: row.categoryKind as Person['categoryKind'],
    sex: row.sex as Person['sex'],
    ageGroup: row.ageGroup as Person['ageGroup'],
    nationality: row.nationality,
    preferredLanguage: row.preferredLanguage,
    guardianAppointed: row.guardianAppointed,
    reviewDueAt: row.reviewDueAt.toISOString(),
    retainUntil: row.retainUntil.toISOString(),
    createdAt: row.createdAt.toISOString(),
    allowed: allowedActions(actor, resource).filter((a) => a !== 'victim.create'),
  };
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/**
 * Records a person met in screening. The identity is sealed with the server key before it touches
 * the database; everyone sees the pseudonymous reference, the identity needs a justified request.
 */
export async function createPerson(
  q: Queryable,
  ctx: RequestContext,
  input: PersonCreate,
  secretKey: Buffer,
): Promise<Person> {
  const actor = signedIn(ctx);
  const id = uuidv7();
  // Null for a regional member, whom the policy refuses ('regional').
  const jurisdiction = actor.jurisdiction;
  const resource: VictimResource = { type: 'victim', id, jurisdiction, unitId: actor.unitId, referrals: [] };
  authorize(ctx, 'victim.create', resource, { hidden: false });
  // Unreachable after the policy's refusal; it tells the compiler the jurisdiction is known.
  if (jurisdiction === null) throw new AppError('forbidden');

  const screening = input.screeningId ? await findScreening(q, input.screeningId) : undefined;
  if (input.screeningId !== undefined) {
    if (!screening || !decide(actor, 'screening.edit', screeningResource(screening)).allowed)
      throw invalid('screeningId', 'not_found', 'No such screening');
    if (screening.unitId !== actor.unitId)
      throw invalid('screeningId', 'other_unit', 'The screening belongs to another unit');
    if (screening.personId !== null)
      throw invalid('screeningId', 'already_linked', 'The screening is linked to another person already');
  }

  let reference = randomReference(jurisdiction);
  while (await personReferenceTaken(q, reference)) reference = randomReference(jurisdiction);
  const now = new Date();
  const row: PersonRow = {
    id,
    reference,
    jurisdictionCode: jurisdiction,
    unitId: actor.unitId,
    category: input.category,
    categoryKind: input.categoryKind,
    sex: input.sex,
    ageGroup: input.ageGroup,
    nationality: input.nationality ?? null,
    preferredLanguage: input.preferredLanguage ?? null,
    identity: sealSecret(secretKey, JSON.stringify(input.identity)),
    guardianAppointed: input.guardianAppointed ?? false,
    reviewDueAt: addMonths(now, REVIEW_AFTER_MONTHS),
    retainUntil: addMonths(now, RETAIN_FOR_YEARS * 12),
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertPerson(q, row);
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'victim.create',
    recordType: 'victim',
    recordId: id,
    subjectId: id,
    subjectLabel: reference,
    outcome: 'allowed',
    details: {
      reference,
      category: row.category,
      categoryKind: row.categoryKind,
      ageGroup: row.ageGroup,
      ...(screening ? { screeningId: screening.id } : {}),
    },
  });
  if (screening) {
    const revision = screening.revision + 1;
    const linked = await updateScreening(q, screening.id, screening.revision, {
      personId: id,
      revision,
      fieldRevisions: { ...screening.fieldRevisions, personId: revision },
    });
    if (!linked)
      throw new AppError('screening_changed_meanwhile', {
        message: 'The screening changed at the same moment',
      });
    await appendAudit(q, ctx, {
      operation: 'alteration',
      action: 'screening.edit',
      recordType: 'screening',
      recordId: screening.id,
      subjectId: id,
      subjectLabel: screening.reference,
      outcome: 'allowed',
      details: { reference: screening.reference, fields: ['personId'], revision },
    });
  }
  return presentPerson(actor, row, resource);
}

async function loadVisible(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  action: 'victim.view' | 'victim.identity.view' | 'victim.consent.record',
) {
  signedIn(ctx);
  const row = await findPerson(q, id);
  if (!row) throw new AppError('not_found');
  const resource = await victimResource(q, row);
  authorize(ctx, action, resource);
  return { row, resource };
}

/** A person's record without the identity; reading it is a consultation and is logged. */
export async function getPerson(q: Queryable, ctx: RequestContext, id: string): Promise<Person> {
  const actor = signedIn(ctx);
  const { row, resource } = await loadVisible(q, ctx, id, 'victim.view');
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'victim.view',
    recordType: 'victim',
    recordId: row.id,
    subjectId: row.id,
    subjectLabel: row.reference,
    outcome: 'allowed',
    details: { reference: row.reference },
  });
  return presentPerson(actor, row, resource);
}

export async function listPersons(q: Queryable, ctx: RequestContext, query: ListQuery): Promise<PersonPage> {
  const actor = signedIn(ctx);
  const scope = listScope(actor, 'victim.view', 'victim');
  const { rows, total } = await listPersonRows(q, scope, actor.agencyId, query.limit, query.offset);
  if (rows.length > 0) {
    await appendAudit(q, ctx, {
      operation: 'consultation',
      action: 'victim.view',
      recordType: 'victim',
      outcome: 'allowed',
      details: { list: true, references: rows.map((r) => r.reference), offset: query.offset },
    });
  }
  const items = await Promise.all(
    rows.map(async (row) => presentPerson(actor, row, await victimResource(q, row))),
  );
  return { items, total };
}

/** What a receiver of a referral gets: the names with 'identity', the ways to reach them with 'contact'. */
function shareable(identity: Identity, actor: Actor, resource: VictimResource, home: boolean): Identity {
  if (home) return identity;
  const scope = new Set(
    resource.referrals
      .filter(
        (r) =>
          (r.agencyId !== null && r.agencyId === actor.agencyId) ||
          (r.toJurisdiction !== null && r.toJurisdiction === actor.jurisdiction),
      )
      .flatMap((r) => r.sharedScope),
  );
  const { phone, address, guardian, ...rest } = identity;
  if (!scope.has('contact')) {
    if (!guardian) return rest;
    const { contact: _contact, ...guardianWithoutContact } = guardian;
    return { ...rest, guardian: guardianWithoutContact };
  }
  return {
    ...rest,
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    ...(guardian ? { guardian } : {}),
  };
}

/**
 * Who the person is: needs a justification for this person or for the session (LED art. 25) and is
 * logged as a consultation with it. Receivers of a referral get only what its shared scope carries.
 */
export async function getIdentity(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  secretKey: Buffer,
): Promise<PersonIdentity> {
  const actor = signedIn(ctx);
  const { row, resource } = await loadVisible(q, ctx, id, 'victim.identity.view');
  const justification = justificationFor(ctx, id);
  const basis = decide(actor, 'victim.identity.view', resource).reason;
  const identity = IdentitySchema.parse(JSON.parse(openSecret(secretKey, row.identity)));
  const shown = shareable(identity, actor, resource, basis !== 'referral');
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'victim.identity.view',
    recordType: 'victim',
    recordId: row.id,
    subjectId: row.id,
    subjectLabel: row.reference,
    justification,
    outcome: 'allowed',
    details: { reference: row.reference, basis, fields: Object.keys(shown) },
  });
  return { identity: shown };
}

// ---------------------------------------------------------------- consent

async function presentConsents(q: Queryable, rows: readonly ConsentRow[]): Promise<Consent[]> {
  const names = await displayNames(
    q,
    rows.map((r) => r.recordedBy),
  );
  return rows.map((row) => ({
    id: row.id,
    purpose: row.purpose as Consent['purpose'],
    recipient: row.recipient,
    version: row.version,
    status: row.status as Consent['status'],
    scope: row.scope as Consent['scope'],
    givenBy: row.givenBy as Consent['givenBy'],
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: { id: row.recordedBy, displayName: names.get(row.recordedBy) ?? '' },
  }));
}

/**
 * Records a consent as the next version for its purpose and recipient: granting, narrowing and
 * revoking all add a version, nothing is overwritten. A child's consent is given by the guardian.
 */
export async function recordConsent(
  q: Queryable,
  ctx: RequestContext,
  personId: string,
  input: ConsentCreate,
): Promise<Consent> {
  const actor = signedIn(ctx);
  const { row } = await loadVisible(q, ctx, personId, 'victim.consent.record');
  if (row.ageGroup === 'child' && input.givenBy !== 'guardian')
    throw invalid('givenBy', 'guardian_required', "A child's consent is given by the guardian");
  if (row.ageGroup === 'adult' && input.givenBy !== 'person')
    throw invalid('givenBy', 'person_required', 'An adult gives consent personally');
  if (input.recipient.startsWith('provider:') && !(await providerExists(q, input.recipient.slice(9))))
    throw invalid('recipient', 'not_found', 'No such service provider');

  const previous = await newestConsent(q, personId, input.purpose, input.recipient);
  const consent: ConsentRow = {
    id: uuidv7(),
    personId,
    purpose: input.purpose,
    recipient: input.recipient,
    version: (previous?.version ?? 0) + 1,
    status: input.status,
    scope: input.status === 'revoked' ? [] : input.scope,
    givenBy: input.givenBy,
    recordedBy: actor.userId,
    recordedAt: new Date(),
  };
  if (!(await insertConsent(q, consent)))
    throw new AppError('consent_recorded_meanwhile', {
      message: 'Another version was recorded at the same moment',
    });
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'victim.consent.record',
    recordType: 'victim',
    recordId: personId,
    subjectId: personId,
    subjectLabel: row.reference,
    outcome: 'allowed',
    details: {
      purpose: consent.purpose,
      recipient: consent.recipient,
      version: consent.version,
      status: consent.status,
      scope: consent.scope,
      givenBy: consent.givenBy,
    },
  });
  const [presented] = await presentConsents(q, [consent]);
  if (!presented) throw new AppError('internal_error');
  return presented;
}

/** Every version of every consent of the person, newest first per purpose and recipient. */
export async function listConsents(q: Queryable, ctx: RequestContext, personId: string): Promise<Consent[]> {
  const { row } = await loadVisible(q, ctx, personId, 'victim.view');
  const rows = await consentsOf(q, personId);
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'victim.view',
    recordType: 'victim',
    recordId: personId,
    subjectId: personId,
    subjectLabel: row.reference,
    outcome: 'allowed',
    details: { reference: row.reference, read: 'consents', versions: rows.length },
  });
  return presentConsents(q, rows);
}

/**
 * The scope a recipient may receive for a purpose: the newest version for that recipient decides
 * (granted: its scope; revoked: nothing, even if a consent to 'any' recipient exists); without any
 * version for the recipient, the newest version for 'any' decides; with none, null.
 */
export async function consentInForce(
  q: Queryable,
  personId: string,
  purpose: string,
  recipient: string,
): Promise<string[] | null> {
  const specific = await newestConsent(q, personId, purpose, recipient);
  const deciding =
    specific ?? (recipient === 'any' ? undefined : await newestConsent(q, personId, purpose, 'any'));
  return deciding && deciding.status === 'granted' ? [...deciding.scope] : null;
}

// ---------------------------------------------------------------- for the referral module

/*
 * These readers neither authorise nor log: the referral module does, around each call, by the
 * referral policy (referral.create for the person of a new referral, referral.view for the person of
 * an existing one, list queries scoped by the same rules) and in the audit record of the referral.
 */

/** What a referral shows of its person, and where the record belongs: never the sealed identity. */
export type ReferredPerson = ReferredPersonRow;

export async function referredPerson(q: Queryable, id: string): Promise<ReferredPerson | null> {
  const [row] = await referredPersonRows(q, [id]);
  return row ?? null;
}

export async function referredPersons(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, ReferredPerson>> {
  const rows = await referredPersonRows(q, ids);
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The named fields of a person's identity, unsealed, and no others: a referral passes on only what
 * the consent frozen in it carries. Null when there is no such person.
 */
export async function referredIdentity(
  q: Queryable,
  personId: string,
  fields: readonly string[],
  secretKey: Buffer,
): Promise<Record<string, unknown> | null> {
  const sealed = await sealedIdentityOf(q, personId);
  if (sealed === undefined) return null;
  const full = JSON.parse(openSecret(secretKey, sealed)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(full).filter(([key]) => fields.includes(key)));
}

/** Whether the screening exists and is of this person: a referral may name the screening it follows. */
export async function isScreeningOf(q: Queryable, screeningId: string, personId: string): Promise<boolean> {
  return (await screeningPersonId(q, screeningId)) === personId;
}
