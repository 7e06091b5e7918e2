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

/** @returns {Record<string, string>} SQL table name (as written in raw SQL) -> owner */
export function sqlTableOwners() {
  /** @type {Record<string, string>} */
  const owners = {};
  for (const file of readdirSync(SCHEMA_FOLDER).sort()) {
    if (!file.endsWith('.ts') || file === 'index.ts' || file.endsWith('.test.ts')) continue;
    const module = basename(file, '.ts');
    const source = readFileSync(join(SCHEMA_FOLDER, file), 'utf8');
    for (const [, exported, table] of source.matchAll(/^export const (\w+) = pgTable\(\s*'(\w+)'/gm)) {
      owners[table] = PLATFORM_TABLES.includes(exported) ? 'platform' : module;
    }
  }
  return owners;
}

/**
 * Tables of other owners that raw SQL in a module's source names after FROM, JOIN, UPDATE or INTO
 * (the lint rule sees imports only). Comments are left out; a module's own tables are allowed.
 * @param {string} module
 * @param {string} source
 * @returns {string[]}
 */
export function foreignTablesInSql(module, source) {
  const owners = sqlTableOwners();
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const found = new Set();
  for (const [, table] of code.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"?(\w+)"?/gi)) {
    if (table in owners && owners[table] !== module) found.add(table);
  }
  return [...found].sort();
}
