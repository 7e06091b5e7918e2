import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet, type SheetData } from 'read-excel-file/node';
import type { ImportFileType, ImportPreview } from '@veza/shared';
import { AppError } from '../../platform/errors.ts';

/** A file read as a table: the heading row and the data rows, every cell a string. */
export interface Table {
  headers: string[];
  rows: string[][];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SAMPLE_ROWS = 5;

/** What a file is: XLSX by its zip signature, FtM when its first character opens a JSON object. */
export function fileTypeOf(fileName: string, bytes: Uint8Array): ImportFileType {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (/\.(jsonl|ndjson|ftm|json)$/.test(lower)) return 'ftm';
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{') ? 'ftm' : 'csv';
}

/** Decodes the base64 body; a body that is not base64 is a validation error on `content`. */
export function decodeFile(content: string): Buffer {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(content)) throw unreadable('not base64');
  return Buffer.from(content, 'base64');
}

function unreadable(why: string): AppError {
  return new AppError('unreadable_file', { message: `The file cannot be read: ${why}` });
}

/**
 * CSV with `,` `;` or tab as the delimiter (whichever the heading row has most of: Excel in the
 * region writes `;`), UTF-8 with or without a BOM.
 */
export function readCsv(bytes: Uint8Array): Table {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  return splitHeading(records);
}

export async function readXlsx(bytes: Buffer): Promise<Table> {
  let data: SheetData;
  try {
    data = await readSheet(bytes);
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  return splitHeading(data.map((row) => row.map(cellText)));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function splitHeading(records: string[][]): Table {
  const [headers = [], ...rows] = records;
  if (headers.every((h) => h.trim() === '')) throw unreadable('the first row names no column');
  return { headers: headers.map((h) => h.trim()), rows };
}

export async function readTable(fileType: 'csv' | 'xlsx', bytes: Buffer): Promise<Table> {
  return fileType === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}

/** The heading and first rows of a table, or the count of lines of a FtM file, for the mapping screen. */
export async function previewFile(fileName: string, bytes: Buffer): Promise<ImportPreview> {
  const fileType = fileTypeOf(fileName, bytes);
  if (fileType === 'ftm') {
    const lines = ftmLines(bytes);
    return { fileType, headers: [], sample: [], rows: lines.filter((l) => l.trim() !== '').length };
  }
  const table = await readTable(fileType, bytes);
  return {
    fileType,
    headers: table.headers,
    sample: table.rows.slice(0, SAMPLE_ROWS),
    rows: table.rows.length,
  };
}

export function ftmLines(bytes: Uint8Array): string[] {
  return new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
}
