// ForceAtlas2 for a large chart, off the page's thread: the chart is drawn at once by communities
// and moves to this layout when it is ready. A module worker served by the app itself, so the
// Content Security Policy (script-src 'self') allows it.
import { buildGraph, layout } from '@veza/graph';

export interface LayoutRequest {
  readonly nodes: readonly { id: string; type: string; x: number; y: number }[];
  readonly edges: readonly { id: string; source: string; target: string; weight?: number }[];
  readonly iterations: number;
}

export interface LayoutAnswer {
  readonly ids: readonly string[];
  readonly xy: Float64Array;
}

interface WorkerScope {
  onmessage: ((event: { data: LayoutRequest }) => void) | null;
  postMessage(message: LayoutAnswer, transfer: ArrayBuffer[]): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  const { graph } = buildGraph(
    data.nodes.map((n) => ({ id: n.id, type: n.type, label: '' })),
    data.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'link',
      ...(e.weight !== undefined && { weight: e.weight }),
    })),
  );
  for (const n of data.nodes) graph.mergeNodeAttributes(n.id, { x: n.x, y: n.y });
  const positions = layout(graph, data.iterations);
  const ids = [...positions.keys()];
  const xy = new Float64Array(ids.length * 2);
  ids.forEach((id, i) => {
    const p = positions.get(id)!;
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  scope.postMessage({ ids, xy }, [xy.buffer]);
};
