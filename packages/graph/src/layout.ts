import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ChartGraph } from './graph.ts';
import { seededRandom } from './random.ts';

export interface Position {
  readonly x: number;
  readonly y: number;
}

/**
 * Initial positions by ForceAtlas2, run synchronously for `iterations` steps (for a continuous
 * layout in the browser use graphology-layout-forceatlas2/worker). Nodes that already have a
 * position keep it as their starting point, so expanding a chart does not scatter what the
 * analyst has seen; new nodes start at seeded random places. Positions are written to the nodes'
 * `x` and `y`, where sigma.js reads them, and returned.
 */
export function layout(graph: ChartGraph, iterations: number, seed = 1): Map<string, Position> {
  const random = seededRandom(seed);
  const spread = Math.sqrt(Math.max(graph.order, 1)) * 10;
  graph.updateEachNodeAttributes((_id, attributes) => {
    if (attributes.x !== undefined && attributes.y !== undefined) return attributes;
    return { ...attributes, x: (random() - 0.5) * spread, y: (random() - 0.5) * spread };
  });
  if (graph.order > 0 && iterations > 0) {
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: 'weight',
      settings: forceAtlas2.inferSettings(graph),
    });
  }
  const positions = new Map<string, Position>();
  graph.forEachNode((id, { x, y }) => positions.set(id, { x: x ?? 0, y: y ?? 0 }));
  return positions;
}
