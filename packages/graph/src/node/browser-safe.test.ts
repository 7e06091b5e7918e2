// Node-only: the package runs in the browser, so its source must not import node: modules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..');

describe('browser safety', () => {
  it('imports no node: module outside tests and the node/ folder', () => {
    const offenders = readdirSync(src)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) =>
        /from ['"]node:|import\(['"]node:|require\(['"]node:/.test(readFileSync(join(src, f), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
