import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Database } from '@veza/db';
import { exportCase, findCaseByTitle, loadConfig, openConfiguredDatabase, runAs } from '@veza/server';
import { fileTypeOf, openImport, readTable, runImportJob } from '@veza/server/modules/exchange';
import {
  EVALUATION_SOURCES,
  ExportRequestSchema,
  guessCallColumns,
  HANDLING_CODES,
  type CallMapping,
  type CsvTable,
  type ExportFormat,
  type ImportProvenance,
} from '@veza/shared';
import type { Output } from './ftm.ts';

/** Maps columns by their headings; without recognisable headings, the order caller, callee, start, duration, cell. */
export function callMappingFor(headers: readonly string[]): CallMapping {
  const found = guessCallColumns(headers);
  if (found.caller < 0 || found.callee < 0 || found.start < 0 || found.duration < 0)
    return { caller: 0, callee: 1, start: 2, duration: 3, cell: headers.length > 4 ? 4 : null };
  return { ...found, cell: found.cell < 0 ? null : found.cell };
}

/** `B2` → source B, information 2. */
export function provenanceFrom(options: {
  source: string;
  evaluation: string;
  handling: string;
}): ImportProvenance {
  const m = /^([ABCX])([1-4])$/.exec(options.evaluation.toUpperCase());
  if (!m)
    throw new Error(
      `--evaluation takes a Europol 4x4 grade such as B2 (source ${EVALUATION_SOURCES.join('/')}, information 1-4)`,
    );
  const handling = options.handling.toUpperCase();
  if (!(HANDLING_CODES as readonly string[]).includes(handling))
    throw new Error(`--handling takes one of ${HANDLING_CODES.join(', ')}`);
  return {
    source: options.source,
    evaluationSource: m[1] as ImportProvenance['evaluationSource'],
    evaluationInfo: Number(m[2]) as ImportProvenance['evaluationInfo'],
    handlingCode: handling as ImportProvenance['handlingCode'],
    kind: 'fact',
  };
}

/**
 * `veza import cdr FILE --case TITLE --as EMAIL`: call-detail records from CSV or XLSX into an existing
 * case, in one transaction as that user. One JSON line on stdout, each rejected row on stderr.
 */
export async function importCdrFile(
  database: Database,
  options: { file: string; caseTitle: string; email: string; provenance: ImportProvenance },
  stdout: Output,
  stderr: Output,
): Promise<{ imported: number; rejected: number; suggestions: number }> {
  const bytes = await readFile(options.file);
  const fileName = basename(options.file);
  const outcome = await runAs(database, options.email, async (ctx, tx) => {
    const caseId = await findCaseByTitle(tx, ctx, options.caseTitle);
    if (!caseId) throw new Error(`you may see no case titled "${options.caseTitle}"`);
    const fileType = fileTypeOf(fileName, bytes);
    if (fileType === 'ftm') throw new Error('this is a FollowTheMoney file: use `veza import ftm`');
    const { headers } = await readTable(fileType, bytes);
    const { job } = await openImport(tx, ctx, caseId, {
      fileName,
      content: bytes.toString('base64'),
      target: 'calls',
      calls: callMappingFor(headers),
      provenance: options.provenance,
    });
    return runImportJob(tx, ctx, job);
  });
  for (const r of outcome.rejections)
    stderr.write(
      `row ${r.row}: ${r.reason}${r.field ? ` (${r.field}` : ''}${r.value ? `: ${r.value}` : ''}${r.field ? ')' : ''}\n`,
    );
  const summary = {
    imported: outcome.imported,
    rejected: outcome.rejected,
    suggestions: outcome.suggestions,
  };
  stdout.write(`${JSON.stringify(summary)}\n`);
  return summary;
}

/**
 * `veza export ftm|csv|graphml --case TITLE --as EMAIL --recipient R --purpose P`: the file the web
 * app's export gives (the same server function), on stdout, audited as a disclosure to R for P. What
 * was left out under H2/H3, and an H1 warning, go to stderr so stdout stays the file.
 */
export async function exportCaseFile(
  database: Database,
  options: {
    format: CliExportFormat;
    table: CsvTable;
    caseTitle: string;
    email: string;
    recipient: string;
    purpose: string;
  },
  stdout: Output,
  stderr: Output,
): Promise<void> {
  // The web app's request contract: a blank recipient or purpose is no statement of either.
  const parsed = ExportRequestSchema.safeParse({
    format: options.format,
    table: options.table,
    recipient: options.recipient,
    purpose: options.purpose,
  });
  if (!parsed.success) throw new Error('--recipient and --purpose take a line of text each');
  const request = parsed.data;
  const file = await runAs(database, options.email, async (ctx, tx) => {
    const caseId = await findCaseByTitle(tx, ctx, options.caseTitle);
    if (!caseId) throw new Error(`you may see no case titled "${options.caseTitle}"`);
    return exportCase(tx, ctx, caseId, request);
  });
  if (file.withheldStatements > 0 || file.withheldEntities > 0)
    stderr.write(
      `left out under H2/H3: ${file.withheldStatements} statements, ${file.withheldEntities} entities\n`,
    );
  if (file.notForCourt) stderr.write("H1: not to be used in court without the provider's permission\n");
  stdout.write(file.content);
}

/** What `veza export` writes: every export format but the PDF, which is no file for a terminal. */
export type CliExportFormat = Exclude<ExportFormat, 'pdf'>;

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
