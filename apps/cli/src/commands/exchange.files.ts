// The files of `veza import cdr` and `veza export`: loaded only when one of them runs, so other
// commands start without the server.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '@veza/db';
import { exportCase, findCaseByTitle, runAs } from '@veza/server';
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
