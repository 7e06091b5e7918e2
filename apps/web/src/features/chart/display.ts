import type { MultiDirectedGraph } from 'graphology';
import type { Settings } from 'sigma/settings';
import type { ChartGraph } from '@veza/graph';
import { MUTED } from './chart.model.ts';
import { FlatEdgeArrowProgram, FlatEdgeRectangleProgram, FlatNodeCircleProgram } from './programs.ts';

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
  // Sigma's own drawing of circles, lines and arrows, without instancing: the same pixels, several
  // times faster in software WebGL (programs.ts).
  nodeProgramClasses: { circle: FlatNodeCircleProgram },
  edgeProgramClasses: { arrow: FlatEdgeArrowProgram, line: FlatEdgeRectangleProgram },
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

/** What the chart brings forward (a path, a community, search hits, a selection and its links). */
export interface ChartHighlight {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

/**
 * Sigma's reducers for highlighting: what is highlighted is drawn on top, the rest muted. Sigma
 * runs them when it processes the graph (a refresh), not on every frame, so moving the camera
 * costs nothing here; a new highlight is one refresh that skips the indexation.
 */
export function highlightReducers(
  current: () => ChartHighlight | null,
): Pick<Settings<NodeLook, EdgeLook>, 'nodeReducer' | 'edgeReducer'> {
  return {
    nodeReducer: (node, data) => {
      const h = current();
      if (!h || h.nodes.size === 0) return data;
      return h.nodes.has(node)
        ? { ...data, highlighted: true, zIndex: 1 }
        : { ...data, color: MUTED, label: '', zIndex: 0 };
    },
    edgeReducer: (edge, data) => {
      const h = current();
      if (!h || h.nodes.size === 0) return data;
      return h.edges.has(edge)
        ? { ...data, size: Math.max(3, data.size * 2), zIndex: 1 }
        : { ...data, color: MUTED, zIndex: 0 };
    },
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
