import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { isPersonData, RELATIONSHIP_TYPES } from '@veza/graph';
import type {
  Entity,
  EntityCreate,
  EntityHistory,
  EntitySummary,
  HandlingCode,
  MatchSuggestion,
  Statement,
  StatementCorrection,
  StatementInput,
} from '@veza/shared';
import { appendAudit, appendAudits, type AuditInput } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, decide } from '../../platform/policy/index.ts';
import {
  authorizedCase,
  justificationFor,
  personResource,
  signedIn,
  visibleCaseIds,
  type LoadedCase,
  alreadyDecided,
  invalidCaseInput,
} from '../cases/index.ts';
import {
  entitiesByIds,
  findEntity,
  findStatement,
  insertEntities,
  insertStatements,
  listEntities as listEntityRows,
  markSuperseded,
  statementsOf,
  suggestionsFor,
  type EntityRow,
  type StatementRow,
} from './entities.repository.ts';
import { relationshipEnds, syncEdges } from './entities.edges.ts';
import { checkAgainstModel } from './entities.model.ts';
import { linkEntities } from '../linkage/index.ts';

export const PERSON_SCHEMA = 'Person';

function presentSummary(row: EntityRow): EntitySummary {
  return {
    id: row.id,
    caseId: row.caseId,
    schema: row.schema,
    caption: row.caption,
    canonicalId: row.canonicalId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentStatement(row: StatementRow): Statement {
  return {
    id: row.id,
    entityId: row.entityId,
    property: row.property,
    value: row.value,
    source: row.source,
    evaluationSource: row.evaluationSource as Statement['evaluationSource'],
    evaluationInfo: row.evaluationInfo,
    handlingCode: row.handlingCode as HandlingCode,
    kind: row.kind as Statement['kind'],
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    supersededBy: row.supersededBy,
  };
}

export function statementRow(
  entityId: string,
  input: StatementInput,
  recordedBy: string,
  at: Date,
): StatementRow {
  return { id: uuidv7(), entityId, ...input, recordedBy, recordedAt: at, supersededBy: null };
}

/** The ends of a relationship entity must be entities of the same case. */
async function checkEnds(
  q: Queryable,
  caseId: string,
  schema: string,
  inputs: readonly { property: string; value: string }[],
  pathOf: (index: number) => string,
): Promise<void> {
  checkAgainstModel(schema, inputs, pathOf);
  const ends = RELATIONSHIP_TYPES[schema];
  if (!ends) return;
  const named = inputs
    .map((s, index) => ({ ...s, index }))
    .filter((s) => s.property === ends.source || s.property === ends.target);
  const found = new Set(
    (await entitiesByIds(q, named.map((s) => s.value).filter(isUuid)))
      .filter((e) => e.caseId === caseId)
      .map((e) => e.id),
  );
  const problems = named
    .filter((s) => !found.has(s.value))
    .map((s) => ({ path: pathOf(s.index), code: 'not_found', message: 'Not an entity of this case' }));
  if (problems.length > 0) throw invalidCaseInput(problems);
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export async function listEntities(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
): Promise<EntitySummary[]> {
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  const ends = await relationshipEnds(q, caseId);
  const rows = await listEntityRows(q, [caseId]);
  const identify = mayIdentifyPersons(ctx, loaded, rows);
  // The list names the case's persons: each is a consultation of personal data, logged in one batch.
  const persons = identify ? rows.filter((row) => row.schema === 'Person') : [];
  await appendAudits(q, ctx, [
    {
      operation: 'consultation',
      action: 'case.view',
      recordType: 'case',
      recordId: caseId,
      outcome: 'allowed',
      details: { read: 'entity-list', entities: rows.length, persons: persons.length },
    },
    ...persons.map((person): AuditInput => ({
      operation: 'consultation',
      action: 'case.view',
      recordType: 'entity',
      recordId: person.id,
      subjectId: person.id,
      subjectLabel: person.caption,
      outcome: 'allowed',
      details: { caseId, read: 'entity-list' },
    })),
  ]);
  return rows.map((row) => {
    const found = ends.get(row.id);
    const summary = identify || !isPersonData(row.schema) ? presentSummary(row) : withheldSummary(row);
    return found ? { ...summary, ends: found } : summary;
  });
}

/**
 * Whether the reader may see who the case's persons are: the person policy, decided once for the
 * case (it depends on the case team, not on the person). A supervisor who sees the case by rank may
 * not, and then every caption that names a person (a Person's, a relationship's) is withheld.
 */
export function mayIdentifyPersons(
  ctx: RequestContext,
  loaded: LoadedCase,
  rows: readonly Pick<EntityRow, 'id' | 'schema'>[],
): boolean {
  const person = rows.find((row) => isPersonData(row.schema));
  return !person || decide(signedIn(ctx), 'person.identity.view', personResource(loaded, person)).allowed;
}

/** An entity whose caption names a person, for a reader who may not identify the case's persons. */
function withheldSummary(row: EntityRow): EntitySummary {
  return { ...presentSummary(row), caption: '', withheld: true };
}

/**
 * Reading what is said about a Person is a consultation of personal data: the case team only,
 * with a justification, and logged with who, when and why (LED art. 25).
 */
async function readableEntity(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
  what: 'entity' | 'history',
): Promise<{ loaded: LoadedCase; entity: EntityRow }> {
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  const entity = await findEntity(q, caseId, entityId);
  if (!entity) throw new AppError('not_found');
  // A relationship is named by and said of the persons it links: the same rule as the Person.
  if (isPersonData(entity.schema)) authorize(ctx, 'person.identity.view', personResource(loaded, entity));
  if (entity.schema === PERSON_SCHEMA) {
    await appendAudit(q, ctx, {
      operation: 'consultation',
      action: 'person.identity.view',
      recordType: 'entity',
      recordId: entity.id,
      subjectId: entity.id,
      subjectLabel: entity.caption,
      justification: justificationFor(ctx, caseId),
      outcome: 'allowed',
      details: { caseId, read: what },
    });
  }
  return { loaded, entity };
}

async function presentSuggestions(
  q: Queryable,
  ctx: RequestContext,
  entityId: string,
): Promise<MatchSuggestion[]> {
  const rows = await suggestionsFor(q, entityId);
  if (rows.length === 0) return [];
  const visible = new Set(await visibleCaseIds(q, signedIn(ctx)));
  const others = new Map(
    (
      await entitiesByIds(
        q,
        rows.map((r) => (r.entityA === entityId ? r.entityB : r.entityA)),
      )
    ).map((e) => [e.id, e]),
  );
  return rows.flatMap((row) => {
    const other = others.get(row.entityA === entityId ? row.entityB : row.entityA);
    // A suggestion found by a colleague may point into a case this reader may not open.
    if (!other || !visible.has(other.caseId)) return [];
    return [
      {
        id: row.id,
        entityId,
        otherEntityId: other.id,
        otherCaseId: other.caseId,
        otherCaption: other.caption,
        score: row.score / 1000,
        explanation: row.explanation,
        status: row.status as MatchSuggestion['status'],
      },
    ];
  });
}

export async function getEntity(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
): Promise<Entity> {
  const { entity } = await readableEntity(q, ctx, caseId, entityId, 'entity');
  return {
    ...presentSummary(entity),
    statements: (await statementsOf(q, [entity.id])).map(presentStatement),
    suggestions: await presentSuggestions(q, ctx, entity.id),
  };
}

/** Every statement ever recorded, superseded ones included, oldest first. */
export async function entityHistory(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
): Promise<EntityHistory> {
  const { entity } = await readableEntity(q, ctx, caseId, entityId, 'history');
  return {
    entityId,
    statements: (await statementsOf(q, [entity.id], { history: true })).map(presentStatement),
  };
}

function auditWrite(
  q: Queryable,
  ctx: RequestContext,
  entity: EntityRow,
  operation: 'collection' | 'alteration',
  details: Record<string, unknown>,
): Promise<void> {
  const person = entity.schema === PERSON_SCHEMA;
  return appendAudit(q, ctx, {
    operation,
    action: 'case.edit',
    recordType: 'entity',
    recordId: entity.id,
    ...(person && { subjectId: entity.id, subjectLabel: entity.caption }),
    outcome: 'allowed',
    details: { caseId: entity.caseId, ...details },
  });
}

/** Saves an entity with what is known of it, then looks for the same person in other cases. */
export async function createEntity(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  input: EntityCreate,
): Promise<Entity> {
  const actor = signedIn(ctx);
  await authorizedCase(q, ctx, caseId, 'case.edit');
  await checkEnds(q, caseId, input.schema, input.statements, (i) => `statements.${i}.value`);
  const now = new Date();
  const row: EntityRow = {
    id: uuidv7(),
    caseId,
    schema: input.schema,
    caption: input.caption,
    sourceId: null,
    canonicalId: null,
    createdBy: actor.userId,
    createdAt: now,
  };
  await insertEntities(q, [row]);
  await insertStatements(
    q,
    input.statements.map((s) => statementRow(row.id, s, actor.userId, now)),
  );
  await syncEdges(q, caseId, [row.id]);
  await auditWrite(q, ctx, row, 'collection', { schema: row.schema, statements: input.statements.length });
  await linkEntities(q, ctx, caseId, [row.id]);
  return {
    ...presentSummary(row),
    statements: (await statementsOf(q, [row.id])).map(presentStatement),
    suggestions: await presentSuggestions(q, ctx, row.id),
  };
}

async function editableEntity(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
): Promise<EntityRow> {
  await authorizedCase(q, ctx, caseId, 'case.edit');
  const entity = await findEntity(q, caseId, entityId);
  if (!entity) throw new AppError('not_found');
  return entity;
}

export async function addStatement(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
  input: StatementInput,
): Promise<Statement> {
  const actor = signedIn(ctx);
  const entity = await editableEntity(q, ctx, caseId, entityId);
  await checkEnds(q, caseId, entity.schema, [input], () => 'value');
  const row = statementRow(entity.id, input, actor.userId, new Date());
  await insertStatements(q, [row]);
  await syncEdges(q, caseId, [entity.id]);
  await auditWrite(q, ctx, entity, 'alteration', { statement: row.id, property: row.property });
  await linkEntities(q, ctx, caseId, [entity.id]);
  return presentStatement(row);
}

/** A correction is a new statement of the same property; the corrected one stays, superseded. */
export async function correctStatement(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
  statementId: string,
  input: StatementCorrection,
): Promise<Statement> {
  const actor = signedIn(ctx);
  const entity = await editableEntity(q, ctx, caseId, entityId);
  const corrected = await findStatement(q, entity.id, statementId);
  if (!corrected) throw new AppError('not_found');
  const correction = { property: corrected.property, ...input };
  await checkEnds(q, caseId, entity.schema, [correction], () => 'value');
  const row = statementRow(entity.id, correction, actor.userId, new Date());
  await insertStatements(q, [row]);
  if (!(await markSuperseded(q, corrected.id, row.id))) throw alreadyDecided('The statement');
  await syncEdges(q, caseId, [entity.id]);
  await linkEntities(q, ctx, caseId, [entity.id]);
  await auditWrite(q, ctx, entity, 'alteration', {
    statement: row.id,
    corrects: corrected.id,
    property: row.property,
  });
  return presentStatement({ ...row });
}
