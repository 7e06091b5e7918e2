import {
  buildGraph,
  collapseRelationshipNodes,
  communities,
  filterGraph,
  groupByType,
  isRelationshipType,
  layout,
  parseEvaluation,
  seededRandom,
  type ChartEdge,
  type ChartFilter,
  type ChartGraph,
  type ChartNode,
} from '@veza/graph';
import type {
  CaseGraph,
  ChartEdgeData,
  ChartFilterState,
  ChartNodeData,
  SavedChartState,
} from '@veza/shared';

/** The chart the analyst is looking at: the case's data and what they did with it. */
export interface ChartView {
  /** Entities on the chart; null for every entity of the case. */
  entityIds: ReadonlySet<string> | null;
  filter: ChartFilterState;
  hideRelationships: boolean;
  groupByType: boolean;
  colourByCommunity: boolean;
}

export const NO_FILTER: ChartFilterState = {
  types: null,
  from: null,
  to: null,
  minSource: null,
  minInformation: null,
  handlingCodes: null,
};

export const INITIAL_VIEW: ChartView = {
  entityIds: null,
  filter: NO_FILTER,
  hideRelationships: true,
  groupByType: false,
  colourByCommunity: false,
};

export type Positions = ReadonlyMap<string, readonly [number, number]>;

/** Adds what an expansion brought to what the chart already holds; newer data wins. */
export function mergeGraphs(current: CaseGraph, more: CaseGraph): CaseGraph {
  const nodes = new Map(current.nodes.map((n) => [n.id, n]));
  for (const n of more.nodes) nodes.set(n.id, n);
  const edges = new Map(current.edges.map((e) => [e.id, e]));
  for (const e of more.edges) edges.set(e.id, e);
  return { ...current, nodes: [...nodes.values()], edges: [...edges.values()] };
}

function analysisNode(node: ChartNodeData): ChartNode {
  const evaluation = node.evaluation ? parseEvaluation(node.evaluation) : undefined;
  return {
    id: node.id,
    type: node.schema,
    label: node.caption,
    handlingCode: node.handlingCode,
    ...(evaluation && { evaluation }),
    ...(node.startDate !== null && { date: node.startDate }),
  };
}

function analysisEdge(edge: ChartEdgeData): ChartEdge {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.label,
    label: edge.label,
    ...(edge.startDate !== null && { date: edge.startDate }),
    // A pair that called 30 times is a strong tie, not 30 family ties: the weight grows with the log.
    ...(edge.calls && { weight: 1 + Math.log2(edge.calls.count) }),
  };
}

/**
 * The ends of each relationship entity on the chart, read from the links that join it to them:
 * owner -> Ownership is its source end, Ownership -> asset its target end.
 */
export function relationshipEnds(data: CaseGraph): Map<string, { source: string[]; target: string[] }> {
  const ends = new Map<string, { source: string[]; target: string[] }>();
  for (const e of data.edges) {
    if (e.kind !== 'relationship' || e.relationshipId === null) continue;
    const found = ends.get(e.relationshipId) ?? { source: [], target: [] };
    if (e.target === e.relationshipId) found.source.push(e.source);
    else if (e.source === e.relationshipId) found.target.push(e.target);
    ends.set(e.relationshipId, found);
  }
  return ends;
}

/**
 * The graph of the entities on the chart, relationship entities included: the one graph that
 * positions are computed on, so hiding relationship nodes moves nothing.
 */
export function fullGraph(data: CaseGraph, entityIds: ReadonlySet<string> | null): ChartGraph {
  const onChart = (id: string) => entityIds === null || entityIds.has(id);
  const nodes = data.nodes.filter((n) => onChart(n.id));
  const kept = new Set(nodes.map((n) => n.id));
  // A relationship entity comes with the chart when both of its ends are on it.
  if (entityIds !== null) {
    const relationships = new Map(data.nodes.filter((n) => n.relationship).map((n) => [n.id, n]));
    const ends = new Map<string, string[]>();
    for (const e of data.edges) {
      if (e.relationshipId === null || !relationships.has(e.relationshipId)) continue;
      const end = e.source === e.relationshipId ? e.target : e.source;
      ends.set(e.relationshipId, [...(ends.get(e.relationshipId) ?? []), end]);
    }
    for (const [id, list] of ends) {
      if (!kept.has(id) && list.length >= 2 && list.every((end) => kept.has(end))) {
        nodes.push(relationships.get(id)!);
        kept.add(id);
      }
    }
  }
  return buildGraph(nodes.map(analysisNode), data.edges.map(analysisEdge)).graph;
}

/** The filter of a saved chart in the terms of packages/graph. */
export function chartFilter(state: ChartFilterState): ChartFilter {
  return {
    ...(state.types !== null && { nodeTypes: state.types }),
    ...(state.from !== null && { from: state.from }),
    ...(state.to !== null && { to: state.to }),
    ...((state.minSource !== null || state.minInformation !== null) && {
      minEvaluation: {
        ...(state.minSource !== null && { source: state.minSource }),
        ...(state.minInformation !== null && { information: state.minInformation }),
      },
    }),
    ...(state.handlingCodes !== null && { handlingCodes: state.handlingCodes }),
  };
}

/**
 * What the chart draws and analyses: relationship entities folded into links when asked, then
 * filtered. Links that are not relationships (calls, references) pass the type filter; their
 * ends decide.
 */
export function visibleGraph(full: ChartGraph, view: ChartView): ChartGraph {
  let relationships = false;
  full.forEachNode((_id, attributes) => {
    relationships ||= isRelationshipType(attributes.type);
  });
  // Each step copies the graph: on a 20,000-link chart skip the ones that would change nothing.
  const folded = view.hideRelationships && relationships ? collapseRelationshipNodes(full) : full;
  const unfiltered = Object.values(view.filter).every((value) => value === null);
  return unfiltered ? folded : filterGraph(folded, { ...chartFilter(view.filter), missing: 'keep' });
}

/** The entity types on a chart, for the type filter and the legend. */
export function typesOf(graph: ChartGraph): string[] {
  const types = new Set<string>();
  graph.forEachNode((_id, attributes) => types.add(attributes.type));
  return [...types].sort();
}

/** Above this many entities the first view is drawn at once and ForceAtlas2 runs in a worker. */
export const BACKGROUND_LAYOUT_FROM = 1000;

/** ForceAtlas2 steps for a first layout of a chart of this size. */
export function layoutIterations(order: number): number {
  return order > 2000 ? 60 : order > 500 ? 100 : 300;
}

/**
 * Positions for every node of the graph: those known are kept; on a first view a small chart is laid
 * out by ForceAtlas2 at once, a large one is drawn by communities (Louvain, a few tens of
 * milliseconds) and refined by ForceAtlas2 in a worker (see layout.worker.ts); entities added later
 * (an expansion) start next to a neighbour already placed, so what the analyst has seen does not move.
 */
export function placeNodes(graph: ChartGraph, known: Positions, seed = 1): Map<string, [number, number]> {
  const positions = new Map<string, [number, number]>();
  graph.forEachNode((id) => {
    const p = known.get(id);
    if (p) positions.set(id, [p[0], p[1]]);
  });
  if (positions.size === 0 && graph.order > 0) {
    if (graph.order >= BACKGROUND_LAYOUT_FROM) return clusteredPositions(communities(graph, { seed }).groups);
    const copy = graph.copy();
    for (const [id, p] of layout(copy, layoutIterations(graph.order), seed)) positions.set(id, [p.x, p.y]);
    return positions;
  }
  const random = seededRandom(seed);
  const spread = Math.max(1, Math.sqrt(graph.order));
  const place = (id: string, near: string | undefined) => {
    const [x, y] = near ? positions.get(near)! : [0, 0];
    const angle = random() * 2 * Math.PI;
    const distance = (near ? 1 : spread) * (0.5 + random());
    positions.set(id, [x + Math.cos(angle) * distance, y + Math.sin(angle) * distance]);
  };
  // Outward from what is placed, one ring of neighbours at a time; the unconnected rest at random.
  let frontier = [...positions.keys()];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const placed of frontier) {
      for (const id of graph.neighbors(placed)) {
        if (positions.has(id)) continue;
        place(id, placed);
        next.push(id);
      }
    }
    frontier = next;
  }
  graph.forEachNode((id) => {
    if (!positions.has(id)) place(id, undefined);
  });
  return positions;
}

/**
 * Groups as round clusters (sunflower spirals) on a ring, largest first, so sizes compare at a
 * glance and links between groups cross the middle.
 */
export function clusteredPositions(groups: readonly (readonly string[])[]): Map<string, [number, number]> {
  const positions = new Map<string, [number, number]>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  const radii = groups.map((g) => Math.sqrt(g.length) + 1);
  const ring = groups.length <= 1 ? 0 : radii.reduce((sum, r) => sum + r, 0) / Math.PI + 2;
  groups.forEach((group, g) => {
    const angle = (g / groups.length) * 2 * Math.PI;
    const cx = Math.cos(angle) * ring;
    const cy = Math.sin(angle) * ring;
    group.forEach((id, i) => {
      const r = Math.sqrt(i + 0.5);
      positions.set(id, [cx + Math.cos(i * golden) * r, cy + Math.sin(i * golden) * r]);
    });
  });
  return positions;
}

/** "Group by type": each type a cluster. */
export function groupedPositions(graph: ChartGraph): Map<string, [number, number]> {
  return clusteredPositions(groupByType(graph).map((g) => g.nodeIds));
}

/** The chart as a saved chart remembers it. */
export function toSavedState(
  view: ChartView,
  positions: Positions,
  path: { from: string; to: string } | null,
  camera: SavedChartState['camera'],
): SavedChartState {
  return {
    version: 1,
    entityIds: view.entityIds === null ? null : [...view.entityIds].sort(),
    positions: Object.fromEntries([...positions].map(([id, [x, y]]) => [id, [round(x), round(y)]])),
    filter: view.filter,
    hideRelationships: view.hideRelationships,
    groupByType: view.groupByType,
    colourByCommunity: view.colourByCommunity,
    path,
    camera,
  };
}

export function fromSavedState(state: SavedChartState): {
  view: ChartView;
  positions: Map<string, [number, number]>;
} {
  return {
    view: {
      entityIds: state.entityIds === null ? null : new Set(state.entityIds),
      filter: state.filter,
      hideRelationships: state.hideRelationships,
      groupByType: state.groupByType,
      colourByCommunity: state.colourByCommunity,
    },
    positions: new Map(Object.entries(state.positions).map(([id, [x, y]]) => [id, [x, y]])),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// Colours that keep 3:1 against white and differ for the common colour-vision deficiencies
// (after Okabe & Ito, darkened), so a type or a community reads on the chart and in the legend.
export const PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#8a6d00',
  '#56638a',
  '#b2182b',
  '#2b7a78',
  '#7b3294',
  '#5e6b00',
  '#a6511c',
  '#3b5bdb',
] as const;
export const MUTED = '#c9ced6';
export const CALLS_COLOUR = '#1864ab';

const TYPE_COLOURS: Readonly<Record<string, string>> = {
  Person: '#0072b2',
  Company: '#d55e00',
  Organization: '#d55e00',
  Phone: '#009e73',
  Vehicle: '#cc79a7',
  Address: '#8a6d00',
  Event: '#7b3294',
  Trip: '#2b7a78',
  Call: '#3b5bdb',
};

export function colourOfType(type: string): string {
  const known = TYPE_COLOURS[type];
  if (known) return known;
  let hash = 0;
  for (let i = 0; i < type.length; i++) hash = (hash * 31 + type.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export function colourOfCommunity(community: number | undefined): string {
  return community === undefined || community >= PALETTE.length ? '#6b7280' : PALETTE[community]!;
}
