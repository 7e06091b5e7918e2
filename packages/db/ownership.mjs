// Which module owns each table: the one place the lint rule (eslint.config.js) and the docs read.
//
// A table belongs to the module its schema file is named after (packages/db/src/schema/<module>.ts),
// so a new module's schema file needs no line here. Only tables the platform kernel owns are named
// below: sessions are opened and checked by apps/server/src/platform/auth before any module runs.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMA_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'src', 'schema');

/** Tables owned by apps/server/src/platform rather than by the module their file is named after. */
export const PLATFORM_TABLES = ['sessions', 'sessionJustifications', 'outboundEnvelopes'];

/** @returns {Record<string, string>} exported table name (as imported from `@veza/db`) -> owner */
export function tableOwners() {
  /** @type {Record<string, string>} */
  const owners = {};
  for (const file of readdirSync(SCHEMA_FOLDER).sort()) {
    if (!file.endsWith('.ts') || file === 'index.ts' || file.endsWith('.test.ts')) continue;
    const module = basename(file, '.ts');
    const source = readFileSync(join(SCHEMA_FOLDER, file), 'utf8');
    for (const [, table] of source.matchAll(/^export const (\w+) = pgTable\(/gm)) {
      owners[table] = PLATFORM_TABLES.includes(table) ? 'platform' : module;
    }
  }
  return owners;
}
