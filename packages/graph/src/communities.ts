import louvain from 'graphology-communities-louvain';
import type { ChartGraph } from './graph.ts';
import { seededRandom } from './random.ts';

export interface CommunityOptions {
  /** Above 1 gives more, smaller communities; below 1 fewer, larger ones. */
  readonly resolution?: number;
  /** Same seed, same data, same communities (and colours); 1 unless told. */
  readonly seed?: number;
}

export interface Communities {
  /** Community number of each node; 0 is the largest community. */
  readonly communityOf: ReadonlyMap<string, number>;
  /** Members of each community, largest first. */
  readonly groups: readonly (readonly string[])[];
  /** Modularity of the partition (directed, as the graph is), NaN for a graph without links. */
  readonly modularity: number;
}

/**
 * Communities by Louvain (graphology-communities-louvain), weighted by the links' `weight` (1 when
 * absent). On the directed chart graph Louvain optimises directed modularity (Dugue & Perez), the
 * same measure networkx's `louvain_communities` uses on the exported GraphML.
 */
export function communities(graph: ChartGraph, options: CommunityOptions = {}): Communities {
  const detailed = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    resolution: options.resolution ?? 1,
    rng: seededRandom(options.seed ?? 1),
  });
  const members = new Map<number, string[]>();
  graph.forEachNode((id) => {
    const community = detailed.communities[id] as number;
    const list = members.get(community);
    if (list) list.push(id);
    else members.set(community, [id]);
  });
  // Stable sort: equal sizes keep the order in which their first member was given.
  const groups = [...members.values()].sort((a, b) => b.length - a.length);
  const communityOf = new Map<string, number>();
  groups.forEach((group, number) => group.forEach((id) => communityOf.set(id, number)));
  return { communityOf, groups, modularity: detailed.modularity };
}
