import { isPersonData, RELATIONSHIP_TYPES } from '@veza/graph';
import type { ChartCallSummary, ChartEdgeData, ChartNodeData, HandlingCode } from '@veza/shared';

/** What the chart is built from: the case's entities, their current statements and stored links. */
export interface ChartSourceEntity {
  readonly id: string;
  readonly schema: string;
  readonly caption: string;
}

export interface ChartSourceStatement {
  readonly entityId: string;
  readonly property: string;
  readonly value: string;
  readonly evaluationSource: string;
  readonly evaluationInfo: number;
  readonly handlingCode: string;
}

export interface ChartSourceLink {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly relationshipId: string | null;
  readonly label: string;
}

export interface ChartCallPairRow extends ChartCallSummary {
  readonly callerId: string;
  readonly calleeId: string;
}

export interface ChartSource {
  readonly entities: readonly ChartSourceEntity[];
  readonly statements: readonly ChartSourceStatement[];
  readonly links: readonly ChartSourceLink[];
  readonly calls: readonly ChartCallPairRow[];
  /** The case's code: what an entity without statements is handled under. */
  readonly caseHandlingCode: HandlingCode;
  /** False when the reader may see the case but not who its persons are. */
  readonly personsVisible: boolean;
}

export const PERSON = 'Person';
const START_PROPERTIES = ['date', 'startDate'];
const END_PROPERTIES = ['endDate'];
// Text and identifiers never name another entity, even when a value happens to look like an id.
const NOT_REFERENCES = new Set(['name', 'alias', 'notes', 'summary', 'description', 'sourceUrl']);
const SOURCE_RANK: Readonly<Record<string, number>> = { A: 0, B: 1, C: 2, X: 3 };
const HANDLING_RANK: Readonly<Record<string, number>> = { H0: 0, H1: 1, H2: 2, H3: 3 };
const DATE = /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** The chart of a case: entities as nodes, links as edges, call records summed up per pair. */
export function buildCaseChart(source: ChartSource): { nodes: ChartNodeData[]; edges: ChartEdgeData[] } {
  const ids = new Set(source.entities.map((e) => e.id));
  const statementsOf = groupStatements(source.statements);
  const nodes: ChartNodeData[] = [];
  const edges: ChartEdgeData[] = [];
  const seen = new Set<string>();
  const push = (edge: ChartEdgeData): void => {
    const key = `${edge.source}|${edge.target}|${edge.label}`;
    if (seen.has(key) || edge.source === edge.target) return;
    seen.add(key);
    edges.push(edge);
  };
  const linked = new Set<string>();

  for (const entity of source.entities) {
    const statements = statementsOf.get(entity.id) ?? [];
    const node = nodeOf(entity, statements, source);
    nodes.push(node);
    const ends = RELATIONSHIP_TYPES[entity.schema];
    for (const s of statements) {
      if (!ids.has(s.value) || NOT_REFERENCES.has(s.property)) continue;
      if (ends) {
        // FtM orients a relationship from its source end: owner -> Ownership -> asset.
        const fromEnd = s.property === ends.source;
        linked.add(entity.id);
        push({
          id: `${entity.id}:${s.property}:${s.value}`,
          source: fromEnd ? s.value : entity.id,
          target: fromEnd ? entity.id : s.value,
          kind: 'relationship',
          relationshipId: entity.id,
          label: s.property,
          startDate: node.startDate,
          endDate: node.endDate,
          calls: null,
        });
      } else {
        push(reference(`${entity.id}:${s.property}:${s.value}`, entity.id, s.value, s.property));
      }
    }
  }

  const dates = new Map(nodes.map((n) => [n.id, n]));
  for (const link of source.links) {
    if (!ids.has(link.sourceId) || !ids.has(link.targetId)) continue;
    const relationship = link.relationshipId;
    if (relationship === null) {
      push(reference(link.id, link.sourceId, link.targetId, link.label));
    } else if (ids.has(relationship) && !linked.has(relationship)) {
      // Stored only as an edge (an import that wrote no end statements): draw it through its entity.
      const ends = RELATIONSHIP_TYPES[link.label];
      const node = dates.get(relationship);
      const through = (from: string, to: string, label: string): ChartEdgeData => ({
        id: `${link.id}:${label}`,
        source: from,
        target: to,
        kind: 'relationship',
        relationshipId: relationship,
        label,
        startDate: node?.startDate ?? null,
        endDate: node?.endDate ?? null,
        calls: null,
      });
      push(through(link.sourceId, relationship, ends?.source ?? 'source'));
      push(through(relationship, link.targetId, ends?.target ?? 'target'));
    }
  }

  for (const call of source.calls) {
    if (!ids.has(call.callerId) || !ids.has(call.calleeId)) continue;
    const { callerId, calleeId, ...summary } = call;
    push({
      id: `calls:${callerId}:${calleeId}`,
      source: callerId,
      target: calleeId,
      kind: 'calls',
      relationshipId: null,
      label: 'calls',
      startDate: summary.first.slice(0, 10),
      endDate: summary.last.slice(0, 10),
      calls: summary,
    });
  }
  return { nodes, edges };
}

function reference(id: string, source: string, target: string, label: string): ChartEdgeData {
  return {
    id,
    source,
    target,
    kind: 'reference',
    relationshipId: null,
    label,
    startDate: null,
    endDate: null,
    calls: null,
  };
}

function groupStatements(statements: readonly ChartSourceStatement[]): Map<string, ChartSourceStatement[]> {
  const grouped = new Map<string, ChartSourceStatement[]>();
  for (const s of statements) {
    const list = grouped.get(s.entityId);
    if (list) list.push(s);
    else grouped.set(s.entityId, [s]);
  }
  return grouped;
}

export function nodeOf(
  entity: ChartSourceEntity,
  statements: readonly ChartSourceStatement[],
  source: Pick<ChartSource, 'caseHandlingCode' | 'personsVisible'>,
): ChartNodeData {
  const withheld = isPersonData(entity.schema) && !source.personsVisible;
  const lat = coordinate(statements, 'latitude', 90);
  const lon = coordinate(statements, 'longitude', 180);
  return {
    id: entity.id,
    schema: entity.schema,
    caption: withheld ? '' : entity.caption,
    withheld,
    relationship: Object.hasOwn(RELATIONSHIP_TYPES, entity.schema),
    startDate: firstDate(statements, START_PROPERTIES),
    endDate: firstDate(statements, END_PROPERTIES),
    evaluation: bestEvaluation(statements),
    handlingCode: strictestCode(statements) ?? source.caseHandlingCode,
    lat: lat !== null && lon !== null ? lat : null,
    lon: lat !== null && lon !== null ? lon : null,
  };
}

/** The earliest well-formed date among the properties, so "when" is never a free-text guess. */
function firstDate(
  statements: readonly ChartSourceStatement[],
  properties: readonly string[],
): string | null {
  const dates = statements
    .filter((s) => properties.includes(s.property) && DATE.test(s.value.trim()))
    .map((s) => s.value.trim())
    .sort();
  return dates[0] ?? null;
}

function coordinate(
  statements: readonly ChartSourceStatement[],
  property: string,
  limit: number,
): number | null {
  for (const s of statements) {
    if (s.property !== property) continue;
    const value = Number(s.value.trim().replace(',', '.'));
    if (s.value.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= limit) return value;
  }
  return null;
}

/** The best grade an entity has: what a "B2 or better" filter asks of it. */
export function bestEvaluation(statements: readonly ChartSourceStatement[]): string | null {
  let best: ChartSourceStatement | undefined;
  const rank = (s: ChartSourceStatement) => (SOURCE_RANK[s.evaluationSource] ?? 3) * 4 + s.evaluationInfo;
  for (const s of statements) if (!best || rank(s) < rank(best)) best = s;
  return best ? `${best.evaluationSource}${best.evaluationInfo}` : null;
}

function strictestCode(statements: readonly ChartSourceStatement[]): HandlingCode | null {
  let strictest: string | null = null;
  for (const s of statements) {
    if (strictest === null || (HANDLING_RANK[s.handlingCode] ?? 0) > (HANDLING_RANK[strictest] ?? 0))
      strictest = s.handlingCode;
  }
  return strictest as HandlingCode | null;
}
