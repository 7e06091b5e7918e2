import { v7 as uuidv7 } from 'uuid';
import type { Db, Queryable } from '@veza/db';
import type {
  CallMapping,
  CaseImport,
  EntityColumn,
  FieldProblem,
  ImportFileType,
  ImportPreview,
  ImportPreviewRequest,
  ImportProvenance,
  ImportStart,
  RejectedRow,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/run-use-case.ts';
import { authorizedCase, signedIn, type LoadedCase, invalidCaseInput } from '../cases/index.ts';
import { validateCalls, writeCalls, type CountryCode } from './exchange.cdr.service.ts';
import { validateEntityRows, writeEntityRows } from './exchange.entities.ts';
import {
  findCaseImport,
  insertCaseImport,
  listCaseImports,
  updateCaseImport,
  type CaseImportRow,
} from './exchange.repository.ts';
import { decodeFile, fileTypeOf, ftmLines, previewFile, readTable, type Table } from './exchange.tables.ts';
import { importFtm } from './exchange.ftm-import.service.ts';
import { syncEdges } from '../entities/index.ts';
import { linkEntities } from '../linkage/index.ts';

/** Rejected rows kept in the report; the count covers them all. */
const REPORTED_REJECTIONS = 1000;

/** Everything an import needs once the file is read and the mapping checked. */
export interface ImportJob {
  importId: string;
  caseId: string;
  caseTitle: string;
  fileName: string;
  fileType: ImportFileType;
  format: 'cdr' | 'csv' | 'xlsx' | 'ftm';
  table: Table | null;
  lines: string[] | null;
  calls: CallMapping | null;
  entities: EntityColumn[] | null;
  provenance: ImportProvenance;
  region: CountryCode;
}

export interface ImportOutcome {
  imported: number;
  rejected: number;
  suggestions: number;
  rejections: RejectedRow[];
}

export async function previewImport(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  input: ImportPreviewRequest,
): Promise<ImportPreview> {
  await authorizedCase(q, ctx, caseId, 'case.edit');
  return previewFile(input.fileName, decodeFile(input.content));
}

/** Reads the file and checks the mapping against it; nothing is written yet. */
export async function prepareImport(
  loaded: LoadedCase,
  input: Omit<ImportStart, 'content'> & { bytes: Buffer },
): Promise<ImportJob> {
  const fileType = fileTypeOf(input.fileName, input.bytes);
  const base = {
    importId: uuidv7(),
    caseId: loaded.row.id,
    caseTitle: loaded.row.title,
    fileName: input.fileName,
    fileType,
    provenance: input.provenance,
    region: loaded.row.jurisdictionCode as CountryCode,
  };
  if (fileType === 'ftm')
    return { ...base, format: 'ftm', table: null, lines: ftmLines(input.bytes), calls: null, entities: null };
  const table = await readTable(fileType, input.bytes);
  const columns = table.headers.length;
  const problems: FieldProblem[] = [];
  const outside = (path: string, column: number | null) => {
    if (column !== null && column >= columns)
      problems.push({ path, code: 'not_found', message: 'The file has no such column' });
  };
  if (input.target === 'calls') {
    if (!input.calls) throw invalidCaseInput([missing('calls')]);
    for (const [field, column] of Object.entries(input.calls)) outside(`calls.${field}`, column);
  } else {
    if (!input.entities?.length) throw invalidCaseInput([missing('entities')]);
    input.entities.forEach((c, i) => outside(`entities.${i}.column`, c.column));
  }
  if (problems.length > 0) throw invalidCaseInput(problems);
  return {
    ...base,
    format: input.target === 'calls' ? 'cdr' : fileType,
    table,
    lines: null,
    calls: input.target === 'calls' ? input.calls! : null,
    entities: input.target === 'entities' ? input.entities! : null,
  };
}

function missing(path: string): FieldProblem {
  return { path, code: 'invalid_type', message: 'Map the columns of the file' };
}

/** Opens the import's record, `running`, in the caller's transaction. */
export async function openImport(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  input: ImportStart,
): Promise<{ job: ImportJob; row: CaseImportRow }> {
  const actor = signedIn(ctx);
  const loaded = await authorizedCase(q, ctx, caseId, 'case.edit');
  const { content, ...rest } = input;
  const job = await prepareImport(loaded, { ...rest, bytes: decodeFile(content) });
  const row: CaseImportRow = {
    id: job.importId,
    caseId,
    format: job.format,
    fileName: job.fileName,
    status: 'running',
    total: job.table?.rows.length ?? job.lines?.filter((l) => l.trim() !== '').length ?? 0,
    processed: 0,
    imported: 0,
    rejected: 0,
    suggestions: 0,
    report: { fileType: job.fileType, mapping: job.calls ?? job.entities ?? null, rejections: [] },
    createdBy: actor.userId,
    createdAt: new Date(),
    finishedAt: null,
  };
  await insertCaseImport(q, row);
  return { job, row };
}

/**
 * Imports the job's rows in the caller's one transaction: rejected rows are reported and left out,
 * the valid ones all go in, or nothing does. Then linkage looks for the new entities in the other
 * cases the actor may see, and the import's record is closed with its counts and report.
 */
export async function runImportJob(
  q: Queryable,
  ctx: RequestContext,
  job: ImportJob,
  onProgress: (processed: number) => void = () => {},
): Promise<ImportOutcome> {
  const actor = signedIn(ctx);
  const loaded = await authorizedCase(q, ctx, job.caseId, 'case.edit');
  const total = job.table?.rows.length ?? 0;
  // Reading rows is quick, writing them is most of the time: a fifth of the bar and four fifths.
  const read = (done: number) => onProgress(Math.round(done * 0.2));
  const written = (done: number, of: number) =>
    onProgress(Math.round(total * 0.2 + (done / of) * total * 0.8));
  let outcome: ImportOutcome;
  let newIds: string[] = [];
  if (job.format === 'ftm') {
    const result = await importFtm(q, ctx, {
      caseTitle: loaded.row.title,
      source: job.fileName,
      lines: job.lines ?? [],
    });
    outcome = {
      imported: result.imported,
      rejected: result.rejected,
      suggestions: result.suggestions,
      rejections: result.rejections.map((r) => ({
        row: r.line,
        reason: 'invalid_ftm',
        value: r.message.slice(0, 200),
      })),
    };
  } else if (job.calls) {
    const { calls, rejections } = validateCalls(job.table!.rows, job.calls, job.region, 2, read);
    const result = await writeCalls(
      q,
      {
        caseId: job.caseId,
        importId: job.importId,
        calls,
        provenance: job.provenance,
        region: job.region,
        userId: actor.userId,
      },
      (done) => written(done, Math.max(calls.length, 1)),
    );
    newIds = result.newPhoneIds;
    outcome = { imported: result.calls, rejected: rejections.length, suggestions: 0, rejections };
  } else {
    const { rows, rejections } = validateEntityRows(job.table!.rows, job.entities!, job.region, 2, read);
    const result = await writeEntityRows(q, {
      caseId: job.caseId,
      rows,
      provenance: job.provenance,
      region: job.region,
      userId: actor.userId,
    });
    await syncEdges(q, job.caseId, result.newIds);
    written(1, 1);
    newIds = result.newIds;
    outcome = { imported: result.entities, rejected: rejections.length, suggestions: 0, rejections };
  }
  if (job.format !== 'ftm') {
    await appendAudit(q, ctx, {
      operation: 'collection',
      action: 'case.edit',
      recordType: 'case',
      recordId: job.caseId,
      outcome: 'allowed',
      details: {
        import: job.format,
        importId: job.importId,
        file: job.fileName,
        imported: outcome.imported,
        rejected: outcome.rejected,
      },
    });
    outcome.suggestions = (await linkEntities(q, ctx, job.caseId, newIds)).suggestions;
  }
  await updateCaseImport(q, job.importId, {
    status: 'done',
    processed: total || outcome.imported + outcome.rejected,
    imported: outcome.imported,
    rejected: outcome.rejected,
    suggestions: outcome.suggestions,
    report: {
      fileType: job.fileType,
      mapping: job.calls ?? job.entities ?? null,
      rejections: outcome.rejections.slice(0, REPORTED_REJECTIONS),
    },
    finishedAt: new Date(),
  });
  return outcome;
}

interface RunningImport {
  userId: string;
  snapshot: CaseImport;
}

/** Imports under way in this process, for the progress bar: the transaction hides them from SQL. */
const running = new Map<string, RunningImport>();

/**
 * Runs an opened import after the request that opened it has answered. Its own transaction holds
 * everything; when it fails nothing of it stays and its record says `failed` with the error code.
 */
export async function runInBackground(
  db: Db,
  ctx: RequestContext,
  job: ImportJob,
  row: CaseImportRow,
): Promise<void> {
  const entry: RunningImport = { userId: signedIn(ctx).userId, snapshot: presentImport(row) };
  running.set(job.importId, entry);
  try {
    await runUseCase(db, ctx, (c, tx) =>
      runImportJob(tx, c, job, (processed) => {
        entry.snapshot = { ...entry.snapshot, processed: Math.min(processed, entry.snapshot.total) };
      }),
    );
  } catch (error) {
    const failure = error instanceof AppError ? error.code : 'internal_error';
    await db
      .transaction((tx) =>
        updateCaseImport(tx, job.importId, {
          status: 'failed',
          report: { fileType: job.fileType, failure, rejections: [] },
          finishedAt: new Date(),
        }),
      )
      .catch(() => undefined);
  } finally {
    running.delete(job.importId);
  }
}

export function presentImport(row: CaseImportRow): CaseImport {
  const report = row.report as { rejections?: RejectedRow[]; failure?: string };
  return {
    id: row.id,
    caseId: row.caseId,
    format: row.format,
    fileName: row.fileName,
    status: row.status as CaseImport['status'],
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    rejected: row.rejected,
    suggestions: row.suggestions,
    rejections: report.rejections ?? [],
    failure: report.failure ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Progress of an import the actor started in this process, without waiting for the database. */
export function runningImport(ctx: RequestContext, caseId: string, importId: string): CaseImport | null {
  const entry = running.get(importId);
  if (!entry || entry.userId !== ctx.actor?.userId || entry.snapshot.caseId !== caseId) return null;
  return entry.snapshot;
}

export async function getImport(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  importId: string,
): Promise<CaseImport> {
  await authorizedCase(q, ctx, caseId, 'case.view');
  const row = await findCaseImport(q, caseId, importId);
  if (!row) throw new AppError('not_found');
  return presentImport(row);
}

export async function listImports(q: Queryable, ctx: RequestContext, caseId: string): Promise<CaseImport[]> {
  await authorizedCase(q, ctx, caseId, 'case.view');
  return (await listCaseImports(q, caseId)).map(presentImport);
}
