// Compiles the `veza` command once, at install time (the root `prepare` script), so that it starts
// without compiling TypeScript (docs/adr/0001, amended 2026-12-07). The workspace packages (@veza/*,
// which export their .ts sources) are bundled; every third-party package stays external and is loaded
// from node_modules at run time, so PGlite's wasm, argon2's binary and the PDF fonts are found where
// npm put them. Command modules are loaded lazily (dynamic imports), which become separate chunks.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` builds elsewhere (the bundle's test); bin/veza.js looks in apps/cli/dist only.
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? resolve(process.argv[outdirArg + 1] ?? '') : join(root, 'apps/cli/dist');
const entry = join(root, 'apps/cli/src/main.ts');

/** A path from the bundle's folder to `file`, as an import specifier. */
function fromOutdir(file) {
  const path = relative(outdir, file).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * Third-party packages stay external, but as the very file the importing source resolves to: a
 * workspace may hold its own version of a package (apps/server/node_modules/@fastify/static), which
 * a bare name resolved from apps/cli/dist would miss.
 */
const externalThirdParty = {
  name: 'external-third-party',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@veza/') || args.path.startsWith('node:') || isAbsolute(args.path))
        return null;
      if (args.pluginData === 'resolving') return null;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (resolved.external || !isAbsolute(resolved.path)) return { path: args.path, external: true };
      return { path: fromOutdir(resolved.path), external: true };
    });
  },
};

/**
 * Sources that find files beside themselves (`new URL('../migrations', import.meta.url)`) keep
 * finding them: `import.meta.url` becomes the URL the source file had, computed from the bundle's
 * own location so that the installed tree may still be moved as a whole.
 */
const sourceRelativeMetaUrl = {
  name: 'source-relative-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return null;
      const fromBundle = JSON.stringify(fromOutdir(args.path));
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${fromBundle}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { veza: entry },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [externalThirdParty, sourceRelativeMetaUrl],
});

// What the bundle was made of: bin/veza.js falls back to tsx when any of these is newer.
const inputs = Object.keys(result.metafile.inputs)
  .map((input) => relative(root, resolve(root, input)).split('\\').join('/'))
  .filter((input) => !input.includes('node_modules/'));
writeFileSync(
  join(outdir, 'inputs.json'),
  JSON.stringify({ builtAt: new Date().toISOString(), inputs: [...inputs, 'package-lock.json'] }) + '\n',
);
process.stdout.write(`veza: built ${fromOutdir(join(outdir, 'veza.mjs'))} from ${inputs.length} sources\n`);
