import { MultiDirectedGraph } from 'graphology';
import type { ChartGraph } from './graph.ts';
import type { ChartEdge, ChartEdgeAttributes, ChartNode, ChartNodeAttributes } from './model.ts';

/** What could not be put on the chart, so the caller can tell the analyst instead of failing. */
export interface BuildProblems {
  /** Links whose source or target is not among the nodes (often: filtered out or not yet loaded). */
  readonly danglingEdges: readonly ChartEdge[];
  /** Links from an entity to itself, which say nothing on a chart. */
  readonly selfLoops: readonly ChartEdge[];
  /** Ids given more than once; the first occurrence is kept. */
  readonly duplicateNodeIds: readonly string[];
  readonly duplicateEdgeIds: readonly string[];
}

export interface BuiltGraph {
  readonly graph: ChartGraph;
  readonly problems: BuildProblems;
}

/**
 * Builds the chart graph. A directed multigraph because FtM links have a direction the analyst
 * reads (who recruited whom) and two entities are often linked more than once (a Family and an
 * Associate link, several Payments). Not mixed: graphology's Louvain refuses true mixed graphs,
 * and undirected-by-nature links (Family) lose nothing by keeping their FtM orientation.
 */
export function buildGraph(nodes: Iterable<ChartNode>, edges: Iterable<ChartEdge>): BuiltGraph {
  const graph: ChartGraph = new MultiDirectedGraph<ChartNodeAttributes, ChartEdgeAttributes>({
    allowSelfLoops: false,
  });
  const duplicateNodeIds: string[] = [];
  for (const node of nodes) {
    if (graph.hasNode(node.id)) duplicateNodeIds.push(node.id);
    else graph.addNode(node.id, nodeAttributes(node));
  }
  const danglingEdges: ChartEdge[] = [];
  const selfLoops: ChartEdge[] = [];
  const duplicateEdgeIds: string[] = [];
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) danglingEdges.push(edge);
    else if (edge.source === edge.target) selfLoops.push(edge);
    else if (graph.hasEdge(edge.id)) duplicateEdgeIds.push(edge.id);
    else graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
  }
  return { graph, problems: { danglingEdges, selfLoops, duplicateNodeIds, duplicateEdgeIds } };
}

/** Node attributes without undefined keys, so copies and exports see only what was given. */
export function nodeAttributes(node: ChartNode): ChartNodeAttributes {
  const attributes: ChartNodeAttributes = { type: node.type, label: node.label };
  if (node.properties !== undefined) attributes.properties = node.properties;
  if (node.evaluation !== undefined) attributes.evaluation = node.evaluation;
  if (node.handlingCode !== undefined) attributes.handlingCode = node.handlingCode;
  if (node.date !== undefined) attributes.date = node.date;
  if (node.caseIds !== undefined) attributes.caseIds = node.caseIds;
  return attributes;
}

function edgeAttributes(edge: ChartEdge): ChartEdgeAttributes {
  const attributes: ChartEdgeAttributes = { type: edge.type };
  if (edge.label !== undefined) attributes.label = edge.label;
  if (edge.date !== undefined) attributes.date = edge.date;
  if (edge.evaluation !== undefined) attributes.evaluation = edge.evaluation;
  if (edge.handlingCode !== undefined) attributes.handlingCode = edge.handlingCode;
  if (edge.weight !== undefined) attributes.weight = edge.weight;
  return attributes;
}
