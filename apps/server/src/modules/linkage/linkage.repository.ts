import { asc, eq, sql } from 'drizzle-orm';
import { cases, entities, units } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { CaseMemberRow, CaseRow } from '../cases/index.ts';
import type { EntityRow } from '../entities/index.ts';

/*
 * The queries of matching on save. A save is matched while the analyst waits, so each of these reads
 * in one statement what would otherwise take several round trips: what an entity says comes along as
 * a JSON array, its keys as an array.
 */

/** A current statement, as far as matching reads it. */
export interface Said {
  property: string;
  value: string;
}

/** What matching reads of an entity's own row. */
export type MatchedRow = Pick<EntityRow, 'id' | 'caseId' | 'schema' | 'caption' | 'canonicalId'>;

const matchedRow = {
  id: entities.id,
  caseId: entities.caseId,
  schema: entities.schema,
  caption: entities.caption,
  canonicalId: entities.canonicalId,
};

/** An entity of the case being keyed: what it says now and the keys stored for it. */
export interface EntityForKeys {
  row: MatchedRow;
  statements: Said[];
  storedKeys: string[];
}

const saidOf = sql<[string, string][] | null>`(
  SELECT json_agg(json_build_array(s.property, s.value) ORDER BY s.recorded_at, s.id)
    FROM statements s
   WHERE s.entity_id = ${entities.id} AND s.superseded_by IS NULL)`;

const keysOf = sql<
  string[] | null
>`(SELECT array_agg(k.key) FROM match_keys k WHERE k.entity_id = ${entities.id})`;

/** The identifier keys only (phone, document, plate ...), as `isIdentifierKey` tells them from name blocks. */
const identifierKeysOf = sql<string[] | null>`(
  SELECT array_agg(k.key) FROM match_keys k
   WHERE k.entity_id = ${entities.id}
     AND (split_part(k.key, '|', 1) NOT IN ('person', 'organisation') OR split_part(k.key, '|', 2) NOT IN ('d', 'o', 'y')))`;

function said(pairs: [string, string][] | null): Said[] {
  return (pairs ?? []).map(([property, value]) => ({ property, value }));
}

/** Every entity of a case with its current statements and stored keys, and the case's jurisdiction. */
export async function caseForKeying(
  q: Queryable,
  caseId: string,
): Promise<{ country: string | null; entities: EntityForKeys[] }> {
  const rows = await q
    .select({ row: matchedRow, country: cases.jurisdictionCode, statements: saidOf, keys: keysOf })
    .from(entities)
    .innerJoin(cases, eq(cases.id, entities.caseId))
    .where(eq(entities.caseId, caseId))
    .orderBy(asc(entities.createdAt), asc(entities.id));
  return {
    country: rows[0]?.country ?? null,
    entities: rows.map((r) => ({ row: r.row, statements: said(r.statements), storedKeys: r.keys ?? [] })),
  };
}

export interface KeyHolder {
  key: string;
  entity_id: string;
}

/**
 * Entities holding any of the keys, at most `limit` per key (more marks the key oversized). Only the
 * key's own index is read (an index-only scan); the few candidates kept are read afterwards.
 */
export async function keyHolders(q: Queryable, keys: readonly string[], limit: number): Promise<KeyHolder[]> {
  const out: KeyHolder[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const slice = keys.slice(i, i + 500);
    const result: unknown = await q.execute(sql`
      SELECT k.key, m.entity_id
        FROM unnest(${`{${slice.map((k) => `"${k.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`}::text[]) AS k(key)
        CROSS JOIN LATERAL (
          SELECT entity_id FROM match_keys WHERE match_keys.key = k.key LIMIT ${limit}
        ) m`);
    out.push(...((result as { rows: KeyHolder[] }).rows ?? []));
  }
  return out;
}

/** A candidate found by its keys, with what deciding about it needs. */
export interface CandidateFacts {
  row: MatchedRow;
  /** The candidate's case, and what the case policy and a hit notice read about it. */
  case: Pick<CaseRow, 'id' | 'reference' | 'jurisdictionCode' | 'owningUnitId' | 'handlingCode'>;
  agencyId: string;
  members: Pick<CaseMemberRow, 'userId' | 'role'>[];
  statements: Said[];
  /** Its identifier keys: the normalised phones, documents, plates ... it is known by. */
  identifierKeys: string[];
  /** Entities a suggestion (of any status) already pairs this one with. */
  suggestedWith: string[];
}

/** The candidates' rows, cases, case teams, statements, keys and earlier suggestions, in one read. */
export async function candidateFacts(q: Queryable, ids: readonly string[]): Promise<CandidateFacts[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .select({
      row: matchedRow,
      case: {
        id: cases.id,
        reference: cases.reference,
        jurisdictionCode: cases.jurisdictionCode,
        owningUnitId: cases.owningUnitId,
        handlingCode: cases.handlingCode,
      },
      agencyId: units.agencyId,
      members: sql<[string, string][] | null>`(
        SELECT json_agg(json_build_array(cm.user_id, cm.role)) FROM case_members cm WHERE cm.case_id = ${cases.id})`,
      statements: saidOf,
      identifierKeys: identifierKeysOf,
      suggestedWith: sql<string[] | null>`(
        SELECT array_agg(CASE WHEN ms.entity_a = ${entities.id} THEN ms.entity_b ELSE ms.entity_a END)
          FROM match_suggestions ms
         WHERE ms.entity_a = ${entities.id} OR ms.entity_b = ${entities.id})`,
    })
    .from(entities)
    .innerJoin(cases, eq(cases.id, entities.caseId))
    .innerJoin(units, eq(units.id, cases.owningUnitId))
    .where(sql`${entities.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  return rows.map((r) => ({
    row: r.row,
    case: r.case,
    agencyId: r.agencyId,
    members: (r.members ?? []).map(([userId, role]) => ({ userId, role })),
    statements: said(r.statements),
    identifierKeys: r.identifierKeys ?? [],
    suggestedWith: r.suggestedWith ?? [],
  }));
}
