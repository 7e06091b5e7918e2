import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { normalisePhone } from '@veza/matching';
import type { CallMapping, ImportProvenance, RejectedRow } from '@veza/shared';
import {
  insertCallRecords,
  insertEntityRows,
  phoneNumbersOf,
  type CallRecordInput,
} from './exchange.repository.ts';

/** The country a national number (with the trunk 0) is read in: the case's jurisdiction. */
export type CountryCode = NonNullable<Parameters<typeof normalisePhone>[1]>;

/** One call as read from a row: both numbers in E.164, the start in UTC. */
export interface ValidCall {
  caller: string;
  callee: string;
  /** Milliseconds since the epoch, UTC. */
  startedAt: number;
  durationSeconds: number;
  cell: string | null;
}

const MAX_DURATION = 7 * 24 * 3600;
const MAX_CELL = 200;
/** The region keeps Central European time; a start without an offset is read as local time there. */
export const LOCAL_TIME_ZONE = 'Europe/Belgrade';

/** Phone numbers are read once each: a million rows hold a few thousand distinct numbers. */
export class PhoneReader {
  private readonly seen = new Map<string, string | null>();
  constructor(private readonly region: CountryCode | undefined) {}

  read(raw: string): string | null {
    let e164 = this.seen.get(raw);
    if (e164 === undefined) {
      const phone = normalisePhone(raw, this.region);
      e164 = phone?.valid ? phone.e164 : null;
      this.seen.set(raw, e164);
    }
    return e164;
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const REGIONAL = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads when a call started: ISO 8601 (`2026-03-01T10:15:00+01:00`, `2026-03-01 10:15`) or the
 * regional `1.3.2026 10:15:00`. Without an offset the time is local time in the region.
 */
export class StartReader {
  private readonly offsets = new Map<string, number>();
  private readonly format = new Intl.DateTimeFormat('en-GB', {
    timeZone: LOCAL_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

  read(raw: string): number | null {
    const iso = ISO.exec(raw);
    const regional = iso ? null : REGIONAL.exec(raw);
    if (!iso && !regional) return null;
    const [y, mo, d, h, mi, s, zone] = iso
      ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7]]
      : [regional![3], regional![2], regional![1], regional![4], regional![5], regional![6], undefined];
    const parts = [y, mo, d, h, mi, s ?? '0'].map(Number) as [number, number, number, number, number, number];
    const [year, month, day, hour, minute, second] = parts;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
      return null;
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    if (new Date(wall).getUTCDate() !== day) return null;
    if (zone !== undefined) return wall - zoneMinutes(zone) * 60_000;
    return wall - this.localOffset(wall) * 60_000;
  }

  /** Minutes ahead of UTC in the region at that wall-clock time, cached per hour. */
  private localOffset(wall: number): number {
    const hourKey = Math.floor(wall / 3_600_000);
    let offset = this.offsets.get(String(hourKey));
    if (offset === undefined) {
      // The offset at (wall - 1h) as UTC decides it, except in the hour the clocks change.
      const guess = wall - 60 * 60_000;
      offset = Math.round((this.wallOf(guess) - guess) / 60_000);
      this.offsets.set(String(hourKey), offset);
    }
    return offset;
  }

  private wallOf(utc: number): number {
    const p = Object.fromEntries(this.format.formatToParts(new Date(utc)).map((x) => [x.type, x.value]));
    return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  }
}

function zoneMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Seconds, or `mm:ss`, or `hh:mm:ss`. */
export function readDuration(raw: string): number | null {
  let seconds: number;
  if (/^\d+$/.test(raw)) seconds = Number(raw);
  else {
    const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(raw);
    if (!m) return null;
    seconds = Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  }
  return seconds <= MAX_DURATION ? seconds : null;
}

const cut = (value: string) => value.slice(0, 200);

/**
 * Checks every row against the mapping. `firstRow` is the number of the first data row as the
 * user sees it (2 under a heading row). Rejected rows say which column and value are at fault.
 */
export function validateCalls(
  rows: readonly (readonly string[])[],
  mapping: CallMapping,
  region: CountryCode | undefined,
  firstRow = 2,
  onProgress?: (done: number) => void,
): { calls: ValidCall[]; rejections: RejectedRow[] } {
  const phones = new PhoneReader(region);
  const starts = new StartReader();
  const calls: ValidCall[] = [];
  const rejections: RejectedRow[] = [];
  const required = (['caller', 'callee', 'start', 'duration'] as const).map((f) => [f, mapping[f]] as const);
  rows.forEach((cells, index) => {
    const row = firstRow + index;
    if (index % 50_000 === 0) onProgress?.(index);
    if (cells.every((c) => c.trim() === '')) return;
    const missing = required.find(([, column]) => (cells[column] ?? '').trim() === '');
    if (missing) return void rejections.push({ row, reason: 'missing_value', field: missing[0] });
    const value = (column: number) => (cells[column] ?? '').trim();
    const caller = phones.read(value(mapping.caller));
    if (!caller)
      return void rejections.push({
        row,
        reason: 'invalid_phone',
        field: 'caller',
        value: cut(value(mapping.caller)),
      });
    const callee = phones.read(value(mapping.callee));
    if (!callee)
      return void rejections.push({
        row,
        reason: 'invalid_phone',
        field: 'callee',
        value: cut(value(mapping.callee)),
      });
    const startedAt = starts.read(value(mapping.start));
    if (startedAt === null)
      return void rejections.push({
        row,
        reason: 'invalid_date',
        field: 'start',
        value: cut(value(mapping.start)),
      });
    const durationSeconds = readDuration(value(mapping.duration));
    if (durationSeconds === null)
      return void rejections.push({
        row,
        reason: 'invalid_duration',
        field: 'duration',
        value: cut(value(mapping.duration)),
      });
    const cell = mapping.cell === null ? '' : value(mapping.cell);
    if (cell.length > MAX_CELL) return void rejections.push({ row, reason: 'value_too_long', field: 'cell' });
    calls.push({ caller, callee, startedAt, durationSeconds, cell: cell === '' ? null : cell });
  });
  onProgress?.(rows.length);
  return { calls, rejections };
}

export interface CallsWritten {
  calls: number;
  /** Phone entities opened for numbers the case did not hold yet. */
  newPhoneIds: string[];
}

/**
 * Writes the calls of one import in the caller's transaction: one Phone entity per distinct number
 * in the case (numbers already there are reused, whatever way they were written), then the calls.
 */
export async function writeCalls(
  q: Queryable,
  input: {
    caseId: string;
    importId: string;
    calls: readonly ValidCall[];
    provenance: ImportProvenance;
    region: CountryCode | undefined;
    userId: string;
  },
  onProgress?: (done: number) => void,
): Promise<CallsWritten> {
  const phoneIds = await existingPhones(q, input.caseId, input.region);
  const now = new Date();
  const newPhones: { id: string; number: string }[] = [];
  const idOf = (number: string): string => {
    let id = phoneIds.get(number);
    if (!id) {
      id = uuidv7();
      phoneIds.set(number, id);
      newPhones.push({ id, number });
    }
    return id;
  };
  const ids = uuidv7Batch(input.calls.length);
  const records: CallRecordInput[] = input.calls.map((c, i) => ({
    id: ids[i]!,
    callerEntityId: idOf(c.caller),
    calleeEntityId: idOf(c.callee),
    startedAt: c.startedAt,
    durationSeconds: c.durationSeconds,
    cell: c.cell,
  }));
  const { provenance } = input;
  await insertEntityRows(
    q,
    newPhones.map((p) => ({
      id: p.id,
      caseId: input.caseId,
      schema: 'Phone',
      caption: p.number,
      sourceId: null,
      createdBy: input.userId,
      createdAt: now,
    })),
    newPhones.map((p) => ({
      id: uuidv7(),
      entityId: p.id,
      property: 'number',
      value: p.number,
      source: provenance.source,
      evaluationSource: provenance.evaluationSource,
      evaluationInfo: provenance.evaluationInfo,
      handlingCode: provenance.handlingCode,
      kind: provenance.kind,
      recordedBy: input.userId,
      recordedAt: now,
    })),
  );
  await insertCallRecords(q, input.caseId, input.importId, records, onProgress);
  return { calls: records.length, newPhoneIds: newPhones.map((p) => p.id) };
}

/** Numbers the case holds already, by E.164; the first Phone entity wins when two hold one number. */
async function existingPhones(
  q: Queryable,
  caseId: string,
  region: CountryCode | undefined,
): Promise<Map<string, string>> {
  const reader = new PhoneReader(region);
  const byNumber = new Map<string, string>();
  for (const { entityId, value } of await phoneNumbersOf(q, caseId)) {
    const e164 = reader.read(value);
    if (e164 && !byNumber.has(e164)) byNumber.set(e164, entityId);
  }
  return byNumber;
}

/**
 * UUIDv7 ids for many rows at once (RFC 9562: 48-bit millisecond time, version 7, 74 random bits).
 * The uuid package draws random bytes id by id, which took a third of a million-row import.
 */
export function uuidv7Batch(count: number, now = Date.now()): string[] {
  const random = randomBytes(count * 10).toString('hex');
  const time = now.toString(16).padStart(12, '0');
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const r = random.slice(i * 20, i * 20 + 20);
    const variant = ((parseInt(r[3]!, 16) & 0x3) | 0x8).toString(16);
    ids[i] = `${prefix}${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 19)}`;
  }
  return ids;
}
