import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Database } from '@veza/db';

export interface Output {
  write(text: string): unknown;
}

/**
 * `veza import ftm FILE --case TITLE --as EMAIL`: one transaction, as that user. Prints exactly one
 * JSON line on stdout; every rejected line goes to stderr as `line N: reason`.
 */
export async function importFtmFile(
  database: Database,
  options: { file: string; caseTitle: string; email: string },
  stdout: Output,
  stderr: Output,
): Promise<{ imported: number; rejected: number; suggestions: number }> {
  const { importFtm, runAs } = await import('@veza/server');
  const text = await readFile(options.file, 'utf8');
  const result = await runAs(database, options.email, (ctx, tx) =>
    importFtm(tx, ctx, {
      caseTitle: options.caseTitle,
      source: basename(options.file),
      lines: text.split(/\r?\n/),
    }),
  );
  for (const rejection of result.rejections) stderr.write(`line ${rejection.line}: ${rejection.message}\n`);
  const summary = { imported: result.imported, rejected: result.rejected, suggestions: result.suggestions };
  stdout.write(`${JSON.stringify(summary)}\n`);
  return summary;
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const { loadConfig, openConfiguredDatabase } = await import('@veza/server');
  const database = await openConfiguredDatabase(loadConfig(process.env));
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export function registerFtmCommands(program: Command): void {
  program
    .command('import')
    .description('import data into a case')
    .command('ftm <file>')
    .description('import FollowTheMoney JSON lines into a case (opened when missing), as a user')
    .requiredOption('--case <title>', 'title of the case')
    .requiredOption('--as <email>', 'the user the import is done as')
    .action(async (file: string, options: { case: string; as: string }) => {
      await withDatabase((database) =>
        importFtmFile(
          database,
          { file, caseTitle: options.case, email: options.as },
          process.stdout,
          process.stderr,
        ),
      );
    });
}
