// Checks that the chart's own WebGL programs (apps/web/src/features/chart/programs.ts: sigma's
// programs without instancing, for speed in software WebGL) draw exactly what sigma's own programs
// draw: the same screenshot, and the same node found under each point of a grid (picking). Run it
// after upgrading sigma. Exits 1 on a difference.
// Usage: npx tsx bench/chart/same-pixels.ts
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostBenchPage } from './harness.ts';

/** What the benchmark page offers (bench/chart/page.ts), seen from Node. */
interface BenchPage {
  benchRender(nodes: number, edges: number): Promise<unknown>;
  benchUseSigmaPrograms(): void;
  benchLook(): Promise<string[]>;
}
// A chart with arrows (up to 2,000 links) and one with plain lines.
const CHARTS = [
  [300, 1000],
  [600, 2500],
] as const;

const host = await hostBenchPage();
const { browser } = host;
const url = host.url;
let same = true;
try {
  for (const [nodes, edges] of CHARTS) {
    const seen: { shot: Buffer; picked: string[] }[] = [];
    for (const sigmas of [false, true]) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      await page.goto(url);
      await page.waitForFunction(
        () => typeof (globalThis as unknown as Partial<BenchPage>).benchRender === 'function',
      );
      await page.evaluate(
        ([n, e]) => (globalThis as unknown as BenchPage).benchRender(n!, e!),
        [nodes, edges],
      );
      if (sigmas) await page.evaluate(() => (globalThis as unknown as BenchPage).benchUseSigmaPrograms());
      const picked = await page.evaluate(() => (globalThis as unknown as BenchPage).benchLook());
      seen.push({ shot: await page.screenshot(), picked });
      await page.close();
    }
    const [app, sigma] = seen as [(typeof seen)[0], (typeof seen)[0]];
    const pixels = app.shot.equals(sigma.shot);
    const picking = app.picked.join() === sigma.picked.join();
    const found = app.picked.filter(Boolean).length;
    console.log(
      `${nodes} entities, ${edges} links: screenshots ${pixels ? 'identical' : 'DIFFER'}; ` +
        `node under ${app.picked.length} points ${picking ? 'the same' : 'DIFFERS'} (${found} on a node)`,
    );
    if (!pixels) {
      writeFileSync(join(tmpdir(), `chart-app-${edges}.png`), app.shot);
      writeFileSync(join(tmpdir(), `chart-sigma-${edges}.png`), sigma.shot);
      console.log(`  both written to ${tmpdir()}/chart-{app,sigma}-${edges}.png`);
    }
    same &&= pixels && picking && found > 0;
  }
} finally {
  await host.close();
}
process.exit(same ? 0 : 1);
