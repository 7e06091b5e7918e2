import type { Command } from 'commander';
import type { Database } from '@veza/db';
import type { CsvTable } from '@veza/shared';
import type { CliExportFormat } from './exchange.files.ts';

/**
 * `veza export graphml` has always been run with `--case` and `--as` alone, and scripts call it so:
 * that still works, and its audit entry then says that no recipient or purpose was stated rather than
 * making one up. The other formats came with both flags required.
 */
export const NOT_STATED = 'not stated (veza export graphml)';

const DESCRIPTIONS: Record<CliExportFormat, string> = {
  ftm: 'write a case as FollowTheMoney JSON lines to standard output (audited as a disclosure; H2/H3 statements left out)',
  csv: "write a case's statements or call records as CSV to standard output (audited as a disclosure)",
  graphml:
    "write a case's graph as GraphML to standard output, calls as links weighted by their number (audited as a disclosure; H2/H3 statements left out)",
};

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const { loadConfig, openConfiguredDatabase } = await import('@veza/server');
  const database = await openConfiguredDatabase(loadConfig(process.env));
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function subcommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function registerExchangeCommands(program: Command): void {
  subcommand(program, 'import', 'import data into a case')
    .command('cdr <file>')
    .description(
      'import call-detail records (CSV or XLSX: caller, callee, start, duration, cell) into a case, as a user',
    )
    .requiredOption('--case <title>', 'title of the case')
    .requiredOption('--as <email>', 'the user the import is done as')
    .option('--source <text>', 'where the records come from', 'call-detail records')
    .option('--evaluation <grade>', 'Europol 4x4 evaluation of the source and information', 'X4')
    .option('--handling <code>', 'handling code of the numbers (H0-H3)', 'H0')
    .action(
      async (
        file: string,
        o: { case: string; as: string; source: string; evaluation: string; handling: string },
      ) => {
        const { importCdrFile, provenanceFrom } = await import('./exchange.files.ts');
        const provenance = provenanceFrom(o);
        await withDatabase((database) =>
          importCdrFile(
            database,
            { file, caseTitle: o.case, email: o.as, provenance },
            process.stdout,
            process.stderr,
          ),
        );
      },
    );

  const exports = subcommand(program, 'export', 'export case data');
  for (const format of ['ftm', 'csv', 'graphml'] as const) {
    const command = exports
      .command(format)
      .description(DESCRIPTIONS[format])
      .requiredOption('--case <title>', 'title of the case')
      .requiredOption('--as <email>', 'the user the export is done as');
    if (format === 'graphml')
      command
        .option('--recipient <who>', 'who the file is for', NOT_STATED)
        .option('--purpose <why>', 'what it is for', NOT_STATED);
    else
      command
        .requiredOption('--recipient <who>', 'who the file is for')
        .requiredOption('--purpose <why>', 'what it is for');
    if (format === 'csv') command.option('--table <table>', 'statements or calls', 'statements');
    command.action(
      async (o: { case: string; as: string; recipient: string; purpose: string; table?: string }) => {
        const table = (o.table ?? 'statements') as CsvTable;
        if (table !== 'statements' && table !== 'calls') throw new Error('--table takes statements or calls');
        const { exportCaseFile } = await import('./exchange.files.ts');
        await withDatabase((database) =>
          exportCaseFile(
            database,
            { format, table, caseTitle: o.case, email: o.as, recipient: o.recipient, purpose: o.purpose },
            process.stdout,
            process.stderr,
          ),
        );
      },
    );
  }
}
