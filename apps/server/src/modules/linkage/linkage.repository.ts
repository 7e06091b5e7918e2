import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@veza/db';
import { casesWithTeams, type CaseMemberRow, type CaseRow } from '../cases/index.ts';
import { entitiesSaying, type EntityRow } from '../entities/index.ts';
import { unitPlacements } from '../organisation/index.ts';

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

/** The entities being matched, with what they say now (entities' subquery), and their cases. */
function matchedFrom(q: Queryable) {
  const entity = entitiesSaying(q, 'matched_entity');
  const kase = casesWithTeams(q, 'matched_case');
  const row = {
    id: entity.id,
    caseId: entity.caseId,
    schema: entity.schema,
    caption: entity.caption,
    canonicalId: entity.canonicalId,
  };
  return { entity, kase, row };
}

/** An entity of the case being keyed: what it says now and the keys stored for it. */
export interface EntityForKeys {
  row: MatchedRow;
  statements: Said[];
  storedKeys: string[];
}

const keysOf = (entityId: unknown) =>
  sql<string[] | null>`(SELECT array_agg(k.key) FROM match_keys k WHERE k.entity_id = ${entityId})`;

/** The identifier keys only (phone, document, plate ...), as `isIdentifierKey` tells them from name blocks. */
const identifierKeysOf = (entityId: unknown) => sql<string[] | null>`(
  SELECT array_agg(k.key) FROM match_keys k
   WHERE k.entity_id = ${entityId}
     AND (split_part(k.key, '|', 1) NOT IN ('person', 'organisation') OR split_part(k.key, '|', 2) NOT IN ('d', 'o', 'y')))`;

function said(pairs: [string, string][] | null): Said[] {
  return (pairs ?? []).map(([property, value]) => ({ property, value }));
}

/** Every entity of a case with its current statements and stored keys, and the case's jurisdiction. */
export async function caseForKeying(
  q: Queryable,
  caseId: string,
): Promise<{ country: string | null; entities: EntityForKeys[] }> {
  const { entity, kase, row } = matchedFrom(q);
  const rows = await q
    .select({ row, country: kase.jurisdictionCode, statements: entity.said, keys: keysOf(entity.id) })
    .from(entity)
    .innerJoin(kase, eq(kase.id, entity.caseId))
    .where(eq(entity.caseId, caseId))
    .orderBy(asc(entity.createdAt), asc(entity.id));
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
  const { entity, kase, row } = matchedFrom(q);
  const placement = unitPlacements(q);
  const rows = await q
    .select({
      row,
      case: {
        id: kase.id,
        reference: kase.reference,
        jurisdictionCode: kase.jurisdictionCode,
        owningUnitId: kase.owningUnitId,
        handlingCode: kase.handlingCode,
      },
      agencyId: placement.agencyId,
      members: kase.team,
      statements: entity.said,
      identifierKeys: identifierKeysOf(entity.id),
      suggestedWith: sql<string[] | null>`(
        SELECT array_agg(CASE WHEN ms.entity_a = ${entity.id} THEN ms.entity_b ELSE ms.entity_a END)
          FROM match_suggestions ms
         WHERE ms.entity_a = ${entity.id} OR ms.entity_b = ${entity.id})`,
    })
    .from(entity)
    .innerJoin(kase, eq(kase.id, entity.caseId))
    .innerJoin(placement, eq(placement.unitId, kase.owningUnitId))
    .where(sql`${entity.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`);
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
