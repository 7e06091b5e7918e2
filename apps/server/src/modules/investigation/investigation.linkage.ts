import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { createBlockIndex, FtmPersonCollector, POSSIBLE_THRESHOLD } from '@veza/matching';
import type { BlockMatch, FtmEntity, PersonRecord } from '@veza/matching';
import { RELATIONSHIP_TYPES } from '@veza/graph';
import { appendAudit } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { signedIn, visibleCaseIds } from './investigation.access.ts';
import {
  insertSuggestions,
  listEntities,
  statementsOf,
  type EntityRow,
  type StatementRow,
} from './investigation.entities.repository.ts';

/** Entities of some cases as FtM, relationship ends rewritten as the identifiers they carry. */
async function personRecords(q: Queryable, caseIds: readonly string[]): Promise<PersonRecord[]> {
  const rows = await listEntities(q, caseIds);
  const values = groupValues(
    await statementsOf(
      q,
      rows.map((r) => r.id),
    ),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const collector = new FtmPersonCollector();
  for (const row of rows) {
    for (const entity of asFtm(row, values, byId)) collector.add(entity);
  }
  return collector.records();
}

function groupValues(statements: readonly StatementRow[]): Map<string, Record<string, string[]>> {
  const byEntity = new Map<string, Record<string, string[]>>();
  for (const s of statements) {
    const properties = byEntity.get(s.entityId) ?? {};
    (properties[s.property] ??= []).push(s.value);
    byEntity.set(s.entityId, properties);
  }
  return byEntity;
}

/**
 * The matcher knows FtM's way of tying a phone or a vehicle to its holder (`person`, `owner` on the
 * Phone or Vehicle); case data says it with a relationship entity (UsesPhone, Drives, Ownership).
 * Such a relationship becomes a copy of the thing it points at, held by the person.
 */
function asFtm(
  row: EntityRow,
  values: Map<string, Record<string, string[]>>,
  byId: Map<string, EntityRow>,
): FtmEntity[] {
  const properties = values.get(row.id) ?? {};
  const ends = RELATIONSHIP_TYPES[row.schema];
  if (!ends) return [{ id: row.id, schema: row.schema, properties: { name: [row.caption], ...properties } }];
  const holders = properties[ends.source] ?? [];
  return (properties[ends.target] ?? []).flatMap((targetId) => {
    const target = byId.get(targetId);
    if (!target) return [];
    return [
      {
        id: `${row.id}:${targetId}`,
        schema: target.schema,
        properties: { ...values.get(targetId), owner: holders, person: holders },
      },
    ];
  });
}

export interface LinkageResult {
  /** Candidate matches found; `stored` leaves out pairs suggested before. */
  suggestions: number;
  stored: number;
  compared: number;
}

/**
 * Matches the Person entities just saved or imported against the Persons of every other case the
 * actor may see, as the actor: a suggestion never points into a case its finder could not open.
 * Candidates at or above the 'possible' threshold are stored with their explanation, and the run
 * is audited as a combination (LED art. 25).
 */
export async function linkPersons(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityIds: readonly string[],
): Promise<LinkageResult> {
  const actor = signedIn(ctx);
  const wanted = new Set(entityIds);
  const own = (await personRecords(q, [caseId])).filter((r) => wanted.has(r.id));
  if (own.length === 0) return { suggestions: 0, stored: 0, compared: 0 };
  const others = (await visibleCaseIds(q, actor)).filter((id) => id !== caseId);
  const candidates = await personRecords(q, others);
  if (candidates.length === 0) return { suggestions: 0, stored: 0, compared: 0 };
  const index = createBlockIndex(candidates);
  const rows = own.flatMap((record) =>
    index
      .query(record, { threshold: POSSIBLE_THRESHOLD, explain: true, limit: 20 })
      .map((match) => suggestionRow(record.id, match, actor.userId)),
  );
  const stored = await insertSuggestions(q, rows);
  await appendAudit(q, ctx, {
    operation: 'combination',
    action: 'case.edit',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: {
      persons: own.length,
      casesSearched: others.length,
      candidates: candidates.length,
      suggestions: rows.length,
    },
  });
  return { suggestions: rows.length, stored, compared: candidates.length };
}

function suggestionRow(entityId: string, match: BlockMatch, createdBy: string) {
  const { comparison } = match;
  return {
    id: uuidv7(),
    entityA: entityId,
    entityB: match.id,
    score: Math.round(match.score * 1000),
    // Plain JSON: the explanation is shown as stored, whatever the matcher's types become.
    explanation: JSON.parse(
      JSON.stringify({
        decision: comparison.decision,
        evidence: comparison.evidence,
        fields: comparison.fields,
        name: comparison.name?.explanation ?? null,
      }),
    ) as Record<string, unknown>,
    status: 'pending',
    createdBy,
  };
}
