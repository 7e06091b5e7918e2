// What the chart benchmarks share: the benchmark page built with Vite, served on a local port, and
// Debian's Chromium started as the browser tests start it.
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../../tests/e2e/support/chromium.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface BenchPageHost {
  /** The page's address. */
  url: string;
  browser: Browser;
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>;
}

/** Builds bench/chart's page (minified unless profiling wants names), serves it, starts Chromium. */
export async function hostBenchPage(options: { minify?: boolean } = {}): Promise<BenchPageHost> {
  const out = mkdtempSync(join(tmpdir(), 'veza-bench-chart-'));
  await build({
    root: import.meta.dirname,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, minify: options.minify ?? true },
  });
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
  const browser = await launchBrowser();

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    browser,
    close: async () => {
      await browser.close();
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
