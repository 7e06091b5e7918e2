#!/usr/bin/env node
// The `veza` command. `npm install` / `npm ci` compile it once (scripts/build-cli.mjs, the root
// `prepare` script) into dist/veza.mjs, which starts without compiling TypeScript. When that bundle is
// missing, or any source it was made of changed since (a developer's edit), the sources run through
// tsx as before, so nobody is ever run on stale code (docs/adr/0001, amended 2026-12-07).
// VEZA_CLI_FROM_SOURCES=1 forces the sources.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = new URL('../dist/veza.mjs', import.meta.url);

function bundleIsCurrent() {
  if (process.env.VEZA_CLI_FROM_SOURCES === '1') return false;
  try {
    const built = statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('../dist/inputs.json', import.meta.url), 'utf8'));
    return inputs.every((input) => statSync(root + input, { throwIfNoEntry: false })?.mtimeMs <= built);
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
