import { meetsEvaluation, strictestHandlingCode, weakestEvaluation } from './evaluation.ts';
import type { MinimumEvaluation } from './evaluation.ts';
import type { ChartGraph } from './graph.ts';
import { isRelationshipType, RELATIONSHIP_TYPES } from './model.ts';
import type { ChartEdgeAttributes, ChartNodeAttributes, Evaluation, HandlingCode } from './model.ts';

/** What the analyst asked to see. Every criterion left out lets everything through. */
export interface ChartFilter {
  /** Entity types to keep, relationship entities included (`Person`, `Ownership`). */
  readonly nodeTypes?: readonly string[];
  /** Link types to keep. */
  readonly edgeTypes?: readonly string[];
  /** Inclusive ISO date bounds; partial dates (`2024-03`) count as the whole period they name. */
  readonly from?: string;
  readonly to?: string;
  readonly minEvaluation?: MinimumEvaluation;
  readonly handlingCodes?: readonly HandlingCode[];
  /**
   * What happens to an item that lacks what a criterion tests (no date, no evaluation, no handling
   * code): kept by default, because most entities carry no statement-level metadata of their own.
   */
  readonly missing?: 'keep' | 'drop';
}

type Statement = {
  readonly type: string;
  readonly date?: string;
  readonly evaluation?: Evaluation;
  readonly handlingCode?: HandlingCode;
};

/** Tests for single items, for hiding without rebuilding (sigma.js node and edge reducers). */
export interface FilterPredicates {
  readonly node: (attributes: ChartNodeAttributes) => boolean;
  readonly edge: (attributes: ChartEdgeAttributes) => boolean;
}

/** The filter as two predicates; {@link filterGraph} uses the same ones. */
export function filterPredicates(filter: ChartFilter): FilterPredicates {
  const nodeTypes = filter.nodeTypes ? new Set(filter.nodeTypes) : undefined;
  const edgeTypes = filter.edgeTypes ? new Set(filter.edgeTypes) : undefined;
  return {
    node: (attributes) => passes(attributes, nodeTypes, filter),
    edge: (attributes) => passes(attributes, edgeTypes, filter),
  };
}

/**
 * A new graph with the items the filter lets through. Dropping an entity drops its links; dropping
 * a relationship entity (an H3 Ownership) removes the link it stands for.
 */
export function filterGraph(graph: ChartGraph, filter: ChartFilter): ChartGraph {
  const keep = filterPredicates(filter);
  const result = graph.nullCopy();
  graph.forEachNode((id, attributes) => {
    if (keep.node(attributes)) result.addNode(id, { ...attributes });
  });
  graph.forEachEdge((id, attributes, source, target) => {
    if (!result.hasNode(source) || !result.hasNode(target)) return;
    if (keep.edge(attributes)) result.addDirectedEdgeWithKey(id, source, target, { ...attributes });
  });
  return result;
}

function passes(item: Statement, types: ReadonlySet<string> | undefined, filter: ChartFilter): boolean {
  const keepMissing = filter.missing !== 'drop';
  if (types && !types.has(item.type)) return false;
  if (filter.from !== undefined || filter.to !== undefined) {
    if (item.date === undefined ? !keepMissing : !overlaps(item.date, filter.from, filter.to)) return false;
  }
  if (filter.minEvaluation) {
    if (
      item.evaluation === undefined ? !keepMissing : !meetsEvaluation(item.evaluation, filter.minEvaluation)
    ) {
      return false;
    }
  }
  if (filter.handlingCodes) {
    if (item.handlingCode === undefined ? !keepMissing : !filter.handlingCodes.includes(item.handlingCode)) {
      return false;
    }
  }
  return true;
}

// ISO dates compare as strings, and a prefix stands for the period it names: "2024-03" runs from
// "2024-03" up to every string that starts with it, hence the high sentinel on the end bounds.
const END_OF_PREFIX = '\uffff';

function overlaps(date: string, from: string | undefined, to: string | undefined): boolean {
  if (from !== undefined && date + END_OF_PREFIX < from) return false;
  return to === undefined || date <= to + END_OF_PREFIX;
}

/**
 * "Hide relationship nodes": each relationship entity with exactly two ends becomes one link
 * between them, keyed by the relationship's id, typed by its schema, oriented as FtM orients it
 * (owner -> asset). The link carries the weakest evaluation and the strictest handling code of the
 * entity and its two edges. Relationship entities with one end or more than two (a Payment that
 * also names bank accounts) stay as nodes, so nothing silently disappears.
 */
export function collapseRelationshipNodes(graph: ChartGraph): ChartGraph {
  const collapsible = new Map<string, CollapsedLink>();
  graph.forEachNode((id, attributes) => {
    if (!isRelationshipType(attributes.type)) return;
    const link = collapsedLink(graph, id, attributes);
    if (link) collapsible.set(id, link);
  });
  const result = graph.nullCopy();
  graph.forEachNode((id, attributes) => {
    if (!collapsible.has(id)) result.addNode(id, { ...attributes });
  });
  graph.forEachEdge((id, attributes, source, target) => {
    if (!collapsible.has(source) && !collapsible.has(target)) {
      result.addDirectedEdgeWithKey(id, source, target, { ...attributes });
    }
  });
  for (const [id, link] of collapsible) {
    const key = result.hasEdge(id) ? `${id}:collapsed` : id;
    result.addDirectedEdgeWithKey(key, link.source, link.target, link.attributes);
  }
  return result;
}

interface CollapsedLink {
  readonly source: string;
  readonly target: string;
  readonly attributes: ChartEdgeAttributes;
}

interface End {
  readonly id: string;
  /** Type of the first edge met between the relationship entity and this end (`owner`). */
  readonly property: string;
  /** Whether that edge points at the relationship entity (end -> Ownership). */
  readonly pointsIn: boolean;
}

function collapsedLink(graph: ChartGraph, id: string, node: ChartNodeAttributes): CollapsedLink | null {
  const ends = new Map<string, End>();
  const edges: ChartEdgeAttributes[] = [];
  graph.forEachEdge(id, (_edge, attributes, source, target) => {
    const end = source === id ? target : source;
    if (!ends.has(end)) ends.set(end, { id: end, property: attributes.type, pointsIn: target === id });
    edges.push(attributes);
  });
  const [first, second] = [...ends.values()];
  if (ends.size !== 2 || !first || !second) return null;
  if (isRelationshipType(graph.getNodeAttribute(first.id, 'type'))) return null;
  if (isRelationshipType(graph.getNodeAttribute(second.id, 'type'))) return null;
  const [source, target] = secondIsSource(first, second, node.type) ? [second, first] : [first, second];
  const attributes: ChartEdgeAttributes = { type: node.type, label: node.label, relationshipId: id };
  const date = node.date ?? edges.find((e) => e.date !== undefined)?.date;
  if (date !== undefined) attributes.date = date;
  const evaluation = weakestEvaluation([node.evaluation, ...edges.map((e) => e.evaluation)]);
  if (evaluation !== undefined) attributes.evaluation = evaluation;
  const handlingCode = strictestHandlingCode([node.handlingCode, ...edges.map((e) => e.handlingCode)]);
  if (handlingCode !== undefined) attributes.handlingCode = handlingCode;
  return { source: source.id, target: target.id, attributes };
}

// FtM's property names decide first (owner -> asset), then the direction of the edges, then input order.
function secondIsSource(first: End, second: End, type: string): boolean {
  const spec = RELATIONSHIP_TYPES[type];
  if (spec) {
    if (second.property === spec.source || first.property === spec.target) return true;
    if (first.property === spec.source || second.property === spec.target) return false;
  }
  return second.pointsIn && !first.pointsIn;
}

/** Entities of one type, for the legend and for grouping a chart by type. */
export interface TypeGroup {
  readonly type: string;
  readonly relationship: boolean;
  readonly nodeIds: readonly string[];
}

/** Nodes grouped by type, largest group first, then by type name. */
export function groupByType(graph: ChartGraph): TypeGroup[] {
  const groups = new Map<string, string[]>();
  graph.forEachNode((id, attributes) => {
    const members = groups.get(attributes.type);
    if (members) members.push(id);
    else groups.set(attributes.type, [id]);
  });
  return [...groups.entries()]
    .map(([type, nodeIds]) => ({ type, relationship: isRelationshipType(type), nodeIds }))
    .sort((a, b) => b.nodeIds.length - a.nodeIds.length || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
