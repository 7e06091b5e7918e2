import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

/**
 * Builds service-worker.ts as /sw.js: a separate build into one classic script (every browser runs
 * it, and it shares no chunk with the app), with the list of files to keep for offline use written
 * in: every file of the app's build plus the given files of public/. The version is a hash of that
 * list and of index.html, so each new build installs a new worker and drops the old cache.
 */
export function vezaServiceWorker(options: { entry: string; publicFiles: string[] }): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'veza-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    // After Vite's HTML plugin has emitted index.html (the app shell) into the bundle.
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        // One missing file and the browser refuses to install the worker: fail the build instead.
        const missing = options.publicFiles.filter((file) => !existsSync(join(config.publicDir, file)));
        if (missing.length > 0) throw new Error(`sw.js: no ${missing.join(', ')} in public/`);
        const built = Object.keys(bundle)
          .filter((name) => !name.endsWith('.map'))
          .map((name) => `/${name}`);
        const files = [...new Set([...built, ...options.publicFiles])].sort();
        const indexHtml = bundle['index.html'];
        const html = indexHtml && indexHtml.type === 'asset' ? String(indexHtml.source) : '';
        const version = hash(files.join('\n') + html);
        const code = (await buildWorker(config.root, options.entry))
          .replace(/[\w$]+\.__VEZA_PRECACHE__/, JSON.stringify(files))
          .replace(/[\w$]+\.__VEZA_VERSION__/, JSON.stringify(version));
        if (code.includes('__VEZA_')) throw new Error('sw.js: placeholders left after the build');
        this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
      },
    },
  };
}

async function buildWorker(root: string, entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: 'vezaServiceWorker', fileName: () => 'sw.js' },
      // Nothing the worker imports acts on import: keep only what it calls (less of @veza/shared).
      rolldownOptions: { treeshake: { moduleSideEffects: false } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('sw.js was not built');
}

/** FNV-1a, 32 bits, hex: enough to tell one build's file list from another's. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
