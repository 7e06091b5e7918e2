// Benchmark of the link chart in the browser: a synthetic case of 5,000 entities and 20,000 links
// goes through the web app's chart pipeline (graph, ForceAtlas2 layout, sigma.js WebGL drawing) in
// headless Chromium; prints the time to the first drawn frame and the frames per second while the
// analyst pans the chart with the mouse. Chromium here draws WebGL in software (SwiftShader), so a
// workstation with a graphics card does better. Each panning figure comes with the browser's CPU
// time per frame, which other work on the machine hardly changes. Prints figures; not a test.
// Usage: npx tsx bench/chart/run.ts [nodes=5000] [edges=20000] [panSeconds=5]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { hostBenchPage } from './harness.ts';

const nodes = Number(process.argv[2] ?? 5000);
const edges = Number(process.argv[3] ?? 20000);
const panSeconds = Number(process.argv[4] ?? 5);
/** What the benchmark page offers (bench/chart/page.ts), seen from Node. */
interface BenchPage {
  benchRender(
    nodes: number,
    edges: number,
  ): Promise<{
    nodes: number;
    edges: number;
    graphMs: number;
    layoutMs: number;
    sigmaMs: number;
    firstFrameMs: number;
    backgroundLayoutMs: number;
  }>;
  benchPan(seconds: number, animated: boolean): Promise<{ frames: number; seconds: number }>;
  benchFrames(): number;
  document: { createElement(tag: 'canvas'): { getContext(kind: 'webgl2'): WebGL | null } };
}
interface WebGL {
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(key: number): unknown;
}

/**
 * CPU time (ms) used so far by the browser this script started: all its processes, the GPU
 * process (where SwiftShader draws) included. Frames per second fall when other work shares the
 * machine's cores; CPU time per frame hardly does, so it compares runs made under different loads.
 * Read from /proc (Linux); NaN elsewhere.
 */
function browserCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name: state, ppid, ... utime (14th field), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  for (const [pid, used] of ticks) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        total += used;
        break;
      }
    }
  }
  return total * 10; // clock ticks of 10 ms (USER_HZ 100 on Linux)
}

const host = await hostBenchPage();
const { browser } = host;
const url = host.url;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(
    () => typeof (globalThis as unknown as Partial<BenchPage>).benchRender === 'function',
  );
  const renderer = await page.evaluate(() => {
    const gl = (globalThis as unknown as BenchPage).document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  });
  const timings = await page.evaluate(
    ([n, e]) => (globalThis as unknown as BenchPage).benchRender(n!, e!),
    [nodes, edges],
  );

  // Pan: drag the background back and forth, as an analyst does, for panSeconds.
  const before = await page.evaluate(() => (globalThis as unknown as BenchPage).benchFrames());
  const cpuBefore = browserCpuMs();
  const started = Date.now();
  await page.mouse.move(600, 400);
  await page.mouse.down();
  let step = 0;
  while (Date.now() - started < panSeconds * 1000) {
    const angle = (step++ / 30) * Math.PI;
    await page.mouse.move(600 + Math.cos(angle) * 250, 400 + Math.sin(angle) * 150, { steps: 1 });
  }
  await page.mouse.up();
  const elapsed = (Date.now() - started) / 1000;
  const frames = (await page.evaluate(() => (globalThis as unknown as BenchPage).benchFrames())) - before;

  const cpuDrags = browserCpuMs() - cpuBefore;
  const cpuStart = browserCpuMs();
  const dragging = await page.evaluate(
    (s) => (globalThis as unknown as BenchPage).benchPan(s, true),
    panSeconds,
  );
  const cpuMiddle = browserCpuMs();
  const redrawing = await page.evaluate(
    (s) => (globalThis as unknown as BenchPage).benchPan(s, false),
    panSeconds,
  );
  const cpuEnd = browserCpuMs();
  const fps = (run: { frames: number; seconds: number }) => (run.frames / run.seconds).toFixed(1);
  const cpu = (ms: number, count: number) =>
    Number.isNaN(ms) ? '' : ` (${Math.round(ms / count)} ms of CPU per frame)`;

  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  console.log(`Link chart in headless Chromium (${renderer}), load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(
    `  drawn: ${timings.nodes.toLocaleString('en')} entities, ${timings.edges.toLocaleString('en')} links`,
  );
  console.log(`  graph (build, fold, filter): ${ms(timings.graphMs)}`);
  console.log(`  first positions (Louvain communities): ${ms(timings.layoutMs)}`);
  console.log(`  sigma.js set-up and first draw: ${ms(timings.sigmaMs)}`);
  console.log(`  time to first render: ${ms(timings.firstFrameMs)}`);
  console.log(
    `  ForceAtlas2 in the worker, then redrawn (the chart stays usable meanwhile): ${ms(timings.backgroundLayoutMs)}`,
  );
  console.log(
    `  panning, camera moving (links hidden while moving): ${fps(dragging)} frames per second${cpu(cpuMiddle - cpuStart, dragging.frames)}`,
  );
  console.log(
    `  panning, everything redrawn every frame: ${fps(redrawing)} frames per second${cpu(cpuEnd - cpuMiddle, redrawing.frames)}`,
  );
  console.log(
    `  panning with the mouse (Playwright drags, one round trip per move): ${(frames / elapsed).toFixed(1)} frames per second (${frames} frames, ${step} moves)${cpu(cpuDrags, frames)}`,
  );
} finally {
  await host.close();
}
