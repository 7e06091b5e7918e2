// Checks that the chart's own WebGL programs (apps/web/src/features/chart/programs.ts: sigma's
// programs without instancing, for speed in software WebGL) draw exactly what sigma's own programs
// draw: the same screenshot, and the same node found under each point of a grid (picking). Run it
// after upgrading sigma. Exits 1 on a difference.
// Usage: npx tsx bench/chart/same-pixels.ts
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';

/** What the benchmark page offers (bench/chart/page.ts), seen from Node. */
interface BenchPage {
  benchRender(nodes: number, edges: number): Promise<unknown>;
  benchUseSigmaPrograms(): void;
  benchLook(): Promise<string[]>;
}
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
// A chart with arrows (up to 2,000 links) and one with plain lines.
const CHARTS = [
  [300, 1000],
  [600, 2500],
] as const;

const out = mkdtempSync(join(tmpdir(), 'veza-bench-chart-'));
await build({ root: import.meta.dirname, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
const server = createServer((request, response) => {
  const path = join(out, request.url === '/' ? 'index.html' : (request.url ?? '').split('?')[0]!);
  if (!path.startsWith(out) || !existsSync(path)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(response);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: process.env.VEZA_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
});
let same = true;
try {
  for (const [nodes, edges] of CHARTS) {
    const seen: { shot: Buffer; picked: string[] }[] = [];
    for (const sigmas of [false, true]) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
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
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
process.exit(same ? 0 : 1);
