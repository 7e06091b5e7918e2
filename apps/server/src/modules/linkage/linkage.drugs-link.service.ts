import type { Queryable } from '@veza/db';
import type { DrugsLink, JurisdictionCode, LinkKind, LinkSide } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { isPersonData } from '@veza/graph';
import { findCase, signedIn, visibleCaseIds } from '../cases/index.ts';
import { entitiesByIds, mayIdentifyPersons } from '../entities/index.ts';
import { SAME_THRESHOLD } from '@veza/matching';
import { isIdentifierKey, kindOfKey } from './linkage.keys.ts';
import { hitIdsOf, linkedCases, sharedKeys } from './linkage.drugs-link.repository.ts';
import { recordHits } from './linkage.service.ts';

/**
 * Drug units and trafficking units historically did not share what they know. This view lists the
 * persons, phones, vehicles, addresses and accounts that appear both in a drug case and in a
 * trafficking case, with the cases and units to put in touch. One side is always a case the actor
 * may see; the other side, when the actor may not see it, is shown as a hit (unit, jurisdiction,
 * reference) and recorded as one, so its owners learn of it and may grant access.
 */

const DRUG_TYPES = ['drug_trafficking', 'mixed'];
const TRAFFICKING_TYPES = ['trafficking', 'mixed'];
const LINK_KINDS_SHOWN: readonly LinkKind[] = ['person', 'phone', 'vehicle', 'address', 'account'];
/** Persons the matcher found the same (a suggestion not rejected, or a hit), on any key. */
const MATCHED_PERSON = 'person|matched';
const SAME_SCORE = Math.round(SAME_THRESHOLD * 1000);
/** Enough for a screen; the view is a starting point for calls between units, not a report. */
const MAX_LINKS = 500;

export async function drugsTraffickingLinks(q: Queryable, ctx: RequestContext): Promise<DrugsLink[]> {
  const actor = signedIn(ctx);
  const visible = await visibleCaseIds(q, actor);
  const pairs = await sharedKeys(q, visible, SAME_SCORE, MATCHED_PERSON);
  const caseIds = [...new Set(pairs.flatMap((p) => [p.c1, p.c2]))];
  const caseRows = await linkedCases(q, caseIds);
  const caseOf = new Map(caseRows.map((c) => [c.id, c]));
  const seen = new Set(visible);

  // One link per pair of entities, on its strongest key (an identifier rather than a name).
  const best = new Map<string, { drugs: [string, string]; trafficking: [string, string]; key: string }>();
  for (const p of pairs) {
    const kind = kindOfKey(p.key);
    if (!LINK_KINDS_SHOWN.includes(kind)) continue;
    const a = caseOf.get(p.c1);
    const b = caseOf.get(p.c2);
    if (!a || !b) continue;
    const sides: [[string, string], [string, string]] | null =
      DRUG_TYPES.includes(a.type) && TRAFFICKING_TYPES.includes(b.type)
        ? [
            [p.e1, p.c1],
            [p.e2, p.c2],
          ]
        : TRAFFICKING_TYPES.includes(a.type) && DRUG_TYPES.includes(b.type)
          ? [
              [p.e2, p.c2],
              [p.e1, p.c1],
            ]
          : null;
    if (!sides) continue;
    const id = `${sides[0][0]}|${sides[1][0]}`;
    const before = best.get(id);
    if (!before || (!strong(before.key) && strong(p.key)))
      best.set(id, { drugs: sides[0], trafficking: sides[1], key: p.key });
  }
  const links = [...best.values()].slice(0, MAX_LINKS);

  // The side the actor may not see is a hit: recorded, its owners told, never its caption shown.
  const hidden = links.flatMap((l) => {
    const [own, other] = seen.has(l.drugs[1]) ? [l.drugs, l.trafficking] : [l.trafficking, l.drugs];
    return seen.has(other[1])
      ? []
      : [
          {
            queryEntityId: own[0],
            hitEntityId: other[0],
            hitCaseId: other[1],
            kind: kindOfKey(l.key),
            score: 1,
          },
        ];
  });
  await recordHits(q, actor, hidden);
  const hitIds = await hitIdsOf(
    q,
    actor.userId,
    hidden.map((h) => h.hitEntityId),
  );
  const shownIds = links
    .flatMap((l) => [l.drugs, l.trafficking])
    .filter(([, c]) => seen.has(c))
    .map(([e]) => e);
  const shownRows = await entitiesByIds(q, [...new Set(shownIds)]);
  // A case the actor sees by rank (a supervisor off its team) shows the link, not who its persons are.
  const identifying = new Set<string>();
  for (const caseId of new Set(shownRows.filter((e) => isPersonData(e.schema)).map((e) => e.caseId))) {
    const loaded = await findCase(q, caseId);
    if (
      loaded &&
      mayIdentifyPersons(
        ctx,
        loaded,
        shownRows.filter((e) => e.caseId === caseId),
      )
    )
      identifying.add(caseId);
  }
  const captions = new Map(
    shownRows
      .filter((e) => !isPersonData(e.schema) || identifying.has(e.caseId))
      .map((e) => [e.id, e.caption]),
  );
  const side = ([entityId, caseId]: [string, string], counterpart: [string, string]): LinkSide => {
    const c = caseOf.get(caseId);
    const shown = seen.has(caseId);
    return {
      caseReference: c?.reference ?? '',
      caseType: c?.type ?? '',
      unit: c?.unit ?? '',
      jurisdiction: (c?.jurisdiction ?? 'RS') as JurisdictionCode,
      caseId: shown ? caseId : null,
      entityId: shown ? entityId : null,
      caption: shown ? (captions.get(entityId) ?? null) : null,
      hitId: shown ? null : (hitIds.get(`${counterpart[0]}|${entityId}`) ?? null),
    };
  };
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'case.view',
    recordType: 'linkage',
    outcome: 'allowed',
    details: { view: 'drugs-trafficking', links: links.length, hits: hidden.length },
  });
  return links.map((l) => {
    const kind = kindOfKey(l.key);
    return {
      kind,
      value: strong(l.key) ? identifierValue(l.key) : null,
      drugs: side(l.drugs, l.trafficking),
      trafficking: side(l.trafficking, l.drugs),
    };
  });
}

const strong = (key: string): boolean => key !== MATCHED_PERSON && isIdentifierKey(key);

/** `phone|+38164...` or `person|p|+38164...`: the identifier itself, which the actor's side holds. */
function identifierValue(key: string): string {
  const rest = key.slice(kindOfKey(key).length + 1);
  return kindOfKey(key) === 'person' ? rest.slice(2) : rest;
}
