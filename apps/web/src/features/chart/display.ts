import type { MultiDirectedGraph } from 'graphology';
import type { Settings } from 'sigma/settings';
import type { ChartGraph } from '@veza/graph';

/** What sigma draws of a node and of an edge. */
export interface NodeLook {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

export interface EdgeLook {
  size: number;
  color: string;
  type: 'arrow' | 'line';
}

export interface ChartLook {
  readonly position: (id: string) => readonly [number, number];
  readonly colour: (id: string) => string;
  readonly label: (id: string) => string;
  readonly edgeColour: (id: string) => string;
  readonly edgeSize: (id: string) => number;
}

/** Settings of the chart's sigma instance, shared with bench/chart so the benchmark draws the same. */
export const SIGMA_SETTINGS: Partial<Settings<NodeLook, EdgeLook>> = {
  defaultEdgeType: 'arrow',
  allowInvalidContainer: true,
  renderEdgeLabels: false,
  labelRenderedSizeThreshold: 6,
  labelDensity: 0.5,
  hideEdgesOnMove: false,
  zIndex: true,
  labelFont: 'system-ui, sans-serif',
};

/** Above this many links, panning draws no links and no labels, and links are drawn without arrows. */
export const LARGE_CHART_LINKS = 2000;

/**
 * Settings for a chart of this size: a large one stays fluid while it moves by leaving out links
 * and labels during the move (sigma's own switches) and drawing links as plain lines.
 */
export function sigmaSettingsFor(links: number): Partial<Settings<NodeLook, EdgeLook>> {
  const large = links > LARGE_CHART_LINKS;
  return {
    ...SIGMA_SETTINGS,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    defaultEdgeType: large ? 'line' : 'arrow',
  };
}

/** Fills sigma's graph with what it draws of the visible chart: sizes grow with the links. */
export function fillDisplayGraph(
  target: MultiDirectedGraph<NodeLook, EdgeLook>,
  graph: ChartGraph,
  look: ChartLook,
): void {
  target.clear();
  graph.forEachNode((id) => {
    const [x, y] = look.position(id);
    target.addNode(id, {
      x,
      y,
      size: Math.min(16, 3 + 1.6 * Math.sqrt(graph.degree(id))),
      color: look.colour(id),
      label: look.label(id),
    });
  });
  const type = graph.size > LARGE_CHART_LINKS ? 'line' : 'arrow';
  graph.forEachEdge((id, _attributes, source, target_) => {
    target.addDirectedEdgeWithKey(id, source, target_, {
      size: look.edgeSize(id),
      color: look.edgeColour(id),
      type,
    });
  });
}
