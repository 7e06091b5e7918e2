import type { Queryable } from '@veza/db';
import { IdentitySchema, InstrumentContentSchema, isLocale } from '@veza/shared';
import type { JurisdictionCode, Locale, LocalisedText } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import { openSecret } from '../../platform/auth/secret-box.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy/index.ts';
import { loadPersonResource } from '../persons/index.ts';
import {
  displayName,
  findPerson,
  findProvider,
  findReferral,
  findScreening,
  instrumentContent,
  screeningReference,
} from './documents.repository.ts';
import type { PersonRow } from './documents.repository.ts';
import { renderReferralForm, renderScreeningSummary } from './documents.render.ts';
import type { PrintedIdentity } from './documents.render.ts';

export interface DocumentRequest {
  /** The languages asked for, in order; absent: the reader's language, then the person's. */
  lang?: readonly Locale[] | undefined;
  /** Print the name instead of the pseudonymous reference (needs the right and a justification). */
  identity?: boolean | undefined;
}

export interface PrintedDocument {
  pdf: Buffer;
  filename: string;
}

/**
 * The screening summary as a PDF. Reading it is authorised like reading the screening; handing out a
 * paper copy is a disclosure, logged with the languages and whether the name was printed.
 */
export async function printScreeningSummary(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  request: DocumentRequest,
  secretKey: Buffer,
): Promise<PrintedDocument> {
  const actor = signedIn(ctx);
  const row = await findScreening(q, id);
  if (!row) throw new AppError('not_found');
  authorize(ctx, 'screening.view', {
    type: 'screening',
    id: row.id,
    jurisdiction: row.jurisdictionCode as JurisdictionCode,
    unitId: row.unitId,
  });
  const person = row.personId ? await findPerson(q, row.personId) : undefined;
  const identity = request.identity && person ? await printableIdentity(q, ctx, person, secretKey) : null;
  const locales = languagesFor(actor, person, request.lang);
  const content = await instrumentContent(q, row.instrumentId, row.instrumentVersion);
  const parsed = content ? InstrumentContentSchema.safeParse(content) : null;
  const indicators = new Map<string, LocalisedText>(
    parsed?.success ? parsed.data.indicators.map((i) => [i.id, i.text]) : [],
  );

  await appendAudit(q, ctx, {
    operation: 'disclosure',
    action: 'document.screening_summary',
    recordType: 'screening',
    recordId: row.id,
    ...(row.personId ? { subjectId: row.personId } : {}),
    subjectLabel: person?.reference ?? row.reference,
    ...(identity ? { justification: identity.justification } : {}),
    outcome: 'allowed',
    details: { reference: row.reference, languages: locales, identity: identity !== null },
  });

  const pdf = await renderScreeningSummary(
    {
      reference: row.reference,
      personReference: person?.reference ?? null,
      jurisdiction: row.jurisdictionCode,
      occurredAt: row.occurredAt.toISOString(),
      setting: row.setting,
      place: row.place,
      stage: row.stage,
      instrument: {
        id: row.instrumentId,
        version: row.instrumentVersion,
        title: parsed?.success ? parsed.data.title : null,
      },
      interviewLanguage: row.interviewLanguage,
      interpreterLanguage: row.interpreterLanguage,
      age: row.age,
      ageInDoubt: row.ageInDoubt,
      screenedBy: await displayName(q, row.screenedBy),
      outcome: row.outcome,
      rule: row.rule,
      childRule: row.childRule,
      nonPunishmentAlert: row.nonPunishmentAlert,
      exploitationTypes: row.exploitationTypes,
      indicatorsYes: Object.entries(row.answers)
        .filter(([, answer]) => answer === 'yes')
        .map(([indicatorId]) => ({ id: indicatorId, text: indicators.get(indicatorId) ?? null })),
      identity,
      printedBy: actor.displayName,
      printedAt: new Date().toISOString(),
    },
    locales,
  );
  return { pdf, filename: `${row.reference}.pdf` };
}

/** The referral form as a PDF: authorised like reading the referral, logged as a disclosure. */
export async function printReferralForm(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  request: DocumentRequest,
  secretKey: Buffer,
): Promise<PrintedDocument> {
  const actor = signedIn(ctx);
  const row = await findReferral(q, id);
  if (!row) throw new AppError('not_found');
  const provider = row.providerId ? await findProvider(q, row.providerId) : undefined;
  authorize(ctx, 'referral.view', {
    type: 'referral',
    id: row.id,
    personId: row.personId,
    kind: row.kind === 'transnational' ? 'transnational' : 'national',
    status: row.status,
    fromJurisdiction: row.fromJurisdictionCode as JurisdictionCode,
    fromUnitId: row.fromUnitId,
    providerAgencyId: provider?.agencyId ?? null,
    toJurisdiction: (row.toJurisdictionCode as JurisdictionCode | null) ?? null,
  });
  const person = await findPerson(q, row.personId);
  if (!person) throw new AppError('not_found');
  const identity = request.identity ? await printableIdentity(q, ctx, person, secretKey) : null;
  const locales = languagesFor(actor, person, request.lang);

  await appendAudit(q, ctx, {
    operation: 'disclosure',
    action: 'document.referral_form',
    recordType: 'referral',
    recordId: row.id,
    subjectId: person.id,
    subjectLabel: person.reference,
    ...(identity ? { justification: identity.justification } : {}),
    outcome: 'allowed',
    details: { reference: row.reference, languages: locales, identity: identity !== null },
  });

  const pdf = await renderReferralForm(
    {
      reference: row.reference,
      personReference: person.reference,
      screeningReference: row.screeningId ? await screeningReference(q, row.screeningId) : null,
      kind: row.kind,
      service: row.service,
      provider: provider ? { name: provider.name, city: provider.city } : null,
      fromJurisdiction: row.fromJurisdictionCode,
      toJurisdiction: row.toJurisdictionCode,
      procedure: row.procedure,
      status: row.status,
      urgent: row.urgent,
      createdAt: row.createdAt.toISOString(),
      reflection:
        row.status !== 'proposed' && row.reflectionStartsAt && row.reflectionEndsAt
          ? { startsAt: row.reflectionStartsAt.toISOString(), endsAt: row.reflectionEndsAt.toISOString() }
          : null,
      acknowledgeBy: row.acknowledgeBy?.toISOString() ?? null,
      sharedScope: row.sharedScope,
      identity,
      printedBy: actor.displayName,
      printedAt: new Date().toISOString(),
    },
    locales,
  );
  return { pdf, filename: `${row.reference}.pdf` };
}

/**
 * The name on paper: only for a reader the person policy lets see the identity (receivers of a
 * referral only when its shared scope carries it), and only with a justification for this person or
 * the session, as on screen. Only names, birth date and guardian are printed; never contact details.
 */
async function printableIdentity(
  q: Queryable,
  ctx: RequestContext,
  person: PersonRow,
  secretKey: Buffer,
): Promise<PrintedIdentity> {
  const resource = await loadPersonResource(q, person.id);
  if (!resource) throw new AppError('not_found');
  authorize(ctx, 'victim.identity.view', resource, { hidden: false });
  const scopes = [`person:${person.id}`, 'session'];
  const justification = scopes.map((scope) => ctx.justifications.get(scope)).find(Boolean);
  if (!justification) throw new AppError('justification_required', { details: { scopes } });
  const identity = IdentitySchema.parse(JSON.parse(openSecret(secretKey, person.identity)));
  return {
    givenName: identity.givenName,
    familyName: identity.familyName,
    birthDate: identity.birthDate ?? null,
    guardian: identity.guardian
      ? { name: identity.guardian.name, relation: identity.guardian.relation }
      : null,
    justification,
  };
}

/** The officer's language, then the person's preferred one when it is a language Veza prints in. */
function languagesFor(
  actor: Actor,
  person: PersonRow | undefined,
  asked: readonly Locale[] | undefined,
): Locale[] {
  if (asked && asked.length > 0) return [...new Set(asked)];
  const preferred = person?.preferredLanguage;
  return [...new Set([actor.language, ...(preferred && isLocale(preferred) ? [preferred] : [])])];
}

function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}
