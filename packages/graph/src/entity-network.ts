import type { ChartGraph } from './graph.ts';
import { isRelationshipType } from './model.ts';

/**
 * The chart as a simple undirected network in typed arrays (compressed sparse rows), the shape
 * betweenness needs to run fast: relationship entities with two entity ends become one link,
 * parallel links merge, direction is dropped. Relationship entities that cannot become a link stay
 * vertices (they carry paths) but are not `ranked`.
 */
export interface EntityNetwork {
  readonly ids: readonly string[];
  /** 1 for vertices that are entities an analyst would rank, 0 for leftover relationship entities. */
  readonly ranked: Uint8Array;
  /** Neighbours of vertex v are `neighbours[offsets[v]]` up to `neighbours[offsets[v + 1]]`, sorted. */
  readonly offsets: Uint32Array;
  readonly neighbours: Uint32Array;
}

export function entityNetwork(graph: ChartGraph): EntityNetwork {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const ranked: number[] = [];
  const links: number[] = [];
  const relationshipEnds: Array<readonly [string, string]> = [];
  graph.forEachNode((id, attributes) => {
    if (isRelationshipType(attributes.type)) {
      const ends = graph.neighbors(id);
      const [a, b] = ends;
      if (
        ends.length === 2 &&
        a !== undefined &&
        b !== undefined &&
        !ends.some((e) => isRelationship(graph, e))
      ) {
        relationshipEnds.push([a, b]);
        return;
      }
    }
    index.set(id, ids.length);
    ids.push(id);
    ranked.push(isRelationshipType(attributes.type) ? 0 : 1);
  });
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = index.get(source);
    const t = index.get(target);
    if (s !== undefined && t !== undefined && s !== t) links.push(s, t);
  });
  for (const [a, b] of relationshipEnds) links.push(index.get(a) as number, index.get(b) as number);
  return { ids, ranked: Uint8Array.from(ranked), ...compressedRows(ids.length, links) };
}

function isRelationship(graph: ChartGraph, id: string): boolean {
  return isRelationshipType(graph.getNodeAttribute(id, 'type'));
}

/** Sorted, de-duplicated adjacency of an undirected link list given as flat pairs. */
function compressedRows(
  n: number,
  links: readonly number[],
): { offsets: Uint32Array; neighbours: Uint32Array } {
  const counts = new Uint32Array(n + 1);
  for (let i = 0; i < links.length; i++) counts[(links[i] as number) + 1]!++;
  for (let v = 0; v < n; v++) counts[v + 1]! += counts[v] as number;
  const fill = counts.slice(0, n);
  const all = new Uint32Array(links.length);
  for (let i = 0; i < links.length; i += 2) {
    const a = links[i] as number;
    const b = links[i + 1] as number;
    all[fill[a]!++] = b;
    all[fill[b]!++] = a;
  }
  const offsets = new Uint32Array(n + 1);
  let write = 0;
  for (let v = 0; v < n; v++) {
    const row = all.subarray(counts[v], counts[v + 1]).sort();
    offsets[v] = write;
    for (let j = 0; j < row.length; j++) {
      if (j === 0 || row[j] !== row[j - 1]) all[write++] = row[j] as number;
    }
  }
  offsets[n] = write;
  return { offsets, neighbours: all.slice(0, write) };
}
