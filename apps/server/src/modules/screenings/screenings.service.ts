import { isDeepStrictEqual } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Queryable } from '@veza/db';
import {
  IndicatorId,
  InstrumentContentSchema,
  SCREENING_ANSWERS,
  SCREENING_EDITABLE_FIELDS,
  SCREENING_FIELD_SCHEMAS,
  type FieldProblem,
  type Indicator,
  type InstrumentContent,
  type JurisdictionCode,
  type Screening,
  type ScreeningAnswer,
  type ScreeningCreate,
  type ScreeningEditableField,
  type ScreeningListQuery,
  type ScreeningPage,
  type ScreeningUpdate,
  type SyncConflict,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import { openSecret, sealSecret } from '../../platform/auth/secret-box.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize, decide, listScope } from '../../platform/policy/index.ts';
import {
  assess,
  findPublishedVersion,
  raisesNonPunishmentAlert,
  unknownIndicatorIds,
} from '../indicators/index.ts';
import { screeningResource } from './screenings.access.ts';
import {
  displayNames,
  findScreening,
  findScreeningByClientId,
  insertScreening,
  listScreenings as listScreeningRows,
  nextScreeningReference,
  updateScreening,
  type ScreeningRow,
} from './screenings.repository.ts';
import { findPerson, personReferences, signedIn, victimResource } from '../persons/index.ts';

type ListQuery = z.output<typeof ScreeningListQuery>;
type Answers = Record<string, ScreeningAnswer>;

function invalid(fieldProblems: FieldProblem[]): AppError {
  return new AppError('validation_failed', { fieldProblems });
}

/** The instrument versions screenings used, loaded once per request. */
class Instruments {
  private readonly loaded = new Map<string, InstrumentContent & { version: number }>();
  constructor(private readonly q: Queryable) {}

  async get(instrumentId: string, version?: number) {
    const key = `${instrumentId}@${version ?? 'latest'}`;
    const cached = this.loaded.get(key);
    if (cached) return cached;
    const row = await findPublishedVersion(this.q, instrumentId, version);
    if (!row) return undefined;
    const content = { ...InstrumentContentSchema.parse(row.content), version: row.version };
    this.loaded.set(key, content);
    this.loaded.set(`${instrumentId}@${row.version}`, content);
    return content;
  }
}

function assessmentOf(
  indicators: readonly Indicator[],
  stage: 'rapid' | 'full',
  answers: Answers,
  age: number | null,
  ageInDoubt: boolean,
) {
  const result = assess({ stage, indicators, answers, age: age ?? undefined, ageInDoubt });
  const present = indicators.filter((i) => answers[i.id] === 'yes');
  const exploitationTypes = [...new Set(present.flatMap((i) => i.exploitationTypes))].sort();
  return { ...result, exploitationTypes };
}

interface Presenter {
  actor: Actor;
  instruments: Instruments;
  names: Map<string, string>;
  references: Map<string, string>;
  narrative: (row: ScreeningRow) => string | null;
}

async function presenterFor(
  q: Queryable,
  actor: Actor,
  rows: readonly ScreeningRow[],
  narrative: Presenter['narrative'],
  instruments = new Instruments(q),
): Promise<Presenter> {
  return {
    actor,
    instruments,
    names: await displayNames(
      q,
      rows.map((r) => r.screenedBy),
    ),
    references: await personReferences(
      q,
      rows.flatMap((r) => (r.personId ? [r.personId] : [])),
    ),
    narrative,
  };
}

async function present(p: Presenter, row: ScreeningRow): Promise<Screening> {
  const instrument = await p.instruments.get(row.instrumentId, row.instrumentVersion);
  const answers = row.answers as Answers;
  const nonPunishmentReasons = (instrument?.indicators ?? [])
    .filter((i) => answers[i.id] === 'yes' && raisesNonPunishmentAlert(i))
    .map((i) => i.id);
  return {
    id: row.id,
    clientId: row.clientId,
    reference: row.reference,
    personId: row.personId,
    personReference: row.personId ? (p.references.get(row.personId) ?? null) : null,
    parentId: row.parentId,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    stage: row.stage as Screening['stage'],
    jurisdiction: row.jurisdictionCode as JurisdictionCode,
    unitId: row.unitId,
    screenedBy: { id: row.screenedBy, displayName: p.names.get(row.screenedBy) ?? '' },
    occurredAt: row.occurredAt.toISOString(),
    setting: row.setting as Screening['setting'],
    place: row.place,
    interviewLanguage: row.interviewLanguage,
    interpreterLanguage: row.interpreterLanguage,
    narrative: p.narrative(row),
    age: row.age,
    ageInDoubt: row.ageInDoubt,
    answers,
    outcome: row.outcome as Screening['outcome'],
    rule: row.rule as Screening['rule'],
    reasons: row.reasons,
    childRule: row.childRule,
    nonPunishmentAlert: row.nonPunishmentAlert,
    nonPunishmentReasons,
    exploitationTypes: row.exploitationTypes,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowed: allowedActions(p.actor, screeningResource(row)).filter((a) => a !== 'screening.create'),
  };
}

function openNarrative(secretKey: Buffer) {
  return (row: ScreeningRow) => (row.narrative === null ? null : openSecret(secretKey, row.narrative));
}

/** A person named in a screening must be one the actor may see, of the screening's own unit. */
async function checkPerson(
  q: Queryable,
  ctx: RequestContext,
  personId: string,
  unitId: string,
  path: string,
): Promise<void> {
  const actor = signedIn(ctx);
  const person = await findPerson(q, personId);
  const visible = person && decide(actor, 'victim.view', await victimResource(q, person)).allowed;
  if (!person || !visible) throw invalid([{ path, code: 'not_found', message: 'No such person' }]);
  if (person.unitId !== unitId)
    throw invalid([{ path, code: 'other_unit', message: 'The person was recorded by another unit' }]);
}

/**
 * Stores a screening with the engine's assessment (the client never sends an outcome). The same
 * clientId sent again returns the stored screening: a form sent twice from a device is stored once.
 */
export async function createScreening(
  q: Queryable,
  ctx: RequestContext,
  input: ScreeningCreate,
  secretKey: Buffer,
): Promise<{ screening: Screening; created: boolean }> {
  const actor = signedIn(ctx);
  const existing = await findScreeningByClientId(q, input.clientId);
  if (existing) return { screening: await replay(q, ctx, existing, secretKey), created: false };

  const id = uuidv7();
  // Null for a regional member, whom the policy refuses ('regional').
  const jurisdiction = actor.jurisdiction;
  authorize(
    ctx,
    'screening.create',
    { type: 'screening', id, jurisdiction, unitId: actor.unitId },
    {
      hidden: false,
    },
  );
  // Unreachable after the policy's refusal; it tells the compiler the jurisdiction is known.
  if (jurisdiction === null) throw new AppError('forbidden');

  const instruments = new Instruments(q);
  const instrument = await instruments.get(input.instrumentId, input.version);
  if (!instrument) {
    throw invalid([
      input.version !== undefined && (await instruments.get(input.instrumentId))
        ? { path: 'version', code: 'not_found', message: `No published version ${input.version}` }
        : { path: 'instrumentId', code: 'not_found', message: 'No such instrument' },
    ]);
  }
  const problems: FieldProblem[] = [];
  if (instrument.stage !== input.stage) {
    problems.push({
      path: 'stage',
      code: 'stage_mismatch',
      message: `${input.instrumentId} is a ${instrument.stage} instrument`,
    });
  }
  for (const unknown of unknownIndicatorIds(instrument.indicators, input.answers)) {
    problems.push({
      path: `answers.${unknown}`,
      code: 'unknown_indicator',
      message: `${input.instrumentId} version ${instrument.version} has no indicator ${unknown}`,
    });
  }
  if (input.parentId !== undefined) {
    const parent = await findScreening(q, input.parentId);
    if (!parent || !decide(actor, 'screening.view', screeningResource(parent)).allowed) {
      problems.push({ path: 'parentId', code: 'not_found', message: 'No such screening' });
    } else if (parent.stage !== 'rapid' || input.stage !== 'full') {
      problems.push({
        path: 'parentId',
        code: 'not_a_rapid_screen',
        message: 'A full interview follows a rapid screen',
      });
    }
  }
  if (problems.length > 0) throw invalid(problems);
  if (input.personId !== undefined) await checkPerson(q, ctx, input.personId, actor.unitId, 'personId');

  const age = input.age ?? null;
  const ageInDoubt = input.ageInDoubt ?? false;
  const result = assessmentOf(instrument.indicators, instrument.stage, input.answers, age, ageInDoubt);
  const fieldRevisions = Object.fromEntries(
    [...SCREENING_EDITABLE_FIELDS, ...Object.keys(input.answers).map((k) => `answers.${k}`)].map((f) => [
      f,
      1,
    ]),
  );
  const now = new Date();
  const row: ScreeningRow = {
    id,
    clientId: input.clientId,
    reference: await nextScreeningReference(q, jurisdiction),
    personId: input.personId ?? null,
    parentId: input.parentId ?? null,
    instrumentId: input.instrumentId,
    instrumentVersion: instrument.version,
    stage: instrument.stage,
    jurisdictionCode: jurisdiction,
    unitId: actor.unitId,
    screenedBy: actor.userId,
    occurredAt: new Date(input.occurredAt),
    setting: input.setting,
    place: input.place,
    interviewLanguage: input.interviewLanguage,
    interpreterLanguage: input.interpreterLanguage ?? null,
    narrative: input.narrative ? sealSecret(secretKey, input.narrative) : null,
    age,
    ageInDoubt,
    answers: input.answers,
    outcome: result.outcome,
    rule: result.rule,
    reasons: result.reasons,
    childRule: result.childRule,
    nonPunishmentAlert: result.nonPunishmentAlert,
    exploitationTypes: result.exploitationTypes,
    revision: 1,
    fieldRevisions,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await insertScreening(q, row))) {
    // Sent twice at the same moment: the other request stored it.
    const stored = await findScreeningByClientId(q, input.clientId);
    if (!stored) throw new AppError('client_id_taken');
    return { screening: await replay(q, ctx, stored, secretKey), created: false };
  }
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'screening.create',
    recordType: 'screening',
    recordId: id,
    ...(row.personId ? { subjectId: row.personId } : {}),
    subjectLabel: row.reference,
    outcome: 'allowed',
    details: {
      reference: row.reference,
      instrument: `${row.instrumentId}@${row.instrumentVersion}`,
      stage: row.stage,
      outcome: row.outcome,
      rule: row.rule,
      narrative: row.narrative !== null,
    },
  });
  const p = await presenterFor(q, actor, [row], openNarrative(secretKey), instruments);
  return { screening: await present(p, row), created: true };
}

/** The stored screening for a clientId sent again; somebody else's clientId is a conflict, not a leak. */
async function replay(
  q: Queryable,
  ctx: RequestContext,
  row: ScreeningRow,
  secretKey: Buffer,
): Promise<Screening> {
  const actor = signedIn(ctx);
  if (!decide(actor, 'screening.view', screeningResource(row)).allowed || row.screenedBy !== actor.userId) {
    throw new AppError('client_id_taken', { message: 'This clientId is taken' });
  }
  const p = await presenterFor(q, actor, [row], openNarrative(secretKey));
  return present(p, row);
}

async function readable(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  action: 'screening.view' | 'screening.edit',
) {
  signedIn(ctx);
  const row = await findScreening(q, id);
  if (!row) throw new AppError('not_found');
  authorize(ctx, action, screeningResource(row));
  return row;
}

/** One screening with the person's own words: a consultation, logged. */
export async function getScreening(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  secretKey: Buffer,
): Promise<Screening> {
  const actor = signedIn(ctx);
  const row = await readable(q, ctx, id, 'screening.view');
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'screening.view',
    recordType: 'screening',
    recordId: row.id,
    ...(row.personId ? { subjectId: row.personId } : {}),
    subjectLabel: row.reference,
    outcome: 'allowed',
    details: { reference: row.reference, narrative: row.narrative !== null },
  });
  const p = await presenterFor(q, actor, [row], openNarrative(secretKey));
  return present(p, row);
}

/** The unit's screenings (a coordinator: the jurisdiction's), newest first; the narrative stays closed. */
export async function listScreenings(
  q: Queryable,
  ctx: RequestContext,
  query: ListQuery,
): Promise<ScreeningPage> {
  const actor = signedIn(ctx);
  const scope = listScope(actor, 'screening.view', 'screening');
  const { rows, total } = await listScreeningRows(q, scope, query.limit, query.offset);
  if (rows.length > 0) {
    await appendAudit(q, ctx, {
      operation: 'consultation',
      action: 'screening.view',
      recordType: 'screening',
      outcome: 'allowed',
      details: { list: true, references: rows.map((r) => r.reference), offset: query.offset },
    });
  }
  const p = await presenterFor(q, actor, rows, () => null);
  return { items: await Promise.all(rows.map((row) => present(p, row))), total };
}

/** Current value of a changeable field, as the API shows it. */
function currentValue(row: ScreeningRow, field: string, secretKey: Buffer): unknown {
  if (field.startsWith('answers.')) return (row.answers as Answers)[field.slice('answers.'.length)] ?? null;
  switch (field as ScreeningEditableField) {
    case 'occurredAt':
      return row.occurredAt.toISOString();
    case 'narrative':
      return row.narrative === null ? null : openSecret(secretKey, row.narrative);
    default:
      return row[field as Exclude<ScreeningEditableField, 'occurredAt' | 'narrative'>];
  }
}

function parseChanges(
  changes: Record<string, unknown>,
  indicators: readonly Indicator[],
): { values: Record<string, unknown>; problems: FieldProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  const known = new Set(indicators.map((i) => i.id));
  for (const [field, raw] of Object.entries(changes)) {
    const path = `changes.${field}`;
    if (field.startsWith('answers.')) {
      const id = field.slice('answers.'.length);
      if (!IndicatorId.safeParse(id).success || !known.has(id)) {
        problems.push({ path, code: 'unknown_indicator', message: `The instrument has no indicator ${id}` });
      } else if (!(SCREENING_ANSWERS as readonly unknown[]).includes(raw)) {
        problems.push({ path, code: 'invalid_value', message: 'yes, no or unknown' });
      } else values[field] = raw;
      continue;
    }
    if (!(SCREENING_EDITABLE_FIELDS as readonly string[]).includes(field)) {
      problems.push({ path, code: 'unrecognized_keys', message: `${field} cannot be changed` });
      continue;
    }
    const parsed = SCREENING_FIELD_SCHEMAS[field as ScreeningEditableField].safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ path, code: issue?.code ?? 'invalid_value', message: issue?.message ?? 'Invalid' });
    } else values[field] = parsed.data === '' ? null : parsed.data;
  }
  return { values, problems };
}

/**
 * Changes a screening that may have been changed elsewhere since the device saw it. A field in
 * `changes` that somebody changed after `baseRevision` to another value is a conflict; then nothing
 * is applied, and the device resolves and sends again from the new revision.
 */
export async function updateScreeningFields(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: ScreeningUpdate,
  secretKey: Buffer,
): Promise<Screening> {
  const actor = signedIn(ctx);
  const row = await readable(q, ctx, id, 'screening.edit');
  const instruments = new Instruments(q);
  const instrument = await instruments.get(row.instrumentId, row.instrumentVersion);
  if (!instrument) throw new AppError('internal_error', { message: 'The instrument version is gone' });
  if (input.baseRevision > row.revision) {
    throw invalid([
      { path: 'baseRevision', code: 'too_big', message: `The latest revision is ${row.revision}` },
    ]);
  }
  const { values, problems } = parseChanges(input.changes, instrument.indicators);
  if (problems.length > 0) throw invalid(problems);
  if (typeof values.personId === 'string' && values.personId !== row.personId)
    await checkPerson(q, ctx, values.personId, row.unitId, 'changes.personId');

  const revisions = row.fieldRevisions;
  const conflicts: SyncConflict[] = [];
  const changed: string[] = [];
  for (const [field, value] of Object.entries(values)) {
    const theirs = currentValue(row, field, secretKey);
    if (isDeepStrictEqual(theirs, value)) continue;
    if ((revisions[field] ?? 1) > input.baseRevision) conflicts.push({ field, yours: value, theirs });
    else changed.push(field);
  }
  if (conflicts.length > 0) {
    throw new AppError('sync_conflict', { details: { conflicts, revision: row.revision } });
  }
  if (changed.length === 0) {
    const p = await presenterFor(q, actor, [row], openNarrative(secretKey), instruments);
    return present(p, row);
  }

  const revision = row.revision + 1;
  const next: ScreeningRow = { ...row, answers: { ...(row.answers as Answers) } };
  for (const field of changed) {
    const value = values[field];
    if (field.startsWith('answers.')) {
      (next.answers as Answers)[field.slice('answers.'.length)] = value as ScreeningAnswer;
      continue;
    }
    switch (field as ScreeningEditableField) {
      case 'occurredAt':
        next.occurredAt = new Date(value as string);
        break;
      case 'narrative':
        next.narrative = typeof value === 'string' && value ? sealSecret(secretKey, value) : null;
        break;
      case 'personId':
        next.personId = (value as string | null) ?? null;
        break;
      case 'place':
        next.place = value as string;
        break;
      case 'setting':
        next.setting = value as string;
        break;
      case 'interviewLanguage':
        next.interviewLanguage = value as string;
        break;
      case 'interpreterLanguage':
        next.interpreterLanguage = (value as string | null) ?? null;
        break;
      case 'age':
        next.age = (value as number | null) ?? null;
        break;
      case 'ageInDoubt':
        next.ageInDoubt = value as boolean;
        break;
    }
  }
  const result = assessmentOf(
    instrument.indicators,
    row.stage as 'rapid' | 'full',
    next.answers as Answers,
    next.age,
    next.ageInDoubt,
  );
  next.outcome = result.outcome;
  next.rule = result.rule;
  next.reasons = result.reasons;
  next.childRule = result.childRule;
  next.nonPunishmentAlert = result.nonPunishmentAlert;
  next.exploitationTypes = result.exploitationTypes;
  next.revision = revision;
  next.fieldRevisions = { ...revisions, ...Object.fromEntries(changed.map((f) => [f, revision])) };
  const { id: _id, clientId: _clientId, createdAt: _createdAt, updatedAt: _updatedAt, ...values2 } = next;
  if (!(await updateScreening(q, row.id, row.revision, values2))) {
    throw new AppError('screening_saved_meanwhile', { message: 'Saved by someone else at the same moment' });
  }
  next.updatedAt = new Date();
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'screening.edit',
    recordType: 'screening',
    recordId: row.id,
    ...(next.personId ? { subjectId: next.personId } : {}),
    subjectLabel: row.reference,
    outcome: 'allowed',
    details: {
      reference: row.reference,
      fields: changed,
      revision,
      outcome: next.outcome,
      previousOutcome: row.outcome,
    },
  });
  const p = await presenterFor(q, actor, [next], openNarrative(secretKey), instruments);
  return present(p, next);
}
