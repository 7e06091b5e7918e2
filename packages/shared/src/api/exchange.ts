import { z } from 'zod';
import { Line, Timestamp, Uuid } from './common.ts';
import { HandlingCodeSchema } from './cases.ts';
import { EVALUATION_SOURCES, FtmPropertyName, FtmSchemaName, STATEMENT_KINDS } from './entities.ts';

/**
 * Import and export of case data: call-detail records and entities from CSV or XLSX with a column
 * mapping, FollowTheMoney JSON lines in and out, CSV and GraphML out. Files travel base64-encoded in
 * JSON (the API speaks JSON only), up to {@link MAX_IMPORT_BYTES}.
 */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;

/** What a file is read as: a table (CSV, XLSX) or FollowTheMoney JSON lines. */
export const IMPORT_FILE_TYPES = ['csv', 'xlsx', 'ftm'] as const;
export type ImportFileType = (typeof IMPORT_FILE_TYPES)[number];

/** What the rows of a table become: call-detail records between Phone entities, or entities. */
export const IMPORT_TARGETS = ['calls', 'entities'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** The columns of a call-detail record; `cell` may be left unmapped. */
export const CALL_FIELDS = ['caller', 'callee', 'start', 'duration', 'cell'] as const;
export type CallField = (typeof CALL_FIELDS)[number];

/** Why a row or line was rejected: a stable code the UI translates, and the value at fault. */
export const REJECTION_REASONS = [
  'missing_value',
  'invalid_phone',
  'invalid_date',
  'invalid_duration',
  'value_too_long',
  'invalid_ftm',
  'empty_row',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const RejectedRowSchema = z.object({
  /** Row of the table counted as a spreadsheet does (the header is row 1), or line of the file. */
  row: z.number().int(),
  reason: z.enum(REJECTION_REASONS),
  /** The column or property concerned, when there is one. */
  field: z.string().optional(),
  /** The value or message at fault, cut to 200 characters. */
  value: z.string().optional(),
});
export type RejectedRow = z.infer<typeof RejectedRowSchema>;

const Base64File = z
  .string()
  .min(1)
  .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4);
const FileName = Line(255);

export const ImportPreviewRequestSchema = z.strictObject({ fileName: FileName, content: Base64File });
export type ImportPreviewRequest = z.infer<typeof ImportPreviewRequestSchema>;

export const ImportPreviewSchema = z.object({
  fileType: z.enum(IMPORT_FILE_TYPES),
  /** Column headings of a table (the first row); empty for FtM. */
  headers: z.array(z.string()),
  /** The first rows after the heading, for the mapping screen. */
  sample: z.array(z.array(z.string())),
  /** Data rows (tables) or non-empty lines (FtM). */
  rows: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** Column index (0-based) per call field; `cell` is optional. */
export const CallMappingSchema = z.strictObject({
  caller: z.number().int().min(0),
  callee: z.number().int().min(0),
  start: z.number().int().min(0),
  duration: z.number().int().min(0),
  cell: z.number().int().min(0).nullable().default(null),
});
export type CallMapping = z.infer<typeof CallMappingSchema>;

/** A column that becomes one property of one entity per row: `Phone.number`, `Person.name`. */
export const EntityColumnSchema = z.strictObject({
  column: z.number().int().min(0),
  schema: FtmSchemaName,
  property: FtmPropertyName,
});
export type EntityColumn = z.infer<typeof EntityColumnSchema>;

/** Where the imported statements come from and how far to trust them (Europol 4x4, handling code). */
export const ImportProvenanceSchema = z.strictObject({
  source: Line(500),
  evaluationSource: z.enum(EVALUATION_SOURCES),
  evaluationInfo: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  handlingCode: HandlingCodeSchema,
  kind: z.enum(STATEMENT_KINDS).default('fact'),
});
export type ImportProvenance = z.infer<typeof ImportProvenanceSchema>;

export const ImportStartSchema = z.strictObject({
  fileName: FileName,
  content: Base64File,
  target: z.enum(IMPORT_TARGETS).default('calls'),
  calls: CallMappingSchema.optional(),
  entities: z.array(EntityColumnSchema).max(100).optional(),
  provenance: ImportProvenanceSchema,
});
export type ImportStart = z.infer<typeof ImportStartSchema>;

export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const CaseImportSchema = z.object({
  id: Uuid,
  caseId: Uuid,
  /** ftm | csv | xlsx | cdr (call-detail records from CSV or XLSX). */
  format: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  suggestions: z.number().int(),
  /** At most the first 1,000 rejected rows; `rejected` counts them all. */
  rejections: z.array(RejectedRowSchema),
  /** Why a failed import left nothing behind: an error code. */
  failure: z.string().nullable(),
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type CaseImport = z.infer<typeof CaseImportSchema>;

export const ImportParams = z.strictObject({ caseId: Uuid, importId: Uuid });

export const EXPORT_FORMATS = ['ftm', 'csv', 'graphml', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A CSV export holds one table: statements of entities, or call-detail records. */
export const CSV_TABLES = ['statements', 'calls'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** Passing case data on is a disclosure (LED art. 25): to whom and what for, logged. */
export const ExportRequestSchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  table: z.enum(CSV_TABLES).default('statements'),
  recipient: Line(300),
  purpose: Line(1000),
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export const ExportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  /** Text as it is, or base64 for a binary file (the PDF). */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  /** Statements left out because their handling code (H2, H3) forbids passing them on. */
  withheldStatements: z.number().int(),
  /** Entities left out because all they hold is withheld, and links to them. */
  withheldEntities: z.number().int(),
  /** True when something exported is H1: not to be used in court without the provider's permission. */
  notForCourt: z.boolean(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** Headings operators and analysts give the columns of call-detail records, in lower case. */
const CALL_HEADINGS: Record<CallField, readonly string[]> = {
  caller: ['caller', 'from', 'a', 'a_number', 'a-number', 'calling', 'pozivalac', 'pozivatelj', 'thirrësi'],
  callee: [
    'callee',
    'to',
    'b',
    'b_number',
    'b-number',
    'called',
    'receiver',
    'pozvani',
    'primalac',
    'i thirruri',
  ],
  start: [
    'start',
    'started_at',
    'start_time',
    'date',
    'datetime',
    'time',
    'vreme',
    'vrijeme',
    'datum',
    'koha',
  ],
  duration: ['duration', 'duration_seconds', 'seconds', 'trajanje', 'kohëzgjatja'],
  cell: ['cell', 'cell_id', 'cellid', 'site', 'bts', 'celija', 'ćelija', 'qeliza'],
};

/** The columns whose headings name a call field; -1 where none does. */
export function guessCallColumns(headers: readonly string[]): Record<CallField, number> {
  const lower = headers.map((h) => h.trim().toLowerCase());
  return Object.fromEntries(
    CALL_FIELDS.map((field) => [field, lower.findIndex((h) => CALL_HEADINGS[field].includes(h))]),
  ) as Record<CallField, number>;
}

/** What a column can become in an entity import: schema and property, as FtM names them. */
export const ENTITY_TARGETS = [
  'Person.name',
  'Person.firstName',
  'Person.lastName',
  'Person.birthDate',
  'Person.nationality',
  'Person.idNumber',
  'Phone.number',
  'Vehicle.registrationNumber',
  'Address.full',
  'Company.name',
  'Passport.number',
] as const;
export type EntityTarget = (typeof ENTITY_TARGETS)[number];
