import { v7 as uuidv7 } from 'uuid';
import { linkageHits } from '@veza/db';
import type { Queryable } from '@veza/db';
import { compareRecords, POSSIBLE_THRESHOLD, prepareRecord, SAME_THRESHOLD } from '@veza/matching';
import type { PersonRecord, PreparedRecord, RecordComparison } from '@veza/matching';
import type { LinkKind } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { notifyAll } from '../notifications/index.ts';
import { unitName } from '../organisation/index.ts';
import { decide } from '../../platform/policy/index.ts';
import { caseOwners, caseResource, signedIn } from '../cases/index.ts';
import { insertSuggestions } from '../entities/index.ts';
import { candidateFacts, keyHolders, type CandidateFacts, type KeyHolder } from './linkage.repository.ts';
import {
  fieldOfKind,
  identifiersFromKeys,
  isIdentifierKey,
  isLooseNameKey,
  refreshCaseKeys,
  type KeyedEntity,
} from './linkage.keys.ts';

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

interface Candidate {
  entityId: string;
  caseId: string;
  shared: string[];
  weight: number;
}

/** Per saved entity, the entities of other cases sharing a readable key with it. */
function candidatesByTarget(
  targets: readonly KeyedEntity[],
  rows: readonly KeyHolder[],
  ownCase: ReadonlySet<string>,
): Map<string, Candidate[]> {
  const byKey = new Map<string, KeyHolder[]>();
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

/** Reads what deciding about the candidates kept needs, and fills in the case of each. */
async function readCandidates(
  q: Queryable,
  candidates: Map<string, Candidate[]>,
): Promise<Map<string, CandidateFacts>> {
  const all = [...candidates.values()].flat();
  if (all.length === 0) return new Map();
  const facts = await candidateFacts(q, [...new Set(all.map((c) => c.entityId))]);
  const byId = new Map(facts.map((f) => [f.row.id, f]));
  for (const c of all) c.caseId = byId.get(c.entityId)?.row.caseId ?? '';
  return byId;
}

/** A stored person or organisation as a record: names from statements, identifiers from its keys. */
function storedRecord(facts: CandidateFacts): PreparedRecord {
  const of = (...props: string[]) =>
    facts.statements.filter((s) => props.includes(s.property)).map((s) => s.value);
  const gender = of('gender')[0]?.toLowerCase();
  const { phones, ...identifiers } = identifiersFromKeys(facts.identifierKeys);
  const record: PersonRecord = {
    id: facts.row.id,
    names: [facts.row.caption, ...of('name', 'alias', 'previousName')],
    birthDates: of('birthDate'),
    gender: gender === 'male' || gender === 'female' ? gender : null,
    nationalities: of('nationality', 'citizenship'),
    ...identifiers,
  };
  // A phone key holds the number already checked and in E.164, as preparing would make it: parsing
  // it again with libphonenumber was a sixth of the time of a save.
  return { ...prepareRecord(record), phones: phones ?? [] };
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

function score(
  targets: readonly KeyedEntity[],
  candidates: Map<string, Candidate[]>,
  facts: Map<string, CandidateFacts>,
): { scored: Scored[]; compared: number } {
  const records = new Map<string, PreparedRecord>();
  const recordOf = (id: string): PreparedRecord | undefined => {
    let record = records.get(id);
    const found = facts.get(id);
    if (!record && found) {
      record = storedRecord(found);
      records.set(id, record);
    }
    return record;
  };
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
      const other = recordOf(candidate.entityId);
      if (!other) continue;
      const comparison = compareRecords(target.record, other, { explain: false });
      if (comparison.score < POSSIBLE_THRESHOLD) continue;
      const explained = compareRecords(target.record, other, { explain: true });
      scored.push({ target, candidate, score: explained.score, explanation: explanationOf(explained) });
    }
  }
  return { scored, compared };
}

/** Which of the candidates' cases the actor may see, by the case policy (the same answer as opening each). */
function visibleAmong(actor: Actor, facts: Map<string, CandidateFacts>): Set<string> {
  const visible = new Set<string>();
  const decided = new Set<string>();
  for (const f of facts.values()) {
    if (decided.has(f.case.id)) continue;
    decided.add(f.case.id);
    const resource = caseResource({ row: f.case, agencyId: f.agencyId, members: f.members });
    if (decide(actor, 'case.view', resource).allowed) visible.add(f.case.id);
  }
  return visible;
}

/** The reference and owners of each candidate's case, for the notices of hits. */
function hitCases(facts: Map<string, CandidateFacts>): Map<string, HitCase> {
  const out = new Map<string, HitCase>();
  for (const f of facts.values()) {
    out.set(f.case.id, {
      reference: f.case.reference,
      owners: f.members.filter((m) => m.role === 'owner').map((m) => m.userId),
    });
  }
  return out;
}

/**
 * Pairs that need no new suggestion: suggested before in either direction, whatever became of it
 * (a rejection is final), or already joined into one canonical entity.
 */
function settledPairs(scored: readonly Scored[], facts: Map<string, CandidateFacts>): Set<string> {
  const out = new Set<string>();
  for (const s of scored) {
    const candidate = facts.get(s.candidate.entityId);
    const pair = `${s.target.row.id}|${s.candidate.entityId}`;
    if (candidate?.suggestedWith.includes(s.target.row.id)) out.add(pair);
    const a = s.target.row.canonicalId;
    if (a !== null && a === candidate?.row.canonicalId) out.add(pair);
  }
  return out;
}

/** A match in a case the actor may not see: the actor's entity and the one it matched there. */
export interface HitPair {
  queryEntityId: string;
  hitEntityId: string;
  hitCaseId: string;
  kind: LinkKind;
  score: number;
}

/** What a hit notice says of the case hit, when the caller has read it already. */
export interface HitCase {
  reference: string;
  owners: readonly string[];
}

/**
 * Stores hit/no-hit answers about cases the actor may not see and tells the owners of those cases
 * that someone has a hit: the case reference and the requesting unit, never a name. A pair found
 * before is not stored or told twice. Returns the hits that are new. `known` saves reading the hit
 * cases' references and owners again.
 */
export async function recordHits(
  q: Queryable,
  actor: Actor,
  hits: readonly HitPair[],
  known: ReadonlyMap<string, HitCase> = new Map(),
): Promise<number> {
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
    .returning({
      id: linkageHits.id,
      hitEntityId: linkageHits.hitEntityId,
    });
  if (inserted.length === 0) return 0;
  await notifyOwners(q, actor, inserted, (await unitName(q, actor.unitId)) ?? '', hits, known);
  return inserted.length;
}

async function notifyOwners(
  q: Queryable,
  actor: Actor,
  inserted: readonly { id: string; hitEntityId: string }[],
  unit: string,
  hits: readonly HitPair[],
  known: ReadonlyMap<string, HitCase>,
): Promise<void> {
  const caseOf = new Map(hits.map((h) => [h.hitEntityId, h.hitCaseId]));
  const kindOf = new Map(hits.map((h) => [h.hitEntityId, h.kind]));
  const caseIds = [...new Set(inserted.map((h) => caseOf.get(h.hitEntityId) ?? ''))];
  const told = new Map(known);
  const unread = caseIds.filter((id) => !told.has(id));
  if (unread.length > 0) {
    const read = await caseOwners(q, unread);
    for (const c of read) told.set(c.id, { reference: c.reference, owners: c.owners ?? [] });
  }
  // One notice per case and owner, however many of its entities the save matched.
  const byCase = new Map<string, { id: string; hitEntityId: string }[]>();
  for (const hit of inserted) {
    const caseId = caseOf.get(hit.hitEntityId) ?? '';
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), hit]);
  }
  await notifyAll(
    q,
    [...byCase].flatMap(([caseId, caseHits]) => {
      const hitCase = told.get(caseId);
      const first = caseHits[0];
      if (!hitCase || !first) return [];
      return hitCase.owners.map((userId) => ({
        to: { userId },
        kind: 'hit' as const,
        payload: {
          reference: hitCase.reference,
          kind: kindOf.get(first.hitEntityId) ?? 'person',
          hits: caseHits.length,
          unit,
          jurisdiction: actor.jurisdiction,
        },
        link: '/linkage/hits',
        dedupeKey: `hit:${first.id}:${userId}`,
      }));
    }),
  );
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
  const rows = await keyHolders(q, [...new Set(targets.flatMap((t) => t.keys))], BLOCK_LIMIT + 1);
  const candidates = candidatesByTarget(targets, rows, new Set(keyed.keys()));
  const facts = await readCandidates(q, candidates);
  const { scored, compared } = score(targets, candidates, facts);
  if (scored.length === 0) return { ...none, compared };
  const visible = visibleAmong(actor, facts);
  const settled = settledPairs(scored, facts);
  const fresh = scored.filter((s) => !settled.has(`${s.target.row.id}|${s.candidate.entityId}`));
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
    hitCases(facts),
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
