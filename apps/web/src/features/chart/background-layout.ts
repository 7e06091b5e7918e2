import type { ChartGraph } from '@veza/graph';
import { layoutIterations } from './chart.model.ts';
import type { LayoutAnswer, LayoutRequest } from './layout.worker.ts';

/** The browser's Worker, as far as used here (bench/ type-checks this file with Node's types). */
interface LayoutWorker {
  onmessage: ((event: { data: LayoutAnswer }) => void) | null;
  onerror: (() => void) | null;
  postMessage(message: LayoutRequest): void;
  terminate(): void;
}
type LayoutWorkerConstructor = new (url: URL, options: { type: 'module' }) => LayoutWorker;

/**
 * Runs ForceAtlas2 on the chart in a worker, from the positions it is drawn at now; resolves with
 * the new positions, or null when cancelled (the chart changed first) or workers are unavailable.
 */
export function layoutInBackground(
  graph: ChartGraph,
  from: ReadonlyMap<string, readonly [number, number]>,
): { result: Promise<Map<string, [number, number]> | null>; cancel: () => void } {
  // Named Worker so that Vite sees `new Worker(new URL(...))` and bundles the worker.
  const Worker = (globalThis as unknown as { Worker?: LayoutWorkerConstructor }).Worker;
  if (!Worker) return { result: Promise.resolve(null), cancel: () => {} };
  let worker: LayoutWorker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return { result: Promise.resolve(null), cancel: () => {} };
  }
  let settle: (value: Map<string, [number, number]> | null) => void = () => {};
  const result = new Promise<Map<string, [number, number]> | null>((resolve) => {
    settle = resolve;
  });
  worker.onmessage = ({ data }) => {
    const positions = new Map<string, [number, number]>();
    data.ids.forEach((id, i) => positions.set(id, [data.xy[2 * i]!, data.xy[2 * i + 1]!]));
    worker.terminate();
    settle(positions);
  };
  worker.onerror = () => {
    worker.terminate();
    settle(null);
  };
  const request: LayoutRequest = {
    nodes: graph.mapNodes((id, attributes) => {
      const [x, y] = from.get(id) ?? [0, 0];
      return { id, type: attributes.type, x, y };
    }),
    edges: graph.mapEdges((id, attributes, source, target) => ({
      id,
      source,
      target,
      ...(attributes.weight !== undefined && { weight: attributes.weight }),
    })),
    iterations: layoutIterations(graph.order),
  };
  worker.postMessage(request);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}
