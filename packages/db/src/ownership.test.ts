import { fileURLToPath } from 'node:url';
import { PgTable } from 'drizzle-orm/pg-core';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import * as db from './index.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foreignTablesInSql, tableOwners } from '../ownership.mjs';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const owners = tableOwners();

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPOSITORY });
  const [result] = await eslint.lintText(code, { filePath: `${REPOSITORY}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('one owner per table', { timeout: 30_000 }, () => {
  it('gives every table @veza/db exports an owner', () => {
    const tables = Object.entries(db)
      .filter(([, value]) => value instanceof PgTable)
      .map(([name]) => name);
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((table) => !(table in owners))).toEqual([]);
    expect(owners.persons).toBe('persons');
    expect(owners.sessions).toBe('platform');
  });

  it("fails a module's repository that reads another module's table", async () => {
    const code = "import { persons } from '@veza/db';\nexport const read = persons;\n";
    const messages = await restrictedImports(code, 'apps/server/src/modules/chart/planted.repository.ts');
    expect(messages).toEqual([expect.stringContaining("'persons' import from '@veza/db' is restricted")]);
  });

  it("fails a module that imports another module's internal file", async () => {
    const code =
      "import { findPerson } from '../persons/persons.repository.ts';\nexport const read = findPerson;\n";
    for (const file of ['planted.ts', 'planted.int.test.ts']) {
      const messages = await restrictedImports(code, `apps/server/src/modules/chart/${file}`);
      expect(messages).toEqual([expect.stringContaining('import its index.ts instead')]);
    }
  });

  it("passes a module that reads its own tables and another module's index.ts", async () => {
    const code = [
      "import { savedCharts } from '@veza/db';",
      "import { findPerson } from '../persons/index.ts';",
      "import { systemContext } from '../../platform/context.ts';",
      'export const uses = [savedCharts, findPerson, systemContext];',
      '',
    ].join('\n');
    expect(await restrictedImports(code, 'apps/server/src/modules/chart/planted.repository.ts')).toEqual([]);
  });

  it("lets a module's tests read any table to assert on it", async () => {
    const code = "import { persons } from '@veza/db';\nexport const read = persons;\n";
    expect(await restrictedImports(code, 'apps/server/src/modules/chart/planted.int.test.ts')).toEqual([]);
  });

  it("fails the command line when it imports a module's internals", async () => {
    const code =
      "import { findPerson } from '@veza/server/modules/persons/persons.repository';\nexport const read = findPerson;\n";
    expect(await restrictedImports(code, 'apps/cli/src/commands/planted.ts')).toHaveLength(1);
  });

  it("fails raw SQL that names another module's table", () => {
    const code =
      'const q = sql`SELECT e.caption FROM entities e JOIN case_members cm ON cm.case_id = e.case_id`;';
    expect(foreignTablesInSql('linkage', code)).toEqual(['case_members', 'entities']);
    expect(foreignTablesInSql('entities', '// reads from cases\nsql`SELECT 1 FROM statements`')).toEqual([]);
  });

  it('finds no raw SQL in any module naming a table it does not own', () => {
    const modules = join(REPOSITORY, 'apps/server/src/modules');
    const offending: string[] = [];
    for (const module of readdirSync(modules, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const folder = join(modules, module.name);
      for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.ts') || /\.test\.ts$|\.testing\.ts$/.test(file)) continue;
        for (const table of foreignTablesInSql(module.name, readFileSync(join(folder, file), 'utf8')))
          offending.push(`${module.name}/${file}: ${table}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
