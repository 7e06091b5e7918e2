import { v7 as uuidv7 } from 'uuid';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { caseMembers, cases, linkageHits, matchKeys, matchSuggestions, units } from '@veza/db';
import type { Queryable } from '@veza/db';
import { compareRecords, POSSIBLE_THRESHOLD, prepareRecord, SAME_THRESHOLD } from '@veza/matching';
import type { PersonRecord, PreparedRecord, RecordComparison } from '@veza/matching';
import type { LinkKind } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { notify } from '../notifications/index.ts';
import { decide } from '../../platform/policy/index.ts';
import { caseResource, signedIn } from './investigation.access.ts';
import { membersOf } from './investigation.cases.repository.ts';
import {
  entitiesByIds,
  insertSuggestions,
  statementsOf,
  type EntityRow,
} from './investigation.entities.repository.ts';
import {
  fieldOfKind,
  groupStatements,
  identifiersFromKeys,
  isIdentifierKey,
  isLooseNameKey,
  refreshCaseKeys,
  type KeyedEntity,
} from './investigation.keys.ts';

export interface LinkageResult {
  /** Candidate matches found in cases the actor may see; `stored` leaves out pairs suggested before. */
  suggestions: number;
  stored: number;
  /** New hit/no-hit answers about cases the actor may not see. */
  hits: number;
  compared: number;
}

/** A name block holding this many entities says too little to read (identifier blocks are read). */
const BLOCK_LIMIT = 200;
/** A save answers at most this many hits, the best first: enough to know whom to call. */
const HITS_PER_SAVE = 10;
/** Persons and organisations: at most this many candidates are scored, those sharing most keys. */
const SCORED_CANDIDATES = 40;

interface KeyRow {
  key: string;
  entity_id: string;
}

/**
 * Entities holding any of the keys, at most BLOCK_LIMIT + 1 per key (more marks the key oversized).
 * Only the key's own index is read (an index-only scan); cases are looked up for the few kept.
 */
async function holdersOf(q: Queryable, keys: readonly string[]): Promise<KeyRow[]> {
  const out: KeyRow[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const slice = keys.slice(i, i + 500);
    const result: unknown = await q.execute(sql`
      SELECT k.key, m.entity_id
        FROM (VALUES ${sql.join(
          slice.map((key) => sql`(${key})`),
          sql`, `,
        )}) AS k(key)
        CROSS JOIN LATERAL (
          SELECT entity_id FROM match_keys WHERE match_keys.key = k.key LIMIT ${BLOCK_LIMIT + 1}
        ) m`);
    out.push(...((result as { rows: KeyRow[] }).rows ?? []));
  }
  return out;
}

interface Candidate {
  entityId: string;
  caseId: string;
  shared: string[];
  weight: number;
}

/** Per saved entity, the entities of other cases sharing a readable key with it. */
function candidatesByTarget(
  targets: readonly KeyedEntity[],
  rows: readonly KeyRow[],
  ownCase: ReadonlySet<string>,
): Map<string, Candidate[]> {
  const byKey = new Map<string, KeyRow[]>();
  for (const r of rows) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  const out = new Map<string, Candidate[]>();
  for (const target of targets) {
    const found = new Map<string, Candidate>();
    for (const key of target.keys) {
      const holders = byKey.get(key) ?? [];
      if (holders.length > BLOCK_LIMIT && !isIdentifierKey(key)) continue;
      for (const h of holders) {
        if (ownCase.has(h.entity_id)) continue;
        const c = found.get(h.entity_id) ?? {
          entityId: h.entity_id,
          caseId: '',
          shared: [] as string[],
          weight: 0,
        };
        c.shared.push(key);
        c.weight += isIdentifierKey(key) ? 20 : isLooseNameKey(key) ? 1 : 5;
        found.set(h.entity_id, c);
      }
    }
    const list = [...found.values()].sort((a, b) => b.weight - a.weight);
    out.set(
      target.row.id,
      target.kind === 'person' || target.kind === 'organisation' ? list.slice(0, SCORED_CANDIDATES) : list,
    );
  }
  return out;
}

/** Fills in the case of each candidate kept; returns the candidates' rows for scoring. */
async function placeInCases(
  q: Queryable,
  candidates: Map<string, Candidate[]>,
): Promise<Map<string, EntityRow>> {
  const all = [...candidates.values()].flat();
  if (all.length === 0) return new Map();
  const rows = await entitiesByIds(q, [...new Set(all.map((c) => c.entityId))]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const c of all) c.caseId = byId.get(c.entityId)?.caseId ?? '';
  return byId;
}

/** Stored persons and organisations as records: names from statements, identifiers from their keys. */
async function storedRecords(
  q: Queryable,
  ids: readonly string[],
  byId: Map<string, EntityRow>,
): Promise<Map<string, PreparedRecord>> {
  if (ids.length === 0) return new Map();
  // One query at a time: a transaction is one connection.
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const statements = await statementsOf(q, ids);
  const keys = await q
    .select({ key: matchKeys.key, entityId: matchKeys.entityId })
    .from(matchKeys)
    .where(inArray(matchKeys.entityId, [...ids]));
  const byEntity = groupStatements(statements);
  const keysOf = new Map<string, string[]>();
  for (const k of keys) {
    if (!isIdentifierKey(k.key)) continue;
    keysOf.set(k.entityId, [...(keysOf.get(k.entityId) ?? []), k.key]);
  }
  const out = new Map<string, PreparedRecord>();
  for (const row of rows) {
    const of = (...props: string[]) =>
      (byEntity.get(row.id) ?? []).filter((s) => props.includes(s.property)).map((s) => s.value);
    const gender = of('gender')[0]?.toLowerCase();
    const record: PersonRecord = {
      id: row.id,
      names: [row.caption, ...of('name', 'alias', 'previousName')],
      birthDates: of('birthDate'),
      gender: gender === 'male' || gender === 'female' ? gender : null,
      nationalities: of('nationality', 'citizenship'),
      ...identifiersFromKeys(keysOf.get(row.id) ?? []),
    };
    out.set(row.id, prepareRecord(record));
  }
  return out;
}

interface Scored {
  target: KeyedEntity;
  candidate: Candidate;
  score: number;
  explanation: Record<string, unknown>;
}

function explanationOf(comparison: RecordComparison): Record<string, unknown> {
  // Plain JSON: the explanation is shown as stored, whatever the matcher's types become.
  return JSON.parse(
    JSON.stringify({
      decision: comparison.decision,
      evidence: comparison.evidence,
      fields: comparison.fields,
      name: comparison.name?.explanation ?? null,
    }),
  ) as Record<string, unknown>;
}

/** An identifier shared is the match: the explanation says which value, in the matcher's shape. */
function identifierExplanation(kind: LinkKind, shared: readonly string[]): Record<string, unknown> {
  const value = shared[0]?.slice(kind.length + 1) ?? '';
  return {
    decision: 'same',
    evidence: 20,
    fields: [{ field: fieldOfKind(kind), outcome: 'agree', weight: 20, detail: `shared ${value}` }],
    name: null,
  };
}

async function score(
  q: Queryable,
  targets: readonly KeyedEntity[],
  candidates: Map<string, Candidate[]>,
  rows: Map<string, EntityRow>,
): Promise<{ scored: Scored[]; compared: number }> {
  const named = new Set<string>();
  for (const t of targets) {
    if (t.record === null) continue;
    for (const c of candidates.get(t.row.id) ?? []) named.add(c.entityId);
  }
  const records = await storedRecords(q, [...named], rows);
  const scored: Scored[] = [];
  let compared = 0;
  for (const target of targets) {
    for (const candidate of candidates.get(target.row.id) ?? []) {
      compared++;
      if (target.record === null) {
        scored.push({
          target,
          candidate,
          score: 1,
          explanation: identifierExplanation(target.kind, candidate.shared),
        });
        continue;
      }
      const other = records.get(candidate.entityId);
      if (!other) continue;
      const comparison = compareRecords(target.record, other, { explain: false });
      if (comparison.score < POSSIBLE_THRESHOLD) continue;
      const explained = compareRecords(target.record, other, { explain: true });
      scored.push({ target, candidate, score: explained.score, explanation: explanationOf(explained) });
    }
  }
  return { scored, compared };
}

/** Which of these cases the actor may see, by the case policy (the same answer as opening each). */
async function visibleAmong(q: Queryable, actor: Actor, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await q
    .select({ row: cases, agencyId: units.agencyId })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.owningUnitId))
    .where(inArray(cases.id, [...caseIds]));
  const members = await membersOf(q, caseIds);
  return new Set(
    rows
      .filter(
        ({ row, agencyId }) =>
          decide(actor, 'case.view', caseResource({ row, agencyId, members: members.get(row.id) ?? [] }))
            .allowed,
      )
      .map(({ row }) => row.id),
  );
}

/** Pairs already suggested (in either direction), whatever became of them: a rejection is final. */
async function knownPairs(q: Queryable, scored: readonly Scored[]): Promise<Set<string>> {
  if (scored.length === 0) return new Set();
  const ids = [...new Set(scored.flatMap((s) => [s.target.row.id, s.candidate.entityId]))];
  const rows = await q
    .select({ a: matchSuggestions.entityA, b: matchSuggestions.entityB })
    .from(matchSuggestions)
    .where(or(inArray(matchSuggestions.entityA, ids), inArray(matchSuggestions.entityB, ids)));
  return new Set(rows.flatMap((r) => [`${r.a}|${r.b}`, `${r.b}|${r.a}`]));
}

/** Pairs already joined into one canonical entity need no suggestion. */
function sameCanonical(scored: readonly Scored[], rows: Map<string, EntityRow>): Set<string> {
  return new Set(
    scored
      .filter((s) => {
        const a = s.target.row.canonicalId;
        return a !== null && a === rows.get(s.candidate.entityId)?.canonicalId;
      })
      .map((s) => `${s.target.row.id}|${s.candidate.entityId}`),
  );
}

/** A match in a case the actor may not see: the actor's entity and the one it matched there. */
export interface HitPair {
  queryEntityId: string;
  hitEntityId: string;
  hitCaseId: string;
  kind: LinkKind;
  score: number;
}

/**
 * Stores hit/no-hit answers about cases the actor may not see and tells the owners of those cases
 * that someone has a hit: the case reference and the requesting unit, never a name. A pair found
 * before is not stored or told twice. Returns the hits that are new.
 */
export async function recordHits(q: Queryable, actor: Actor, hits: readonly HitPair[]): Promise<number> {
  if (hits.length === 0) return 0;
  const inserted = await q
    .insert(linkageHits)
    .values(
      hits.map((h) => ({
        id: uuidv7(),
        queryEntityId: h.queryEntityId,
        hitEntityId: h.hitEntityId,
        requestedBy: actor.userId,
        score: Math.round(h.score * 1000),
        status: 'notified',
      })),
    )
    .onConflictDoNothing()
    .returning({ id: linkageHits.id, hitEntityId: linkageHits.hitEntityId });
  if (inserted.length === 0) return 0;
  await notifyOwners(q, actor, inserted, hits);
  return inserted.length;
}

async function notifyOwners(
  q: Queryable,
  actor: Actor,
  inserted: readonly { id: string; hitEntityId: string }[],
  hits: readonly HitPair[],
): Promise<void> {
  const caseOf = new Map(hits.map((h) => [h.hitEntityId, h.hitCaseId]));
  const kindOf = new Map(hits.map((h) => [h.hitEntityId, h.kind]));
  const caseIds = [...new Set(inserted.map((h) => caseOf.get(h.hitEntityId) ?? ''))];
  const owners = await q
    .select({ caseId: caseMembers.caseId, userId: caseMembers.userId })
    .from(caseMembers)
    .where(and(inArray(caseMembers.caseId, caseIds), eq(caseMembers.role, 'owner')));
  const refs = await q
    .select({ id: cases.id, reference: cases.reference })
    .from(cases)
    .where(inArray(cases.id, caseIds));
  const [unit] = await q.select({ name: units.name }).from(units).where(eq(units.id, actor.unitId));
  const reference = new Map(refs.map((r) => [r.id, r.reference]));
  // One notice per case and owner, however many of its entities the save matched.
  const byCase = new Map<string, { id: string; hitEntityId: string }[]>();
  for (const hit of inserted) {
    const caseId = caseOf.get(hit.hitEntityId) ?? '';
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), hit]);
  }
  for (const [caseId, caseHits] of byCase) {
    const first = caseHits[0];
    if (!first) continue;
    for (const owner of owners.filter((o) => o.caseId === caseId)) {
      await notify(q, {
        to: { userId: owner.userId },
        kind: 'hit',
        payload: {
          reference: reference.get(caseId) ?? '',
          kind: kindOf.get(first.hitEntityId) ?? 'person',
          hits: caseHits.length,
          unit: unit?.name ?? '',
          jurisdiction: actor.jurisdiction,
        },
        link: '/linkage/hits',
        dedupeKey: `hit:${first.id}:${owner.userId}`,
      });
    }
  }
}

/**
 * Runs after entities of a case are saved or imported: brings the case's match keys up to date, then
 * matches the saved entities (and any that gained a key, such as a person just tied to a phone)
 * against every case by key. Candidates in cases the actor may see become suggestions with the
 * matcher's explanation; candidates elsewhere become hits, which tell the actor only that a match
 * exists and where, and tell the owners of those cases that someone has one. The run is audited as
 * a combination (LED art. 25).
 */
export async function linkEntities(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityIds: readonly string[],
): Promise<LinkageResult> {
  const actor = signedIn(ctx);
  const { entities: keyed, gained } = await refreshCaseKeys(q, caseId);
  const wanted = new Set([...entityIds, ...gained]);
  const targets = [...keyed.values()].filter((e) => wanted.has(e.row.id) && e.keys.length > 0);
  const none = { suggestions: 0, stored: 0, hits: 0, compared: 0 };
  if (targets.length === 0) return none;
  const rows = await holdersOf(q, [...new Set(targets.flatMap((t) => t.keys))]);
  const candidates = candidatesByTarget(targets, rows, new Set(keyed.keys()));
  const rowsById = await placeInCases(q, candidates);
  const { scored, compared } = await score(q, targets, candidates, rowsById);
  if (scored.length === 0) return { ...none, compared };
  const visible = await visibleAmong(q, actor, [...new Set(scored.map((s) => s.candidate.caseId))]);
  const known = await knownPairs(q, scored);
  const joined = sameCanonical(scored, rowsById);
  const fresh = scored.filter(
    (s) =>
      !known.has(`${s.target.row.id}|${s.candidate.entityId}`) &&
      !joined.has(`${s.target.row.id}|${s.candidate.entityId}`),
  );
  const suggestions = fresh.filter((s) => visible.has(s.candidate.caseId));
  const hits = scored
    .filter((s) => !visible.has(s.candidate.caseId) && s.score >= SAME_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, HITS_PER_SAVE);
  const stored = await insertSuggestions(
    q,
    suggestions.map((s) => ({
      id: uuidv7(),
      entityA: s.target.row.id,
      entityB: s.candidate.entityId,
      score: Math.round(s.score * 1000),
      explanation: s.explanation,
      status: 'pending',
      createdBy: actor.userId,
    })),
  );
  const newHits = await recordHits(
    q,
    actor,
    hits.map((h) => ({
      queryEntityId: h.target.row.id,
      hitEntityId: h.candidate.entityId,
      hitCaseId: h.candidate.caseId,
      kind: h.target.kind,
      score: h.score,
    })),
  );
  await appendAudit(q, ctx, {
    operation: 'combination',
    action: 'case.edit',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: {
      entities: targets.length,
      kinds: [...new Set(targets.map((t) => t.kind))],
      compared,
      suggestions: suggestions.length,
      hits: newHits,
    },
  });
  return { suggestions: suggestions.length, stored, hits: newHits, compared };
}

/** The former name, kept for callers that link the Persons they saved. */
export const linkPersons = linkEntities;
