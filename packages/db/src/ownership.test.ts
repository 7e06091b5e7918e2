import { fileURLToPath } from 'node:url';
import { PgTable } from 'drizzle-orm/pg-core';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import * as db from './index.ts';
import { tableOwners } from '../ownership.mjs';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const owners = tableOwners();

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPOSITORY });
  const [result] = await eslint.lintText(code, { filePath: `${REPOSITORY}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('one owner per table', () => {
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
});
