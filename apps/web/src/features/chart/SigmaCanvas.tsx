import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { ChartGraph } from '@veza/graph';
import { MUTED } from './chart.model.ts';
import {
  fillDisplayGraph,
  highlightReducers,
  sigmaSettingsFor,
  SIGMA_SETTINGS,
  type ChartHighlight,
  type ChartLook,
  type EdgeLook,
  type NodeLook,
} from './display.ts';
import type { Picture } from './svg.ts';

export type { ChartHighlight, ChartLook } from './display.ts';

export interface SigmaCanvasHandle {
  picture(title: string): Picture;
  camera(): { x: number; y: number; ratio: number; angle: number };
  setCamera(camera: { x: number; y: number; ratio: number; angle: number } | null): void;
  focus(id: string): void;
  /** Renders now and resolves after the frame: benchmarks and tests time this. */
  sigma(): Sigma<NodeLook, EdgeLook> | null;
}

/**
 * The WebGL drawing of the chart (sigma.js v3). Sigma gets a graph of its own holding only what it
 * draws (position, size, colour, label), rebuilt when the visible chart changes; highlighting runs
 * through reducers, so a path or a search redraws without rebuilding.
 */
export const SigmaCanvas = forwardRef<
  SigmaCanvasHandle,
  {
    graph: ChartGraph;
    look: ChartLook;
    highlight: ChartHighlight | null;
    label: string;
    onClickNode: (id: string) => void;
    onDoubleClickNode: (id: string) => void;
    onUnavailable: () => void;
  }
>(function SigmaCanvas(
  { graph, look, highlight, label, onClickNode, onDoubleClickNode, onUnavailable },
  ref,
) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeLook, EdgeLook> | null>(null);
  const display = useRef(new MultiDirectedGraph<NodeLook, EdgeLook>());
  const highlightRef = useRef<ChartHighlight | null>(highlight);
  const handlers = useRef({ onClickNode, onDoubleClickNode });
  handlers.current = { onClickNode, onDoubleClickNode };
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    let sigma: Sigma<NodeLook, EdgeLook>;
    try {
      sigma = new Sigma(display.current, container.current, {
        ...SIGMA_SETTINGS,
        ...highlightReducers(() => highlightRef.current),
      });
    } catch {
      // No WebGL (an old or locked-down browser): the lists below still carry the chart.
      onUnavailable();
      return;
    }
    sigma.on('clickNode', ({ node }) => handlers.current.onClickNode(node));
    sigma.on('doubleClickNode', (payload) => {
      payload.preventSigmaDefault();
      handlers.current.onDoubleClickNode(payload.node);
    });
    sigmaRef.current = sigma;
    // A tab that was hidden comes back with a size again: sigma must learn it.
    const resized = new ResizeObserver(() => {
      sigma.resize();
      sigma.refresh({ skipIndexation: true });
    });
    resized.observe(container.current);
    setReady(true);
    return () => {
      resized.disconnect();
      sigma.kill();
      sigmaRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one sigma per mounted canvas
  }, []);

  useEffect(() => {
    fillDisplayGraph(display.current, graph, look);
    const { hideEdgesOnMove, hideLabelsOnMove, defaultEdgeType } = sigmaSettingsFor(graph.size);
    sigmaRef.current?.setSettings({ hideEdgesOnMove, hideLabelsOnMove, defaultEdgeType });
    sigmaRef.current?.refresh();
  }, [graph, look, ready]);

  useEffect(() => {
    highlightRef.current = highlight;
    sigmaRef.current?.refresh({ skipIndexation: true });
  }, [highlight]);

  useImperativeHandle(
    ref,
    () => ({
      sigma: () => sigmaRef.current,
      picture(title: string): Picture {
        const sigma = sigmaRef.current;
        const box = container.current?.getBoundingClientRect();
        const width = box?.width ?? 0;
        const height = box?.height ?? 0;
        if (!sigma) return { width, height, title, nodes: [], edges: [] };
        const labelled = sigma.getNodeDisplayedLabels();
        const at = new Map<string, { x: number; y: number; radius: number }>();
        const nodes: Picture['nodes'][number][] = [];
        display.current.forEachNode((id) => {
          const data = sigma.getNodeDisplayData(id);
          if (!data || data.hidden) return;
          const { x, y } = sigma.framedGraphToViewport(data);
          const radius = sigma.scaleSize(data.size);
          at.set(id, { x, y, radius });
          if (x < -radius || y < -radius || x > width + radius || y > height + radius) return;
          nodes.push({ x, y, radius, colour: data.color, label: labelled.has(id) ? (data.label ?? '') : '' });
        });
        const edges: Picture['edges'][number][] = [];
        display.current.forEachEdge((id, _attributes, source, target) => {
          const data = sigma.getEdgeDisplayData(id);
          const from = at.get(source);
          const to = at.get(target);
          if (!data || data.hidden || !from || !to) return;
          edges.push({
            x1: from.x,
            y1: from.y,
            x2: to.x,
            y2: to.y,
            colour: data.color,
            width: Math.max(1, sigma.scaleSize(data.size)),
            arrow: true,
          });
        });
        // Highlighted items are drawn last, as on screen.
        const order = (colour: string) => (colour === MUTED ? 0 : 1);
        nodes.sort((a, b) => order(a.colour) - order(b.colour));
        edges.sort((a, b) => order(a.colour) - order(b.colour));
        return { width, height, title, nodes, edges };
      },
      camera() {
        const state = sigmaRef.current?.getCamera().getState();
        return state ?? { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
      },
      setCamera(camera) {
        const cam = sigmaRef.current?.getCamera();
        if (!cam) return;
        if (camera) cam.setState(camera);
        else void cam.animatedReset({ duration: 0 });
      },
      focus(id: string) {
        const sigma = sigmaRef.current;
        const data = sigma?.getNodeDisplayData(id);
        if (!sigma || !data) return;
        void sigma.getCamera().animate({ x: data.x, y: data.y, ratio: 0.4 }, { duration: 300 });
      },
    }),
    [],
  );

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid="link-chart-canvas"
      style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
    />
  );
});
