// Profiles the link chart while it pans (bench/chart/page.ts in headless Chromium): prints where the
// main thread spends its time (V8 CPU profile, self time by function) and, from a trace, how long the
// renderer's and the GPU process's frame work takes; the raw profile and trace go to the temporary
// folder (chart.cpuprofile, chart.trace.json: open them in Chrome DevTools). For finding what makes a
// frame slow; not a test.
// Usage: npx tsx bench/chart/profile.ts [nodes=5000] [edges=20000] [panSeconds=4] [animated=1]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostBenchPage } from './harness.ts';

const nodes = Number(process.argv[2] ?? 5000);
const edges = Number(process.argv[3] ?? 20000);
const panSeconds = Number(process.argv[4] ?? 4);
const animated = (process.argv[5] ?? '1') === '1';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface BenchGlobal {
  benchRender?: (n: number, e: number) => Promise<unknown>;
  benchPan(seconds: number, animated: boolean): Promise<{ frames: number; seconds: number }>;
}

const host = await hostBenchPage({ minify: false });
const { browser } = host;
const url = host.url;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => typeof (globalThis as unknown as BenchGlobal).benchRender === 'function');
  await page.evaluate(
    ([n, e]) => (globalThis as unknown as BenchGlobal).benchRender!(n!, e!),
    [nodes, edges],
  );

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const run = await page.evaluate(
    ([s, a]) => (globalThis as unknown as BenchGlobal).benchPan(s as number, a as boolean),
    [panSeconds, animated] as const,
  );
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  };
  writeFileSync(join(tmpdir(), 'chart.cpuprofile'), JSON.stringify(profile));
  const total = profile.samples.length;
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (node.hitCount ?? 0));
  }
  const ms = (profile.endTime - profile.startTime) / 1000;
  console.log(
    `${run.frames} frames in ${run.seconds.toFixed(2)} s (${(run.frames / run.seconds).toFixed(1)} fps); profile ${ms.toFixed(0)} ms, ${total} samples`,
  );
  for (const [name, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(
      `  ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${(((hits / total) * ms) / run.frames).toFixed(1).padStart(6)} ms/frame  ${name}`,
    );
  }

  // A trace: renderer main thread vs GPU process, per frame.
  const events: { name: string; ph: string; dur?: number; pid: number; tid: number; cat: string }[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as typeof events)));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,gpu,viz,cc',
    transferMode: 'ReportEvents',
  });
  const run2 = await page.evaluate(
    ([s, a]) => (globalThis as unknown as BenchGlobal).benchPan(s as number, a as boolean),
    [panSeconds, animated] as const,
  );
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  writeFileSync(join(tmpdir(), 'chart.trace.json'), JSON.stringify({ traceEvents: events }));
  const byName = new Map<string, { n: number; dur: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.name} [pid ${e.pid}/${e.tid}]`;
    const entry = byName.get(key) ?? { n: 0, dur: 0 };
    entry.n++;
    entry.dur += e.dur / 1000;
    byName.set(key, entry);
  }
  console.log(`trace: ${run2.frames} frames in ${run2.seconds.toFixed(2)} s`);
  for (const [name, { n, dur }] of [...byName].sort((a, b) => b[1].dur - a[1].dur).slice(0, 30)) {
    console.log(
      `  ${(dur / run2.frames).toFixed(1).padStart(7)} ms/frame  ${String(n).padStart(5)}×  ${name}`,
    );
  }
} finally {
  await host.close();
}
