// Runs in headless Chromium: the chart pipeline of apps/web on a synthetic case, drawn by sigma.js
// with the app's own settings, timed from the data to the first drawn frame.
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { createEdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import {
  INITIAL_VIEW,
  colourOfType,
  fullGraph,
  placeNodes,
  visibleGraph,
  CALLS_COLOUR,
} from '../../apps/web/src/features/chart/chart.model.ts';
import {
  fillDisplayGraph,
  highlightReducers,
  sigmaSettingsFor,
  type EdgeLook,
  type NodeLook,
} from '../../apps/web/src/features/chart/display.ts';
import { layoutInBackground } from '../../apps/web/src/features/chart/background-layout.ts';
import { syntheticCase } from './synthetic.ts';

interface Timings {
  nodes: number;
  edges: number;
  graphMs: number;
  /** First positions: by communities on a chart this large, as the app does. */
  layoutMs: number;
  sigmaMs: number;
  firstFrameMs: number;
  /** ForceAtlas2 in the worker, while the chart is already on screen, and its frame. */
  backgroundLayoutMs: number;
}

/** The part of the page's DOM used here (bench/ is type-checked with Node's types, not the DOM's). */
interface BenchWindow {
  requestAnimationFrame(callback: (time: number) => void): number;
  document: { getElementById(id: string): unknown };
  benchRender?: typeof render;
  benchPan?: typeof pan;
  benchFrames?: () => number;
  benchUseSigmaPrograms?: typeof useSigmaPrograms;
  benchLook?: typeof look;
}
const page = globalThis as unknown as BenchWindow;

let sigma: Sigma<NodeLook, EdgeLook> | null = null;
let frames = 0;

const nextFrame = () => new Promise<number>((resolve) => page.requestAnimationFrame(resolve));

async function render(nodes: number, edges: number): Promise<Timings> {
  const data = syntheticCase(nodes, edges);
  await nextFrame();
  const started = performance.now();
  const full = fullGraph(data, null);
  const visible = visibleGraph(full, INITIAL_VIEW);
  const graphDone = performance.now();
  const positions = placeNodes(full, new Map());
  const layoutDone = performance.now();
  const display = new MultiDirectedGraph<NodeLook, EdgeLook>();
  const calls = new Map(data.edges.map((e) => [e.id, e.calls?.count ?? 1]));
  fillDisplayGraph(display, visible, {
    position: (id) => positions.get(id) ?? [0, 0],
    colour: (id) => colourOfType(visible.getNodeAttribute(id, 'type')),
    label: (id) => visible.getNodeAttribute(id, 'label'),
    edgeColour: () => CALLS_COLOUR,
    edgeSize: (id) => Math.min(6, 1 + Math.log2(calls.get(id) ?? 1)),
  });
  sigma = new Sigma(
    display,
    page.document.getElementById('chart') as ConstructorParameters<typeof Sigma>[1],
    // As the app's SigmaCanvas: the chart's settings and its highlighting (none here).
    { ...sigmaSettingsFor(display.size), ...highlightReducers(() => null) },
  );
  sigma.on('afterRender', () => frames++);
  const sigmaDone = performance.now();
  await nextFrame();
  const shown = performance.now();
  const refined = await layoutInBackground(full, positions).result;
  if (refined) {
    display.updateEachNodeAttributes((id, attributes) => {
      const [x, y] = refined.get(id) ?? [attributes.x, attributes.y];
      return { ...attributes, x, y };
    });
    sigma.refresh();
  }
  await nextFrame();
  return {
    nodes: display.order,
    edges: display.size,
    graphMs: graphDone - started,
    layoutMs: layoutDone - graphDone,
    sigmaMs: sigmaDone - layoutDone,
    firstFrameMs: shown - started,
    backgroundLayoutMs: refined ? performance.now() - shown : NaN,
  };
}

/**
 * Pans the camera across the chart for `seconds` and counts the frames sigma drew. `animated` is
 * how a drag looks to sigma (the camera is moving: links and labels are left out on large charts);
 * otherwise the camera jumps every frame and everything is redrawn each time, the worst case.
 */
async function pan(seconds: number, animated: boolean): Promise<{ frames: number; seconds: number }> {
  if (!sigma) throw new Error('render first');
  const camera = sigma.getCamera();
  camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  await nextFrame();
  const before = frames;
  const started = performance.now();
  if (animated) {
    await camera.animate({ x: 0.9, y: 0.2 }, { duration: seconds * 1000, easing: 'linear' });
  } else {
    while (performance.now() - started < seconds * 1000) {
      const t = (performance.now() - started) / (seconds * 1000);
      camera.setState({ x: 0.5 + 0.4 * t, y: 0.5 - 0.3 * t });
      await nextFrame();
    }
  }
  return { frames: frames - before, seconds: (performance.now() - started) / 1000 };
}

/**
 * Draws with sigma's own (instanced) programs instead of the app's (apps/web/.../programs.ts), so
 * that same-pixels.ts can check that both draw the same.
 */
function useSigmaPrograms(): void {
  if (!sigma) throw new Error('render first');
  sigma.setSetting('nodeProgramClasses', { circle: NodeCircleProgram<NodeLook, EdgeLook> });
  sigma.setSetting('edgeProgramClasses', {
    arrow: createEdgeArrowProgram<NodeLook, EdgeLook>(), // sigma's EdgeArrowProgram, typed for this graph
    line: EdgeRectangleProgram<NodeLook, EdgeLook>,
  });
}

/** Zooms in (labels drawn) and reports which node is under each point of a grid: picking. */
async function look(): Promise<string[]> {
  if (!sigma) throw new Error('render first');
  sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.5, angle: 0 });
  sigma.refresh();
  await nextFrame();
  // Sigma's own picking read-out, the one its mouse events use (private in its typings).
  const picking = sigma as unknown as { getNodeAtPosition(at: { x: number; y: number }): string | null };
  const found: string[] = [];
  for (let x = 20; x < 1200; x += 40)
    for (let y = 20; y < 800; y += 40) found.push(picking.getNodeAtPosition({ x, y }) ?? '');
  return found;
}

page.benchRender = render;
page.benchUseSigmaPrograms = useSigmaPrograms;
page.benchLook = look;
page.benchPan = pan;
page.benchFrames = () => frames;
