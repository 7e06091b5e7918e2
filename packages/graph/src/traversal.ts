import type { ChartGraph } from './graph.ts';
import { isRelationshipType } from './model.ts';

/** An entity reached from the starting one, `distance` links away. */
export interface ReachedNode {
  readonly id: string;
  readonly distance: number;
}

/** Nodes within reach and every link among them, as a chart shows an expanded neighbourhood. */
export interface Neighbourhood {
  readonly nodes: readonly ReachedNode[];
  readonly edgeIds: readonly string[];
}

/** A path as the chart highlights it: the nodes in order, and the link taken between each pair. */
export interface ChartPath {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

/** Called once per newly reached node; returning true ends the traversal. */
type OnReach = (node: string, from: string, edge: string, distance: number) => boolean;

/**
 * Visits nodes in order of distance, ignoring edge direction. Distance counts links the way an
 * analyst counts them: Person - Ownership - Company is one link, so stepping onto a relationship
 * entity is free and stepping off it onto an entity costs one.
 */
function traverse(graph: ChartGraph, start: string, maxDistance: number, onReach: OnReach): void {
  const seen = new Set([start]);
  let frontier = [start];
  let stopped = false;
  for (let distance = 0; frontier.length > 0 && !stopped; distance++) {
    const next: string[] = [];
    // The frontier grows while it is read: a relationship entity joins the level it was met on.
    for (let i = 0; i < frontier.length && !stopped; i++) {
      const node = frontier[i] as string;
      graph.forEachEdge(node, (edge, _attributes, source, target, sourceAttributes, targetAttributes) => {
        if (stopped) return;
        const [other, otherAttributes] =
          source === node ? [target, targetAttributes] : [source, sourceAttributes];
        if (seen.has(other)) return;
        const free = isRelationshipType(otherAttributes.type);
        if (!free && distance >= maxDistance) return;
        seen.add(other);
        (free ? frontier : next).push(other);
        stopped = onReach(other, node, edge, free ? distance : distance + 1);
      });
    }
    frontier = next;
  }
}

/**
 * The entities within `depth` links of `id` (two by default: "expand two hops") and every link
 * among them, direction ignored. A relationship entity is shown only when at least two of its ends
 * are (or its only end is), so the chart gets no half-links. Unknown ids give an empty result.
 */
export function neighbours(graph: ChartGraph, id: string, depth = 2): Neighbourhood {
  if (!graph.hasNode(id)) return { nodes: [], edgeIds: [] };
  const reached: ReachedNode[] = [{ id, distance: 0 }];
  traverse(graph, id, depth, (node, _from, _edge, distance) => {
    reached.push({ id: node, distance });
    return false;
  });
  const entities = new Set(
    reached
      .filter((n) => n.id === id || !isRelationshipType(graph.getNodeAttribute(n.id, 'type')))
      .map((n) => n.id),
  );
  const nodes = reached.filter((n) => entities.has(n.id) || showsWholeLink(graph, n.id, entities));
  const included = new Set(nodes.map((n) => n.id));
  const edgeIds: string[] = [];
  for (const node of included) {
    // Each edge is listed from its source side only, so it appears once.
    graph.forEachEdge(node, (edge, _attributes, source, target) => {
      if (source === node && included.has(target)) edgeIds.push(edge);
    });
  }
  return { nodes, edgeIds };
}

function showsWholeLink(graph: ChartGraph, relationship: string, entities: ReadonlySet<string>): boolean {
  const ends = graph.neighbors(relationship);
  const shown = ends.filter((end) => entities.has(end)).length;
  return shown >= Math.min(2, ends.length);
}

/**
 * The shortest path between two entities, direction ignored, counting links as {@link neighbours}
 * does (so a path may cross relationship entities); null when they are not connected or unknown.
 */
export function shortestPath(graph: ChartGraph, from: string, to: string): ChartPath | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodeIds: [from], edgeIds: [] };
  const cameFrom = new Map<string, { readonly node: string; readonly edge: string }>();
  traverse(graph, from, Infinity, (node, previous, edge) => {
    cameFrom.set(node, { node: previous, edge });
    return node === to;
  });
  if (!cameFrom.has(to)) return null;
  const nodeIds = [to];
  const edgeIds: string[] = [];
  for (let step = cameFrom.get(to); step; step = cameFrom.get(step.node)) {
    nodeIds.push(step.node);
    edgeIds.push(step.edge);
  }
  return { nodeIds: nodeIds.reverse(), edgeIds: edgeIds.reverse() };
}
