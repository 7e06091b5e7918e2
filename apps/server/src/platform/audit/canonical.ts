import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { auditLog } from '@veza/db';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * `at` as hashed and as read back: UTC with microseconds, formatted by the database itself, so the
 * session time zone and the driver's date parsing (pg vs PGlite) never change what is verified.
 */
export const atAsText = sql<string>`to_char(${auditLog.at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The hashed content of an entry, in the fixed order the hash covers. */
export interface ChainedFields {
  seq: number;
  at: string;
  operation: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  actorJurisdiction: string | null;
  recordType: string | null;
  recordId: string | null;
  subjectId: string | null;
  subjectLabel: string | null;
  justification: string | null;
  recipients: string[] | null;
  ip: string | null;
  userAgent: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
}

const FIELD_ORDER: readonly (keyof ChainedFields)[] = [
  'seq',
  'at',
  'operation',
  'action',
  'actorId',
  'actorEmail',
  'actorJurisdiction',
  'recordType',
  'recordId',
  'subjectId',
  'subjectLabel',
  'justification',
  'recipients',
  'ip',
  'userAgent',
  'outcome',
  'details',
];

export function entryHash(prevHash: string, fields: ChainedFields): string {
  const content = FIELD_ORDER.map((key) => [key, fields[key]] as const);
  return createHash('sha256')
    .update(prevHash + canonicalJson(Object.fromEntries(content), false))
    .digest('hex');
}

/**
 * JSON with object keys sorted at every depth: jsonb stores keys in its own order, so the text we
 * hash must not depend on key order. The top level keeps FIELD_ORDER (sortTop = false).
 */
export function canonicalJson(value: unknown, sortTop = true): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (sortTop) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What jsonb will give back: plain JSON values only (dates become strings, undefined disappears). */
export function asStoredJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
