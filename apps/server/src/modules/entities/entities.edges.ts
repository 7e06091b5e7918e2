import { v7 as uuidv7 } from 'uuid';
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { entities, entityEdges, statements } from '@veza/db';
import type { Queryable } from '@veza/db';
import { isPersonData, RELATIONSHIP_TYPES } from '@veza/graph';
import { appendAudit } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, decide } from '../../platform/policy/index.ts';
import { authorizedCase, justificationFor, personResource, signedIn } from '../cases/index.ts';
import {
  entitiesByIds,
  findEntity,
  statementsOf,
  type EntityRow,
  type StatementRow,
} from './entities.repository.ts';

/**
 * FtM properties whose value names another entity (FtM's `entity` range) besides relationship ends:
 * a Passport's holder, an Event's participants, a Trip's vehicle and places. Entered by hand they hold
 * the entity's id; imported from a file, the id the entity had in that file.
 */
export const REFERENCE_PROPERTIES: ReadonlySet<string> = new Set([
  'holder',
  'owner',
  'addressEntity',
  'involved',
  'organizer',
  'vehicle',
  'startLocation',
  'endLocation',
  'caller',
  'receiver',
  'sender',
  'recipients',
  'parent',
  'proof',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLICE = 1000;

type EdgeRow = typeof entityEdges.$inferInsert;

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

/**
 * Brings `entity_edges` in step with what the current statements of some entities of a case say:
 * one edge per relationship entity from its source end to its target end (both ends entities of
 * the case; several values make one edge per pair), and one edge per plain reference from the
 * entity holding it to the entity it names. The edges these entities stood for before are replaced,
 * so a corrected end moves its edge. Runs in the caller's transaction.
 */
export async function syncEdges(q: Queryable, caseId: string, entityIds: readonly string[]): Promise<number> {
  const owners = await caseEntities(q, caseId, entityIds);
  if (owners.size === 0) return 0;
  // Entities imported before may name these by the ids they had in their file: their edges too.
  const fileIds = [...owners.values()].flatMap((r) => (r.sourceId === null ? [] : [r.sourceId]));
  const referring = await referrers(q, caseId, fileIds);
  for (const [id, row] of await caseEntities(q, caseId, referring)) owners.set(id, row);
  const ids = [...owners.keys()];
  const said: StatementRow[] = [];
  for (const part of slices(ids)) said.push(...(await statementsOf(q, part)));
  // Where the edges of relationship entities start from, now and before a correction: the old
  // edges are found through the source index (there is none on relationship_id).
  const everSaid: StatementRow[] = [];
  const relationshipIds = ids.filter((id) => RELATIONSHIP_TYPES[(owners.get(id) as EntityRow).schema]);
  for (const part of slices(relationshipIds))
    everSaid.push(...(await statementsOf(q, part, { history: true })));
  const sourceEnds = everSaid.filter(
    (s) => s.property === RELATIONSHIP_TYPES[(owners.get(s.entityId) as EntityRow).schema]?.source,
  );
  const resolve = await resolver(
    q,
    caseId,
    [...said, ...sourceEnds].map((s) => s.value),
  );
  const rows: EdgeRow[] = [];
  const values = new Map<string, Map<string, string[]>>();
  for (const s of said) {
    const byProperty = values.get(s.entityId) ?? new Map<string, string[]>();
    const list = byProperty.get(s.property) ?? [];
    list.push(s.value);
    byProperty.set(s.property, list);
    values.set(s.entityId, byProperty);
  }
  for (const [id, byProperty] of values) {
    const owner = owners.get(id) as EntityRow;
    const ends = RELATIONSHIP_TYPES[owner.schema];
    if (ends) {
      const sources = entityIdsAmong(byProperty.get(ends.source), resolve);
      const targets = entityIdsAmong(byProperty.get(ends.target), resolve);
      for (const sourceId of sources)
        for (const targetId of targets)
          rows.push({ id: uuidv7(), caseId, sourceId, targetId, relationshipId: id, label: owner.schema });
    }
    for (const [property, list] of byProperty) {
      if (ends && (property === ends.source || property === ends.target)) continue;
      for (const targetId of entityIdsAmong(list, resolve, REFERENCE_PROPERTIES.has(property))) {
        if (targetId !== id)
          rows.push({ id: uuidv7(), caseId, sourceId: id, targetId, relationshipId: null, label: property });
      }
    }
  }
  for (const part of slices(ids)) {
    const inPart = new Set(part);
    const starts = new Set(part);
    for (const s of sourceEnds)
      if (inPart.has(s.entityId)) for (const id of entityIdsAmong([s.value], resolve)) starts.add(id);
    await q
      .delete(entityEdges)
      .where(
        and(
          eq(entityEdges.caseId, caseId),
          inArray(entityEdges.sourceId, [...starts]),
          or(
            inArray(entityEdges.relationshipId, part),
            and(isNull(entityEdges.relationshipId), inArray(entityEdges.sourceId, part)),
          ),
        ),
      );
  }
  for (const part of slices(rows)) await q.insert(entityEdges).values(part);
  return rows.length;
}

/**
 * Rebuilds the edges of every entity of every case: for loaders that write entities without the
 * services (the demo seed and its chart network), run once in their transaction.
 */
export async function rebuildEdges(q: Queryable): Promise<number> {
  const rows = await q.select({ id: entities.id, caseId: entities.caseId }).from(entities);
  const byCase = new Map<string, string[]>();
  for (const row of rows) {
    const list = byCase.get(row.caseId) ?? [];
    list.push(row.id);
    byCase.set(row.caseId, list);
  }
  let count = 0;
  for (const [caseId, ids] of byCase) count += await syncEdges(q, caseId, ids);
  return count;
}

/** The ends of a relationship entity, read from its edges: several values of an end make several ids. */
export interface RelationshipEnds {
  source: string[];
  target: string[];
}

/** The ends of every relationship entity of a case, in one query on the case index of `entity_edges`. */
export async function relationshipEnds(q: Queryable, caseId: string): Promise<Map<string, RelationshipEnds>> {
  const rows = await q
    .select({
      relationshipId: entityEdges.relationshipId,
      sourceId: entityEdges.sourceId,
      targetId: entityEdges.targetId,
    })
    .from(entityEdges)
    .where(and(eq(entityEdges.caseId, caseId), isNotNull(entityEdges.relationshipId)))
    .orderBy(entityEdges.id);
  const ends = new Map<string, RelationshipEnds>();
  for (const row of rows) {
    if (row.relationshipId === null) continue;
    const found = ends.get(row.relationshipId) ?? { source: [], target: [] };
    if (!found.source.includes(row.sourceId)) found.source.push(row.sourceId);
    if (!found.target.includes(row.targetId)) found.target.push(row.targetId);
    ends.set(row.relationshipId, found);
  }
  return ends;
}

async function caseEntities(
  q: Queryable,
  caseId: string,
  entityIds: readonly string[],
): Promise<Map<string, EntityRow>> {
  const found = new Map<string, EntityRow>();
  for (const part of slices([...new Set(entityIds)]))
    for (const row of await entitiesByIds(q, part)) if (row.caseId === caseId) found.set(row.id, row);
  return found;
}

/** Entities of the case whose current statements name one of these file ids where a reference is expected. */
async function referrers(q: Queryable, caseId: string, fileIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const part of slices([...new Set(fileIds)])) {
    const rows = await q
      .selectDistinct({ id: statements.entityId })
      .from(statements)
      .innerJoin(entities, eq(entities.id, statements.entityId))
      .where(
        and(
          eq(entities.caseId, caseId),
          isNull(statements.supersededBy),
          inArray(statements.property, [...REFERENCE_PROPERTIES]),
          inArray(statements.value, part),
        ),
      );
    for (const row of rows) out.add(row.id);
  }
  return [...out];
}

interface Resolver {
  byId: ReadonlySet<string>;
  bySourceId: ReadonlyMap<string, string>;
}

/** Which of these values name an entity of the case, by its id or by the id it had in its file. */
async function resolver(q: Queryable, caseId: string, values: readonly string[]): Promise<Resolver> {
  const distinct = [...new Set(values)];
  const uuids = distinct.filter((v) => UUID.test(v));
  const byId = new Set<string>();
  for (const part of slices(uuids))
    for (const row of await entitiesByIds(q, part)) if (row.caseId === caseId) byId.add(row.id);
  const others = distinct.filter((v) => !byId.has(v) && v.length <= 200);
  const bySourceId = new Map<string, string>();
  for (const part of slices(others)) {
    const found = await q
      .select({ id: entities.id, sourceId: entities.sourceId })
      .from(entities)
      .where(and(eq(entities.caseId, caseId), inArray(entities.sourceId, part)));
    for (const row of found) if (row.sourceId !== null) bySourceId.set(row.sourceId, row.id);
  }
  return { byId, bySourceId };
}

/** The entity ids among some values; ids from a file count only where a reference is expected. */
function entityIdsAmong(list: readonly string[] | undefined, resolve: Resolver, bySourceId = true): string[] {
  const out = new Set<string>();
  for (const value of list ?? []) {
    const id = resolve.byId.has(value) ? value : bySourceId ? resolve.bySourceId.get(value) : undefined;
    if (id) out.add(id);
  }
  return [...out];
}

export interface TwoHopEdge {
  id: string;
  sourceId: string;
  targetId: string;
  /** The relationship entity the edge stands for; null for a plain reference. */
  relationshipId: string | null;
  label: string;
  /** 1: touches the start entity; 2: one step further. */
  hop: 1 | 2;
}

export interface TwoHopNode {
  id: string;
  schema: string;
  /** Empty when `withheld`. */
  caption: string;
  /** A Person the reader may not identify (a supervisor by rank, not on the team): no caption. */
  withheld: boolean;
  /** 0 for the start entity, else the fewest edges from it. */
  hops: 0 | 1 | 2;
}

export interface TwoHop {
  entityId: string;
  nodes: TwoHopNode[];
  edges: TwoHopEdge[];
  /** True when more edges were there than `limit`: first-hop edges are kept before second-hop ones. */
  truncated: boolean;
}

export const TWO_HOP_DEFAULT_LIMIT = 500;
export const TWO_HOP_MAX_LIMIT = 5000;

interface TwoHopRow {
  edges: Array<{
    id: string;
    source_id: string;
    target_id: string;
    relationship_id: string | null;
    label: string;
    hop: number;
  }> | null;
  nodes: Array<{ id: string; schema: string; caption: string }> | null;
}

/**
 * The two-hop neighbourhood of an entity, direction ignored, in one SQL query on the source and
 * target indexes of `entity_edges`: the edges touching the entity, then the edges touching its
 * neighbours (an edge between two neighbours once), at most `limit` edges with first-hop edges
 * first, and the entities at their ends. Streaming plans stop at the limit, so a hub costs no more
 * than `limit` index entries per hop.
 */
export async function twoHop(
  q: Queryable,
  entityId: string,
  options: { limit?: number } = {},
): Promise<TwoHop> {
  const limit = Math.max(1, Math.min(TWO_HOP_MAX_LIMIT, Math.floor(options.limit ?? TWO_HOP_DEFAULT_LIMIT)));
  const result: unknown = await q.execute(sql`
    WITH first_hop AS (
      SELECT * FROM (
        SELECT e.id, e.source_id, e.target_id, e.relationship_id, e.label, e.target_id AS other
          FROM entity_edges e WHERE e.source_id = ${entityId}
        UNION ALL
        SELECT e.id, e.source_id, e.target_id, e.relationship_id, e.label, e.source_id AS other
          FROM entity_edges e WHERE e.target_id = ${entityId} AND e.source_id <> ${entityId}
      ) f LIMIT ${limit + 1}
    ),
    ring AS (SELECT DISTINCT other AS id FROM first_hop WHERE other <> ${entityId}),
    second_hop AS (
      SELECT e.id, e.source_id, e.target_id, e.relationship_id, e.label
        FROM ring r JOIN entity_edges e ON e.source_id = r.id
       WHERE e.target_id <> ${entityId}
         AND (e.target_id NOT IN (SELECT id FROM ring) OR e.source_id <= e.target_id)
      UNION ALL
      SELECT e.id, e.source_id, e.target_id, e.relationship_id, e.label
        FROM ring r JOIN entity_edges e ON e.target_id = r.id
       WHERE e.source_id <> ${entityId} AND e.source_id <> e.target_id
         AND (e.source_id NOT IN (SELECT id FROM ring) OR e.target_id < e.source_id)
    ),
    picked AS (
      SELECT * FROM (
        SELECT id, source_id, target_id, relationship_id, label, 1 AS hop FROM first_hop
        UNION ALL
        SELECT id, source_id, target_id, relationship_id, label, 2 AS hop FROM second_hop
      ) p LIMIT ${limit + 1}
    ),
    ends AS (
      SELECT ${entityId}::uuid AS id UNION SELECT source_id FROM picked UNION SELECT target_id FROM picked
    )
    SELECT
      (SELECT json_agg(picked) FROM picked) AS edges,
      (SELECT json_agg(json_build_object('id', n.id, 'schema', n.schema, 'caption', n.caption))
         FROM ends JOIN entities n ON n.id = ends.id) AS nodes
  `);
  const [row] = rowsOf<TwoHopRow>(result);
  const all = row?.edges ?? [];
  const truncated = all.length > limit;
  const edges: TwoHopEdge[] = all.slice(0, limit).map((e) => ({
    id: e.id,
    sourceId: e.source_id,
    targetId: e.target_id,
    relationshipId: e.relationship_id,
    label: e.label,
    hop: e.hop === 1 ? 1 : 2,
  }));
  const ring = new Set(
    edges.filter((e) => e.hop === 1).map((e) => (e.sourceId === entityId ? e.targetId : e.sourceId)),
  );
  const present = new Set(edges.flatMap((e) => [e.sourceId, e.targetId]));
  present.add(entityId);
  const nodes = (row?.nodes ?? [])
    .filter((n) => present.has(n.id))
    .map((n): TwoHopNode => ({
      id: n.id,
      schema: n.schema,
      caption: n.caption,
      withheld: false,
      hops: n.id === entityId ? 0 : ring.has(n.id) ? 1 : 2,
    }))
    .sort((a, b) => a.hops - b.hops || a.caption.localeCompare(b.caption) || a.id.localeCompare(b.id));
  return { entityId, nodes, edges, truncated };
}

/** node-postgres answers `{ rows }`, PGlite's Drizzle driver too; an array is taken as it is. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The two-hop neighbourhood of an entity of a case, for its team (case.view). Starting from a Person
 * is a consultation of who that person is: the person policy, a justification, and the audit trail
 * (LED art. 25), as when the person is opened. Any neighbourhood puts persons side by side with
 * what they are linked to, so every read is logged with what it showed; a reader who may see the
 * case but not who its persons are (a supervisor by rank) gets their nodes without captions.
 */
export async function entityNeighbourhood(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
  options: { limit?: number | undefined } = {},
): Promise<TwoHop> {
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  const entity = await findEntity(q, caseId, entityId);
  if (!entity) throw new AppError('not_found');
  const person = entity.schema === 'Person';
  // From a Person or a relationship (named by and said of persons): the team only, as when opened.
  if (isPersonData(entity.schema)) authorize(ctx, 'person.identity.view', personResource(loaded, entity));
  const justification = person ? justificationFor(ctx, caseId) : undefined;
  const raw = await twoHop(q, entity.id, options.limit === undefined ? {} : { limit: options.limit });
  const identify =
    person || decide(signedIn(ctx), 'person.identity.view', personResource(loaded, entity)).allowed;
  const found: TwoHop = identify
    ? raw
    : {
        ...raw,
        nodes: raw.nodes.map((n) => (isPersonData(n.schema) ? { ...n, caption: '', withheld: true } : n)),
      };
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: person ? 'person.identity.view' : 'case.view',
    recordType: 'entity',
    recordId: entity.id,
    ...(person && { subjectId: entity.id, subjectLabel: entity.caption }),
    ...(justification !== undefined && { justification }),
    outcome: 'allowed',
    details: {
      caseId,
      read: 'two-hop',
      nodes: found.nodes.length,
      persons: found.nodes.filter((n) => n.schema === 'Person').length,
      edges: found.edges.length,
    },
  });
  return found;
}

/** A case's edges, in id order: what the link chart draws between entities. */
export async function edgesOfCase(
  q: Queryable,
  caseId: string,
): Promise<
  { id: string; sourceId: string; targetId: string; relationshipId: string | null; label: string }[]
> {
  return q
    .select({
      id: entityEdges.id,
      sourceId: entityEdges.sourceId,
      targetId: entityEdges.targetId,
      relationshipId: entityEdges.relationshipId,
      label: entityEdges.label,
    })
    .from(entityEdges)
    .where(eq(entityEdges.caseId, caseId))
    .orderBy(asc(entityEdges.id));
}
