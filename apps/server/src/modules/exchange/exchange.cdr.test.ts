import { describe, expect, it } from 'vitest';
import { readDuration, StartReader, uuidv7Batch, validateCalls } from './exchange.cdr.service.ts';
import { fileTypeOf, readCsv } from './exchange.tables.ts';

const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('when a call started', () => {
  const starts = new StartReader();

  it('reads local time in the region in winter and summer', () => {
    expect(utc(starts.read('2026-01-15 10:00'))).toBe('2026-01-15T09:00:00.000Z');
    expect(utc(starts.read('2026-07-15 10:00:30'))).toBe('2026-07-15T08:00:30.000Z');
    expect(utc(starts.read('15.7.2026 10:00'))).toBe('2026-07-15T08:00:00.000Z');
  });

  it('keeps a stated offset', () => {
    expect(utc(starts.read('2026-07-15T10:00:00Z'))).toBe('2026-07-15T10:00:00.000Z');
    expect(utc(starts.read('2026-07-15T10:00:00+03:00'))).toBe('2026-07-15T07:00:00.000Z');
  });

  it('refuses days that do not exist and text that is no date', () => {
    expect(starts.read('2026-02-30 10:00')).toBeNull();
    expect(starts.read('31.04.2026 10:00')).toBeNull();
    expect(starts.read('juče')).toBeNull();
  });
});

describe('how long a call lasted', () => {
  it('reads seconds, mm:ss and hh:mm:ss, and refuses nonsense', () => {
    expect(readDuration('125')).toBe(125);
    expect(readDuration('2:05')).toBe(125);
    expect(readDuration('1:02:05')).toBe(3725);
    expect(readDuration('-5')).toBeNull();
    expect(readDuration('pet')).toBeNull();
  });
});

describe('checking rows of call-detail records', () => {
  const mapping = { caller: 0, callee: 1, start: 2, duration: 3, cell: null };

  it('writes numbers as E.164 with the case country for national forms', () => {
    const { calls, rejections } = validateCalls(
      [['069 123 456', '+382 67 123 456', '2026-03-01 10:00', '60']],
      mapping,
      'ME',
    );
    expect(rejections).toEqual([]);
    expect(calls[0]).toMatchObject({ caller: '+38269123456', callee: '+38267123456', durationSeconds: 60 });
  });

  it('numbers rows as a spreadsheet does and skips blank ones', () => {
    const { rejections } = validateCalls(
      [
        ['', '', '', ''],
        ['064 1234567', '', '2026-03-01 10:00', '60'],
      ],
      mapping,
      'RS',
    );
    expect(rejections).toEqual([{ row: 3, reason: 'missing_value', field: 'callee' }]);
  });
});

describe('reading files', () => {
  it('tells CSV, XLSX and FtM apart', () => {
    expect(fileTypeOf('a.csv', Buffer.from('caller,callee'))).toBe('csv');
    expect(fileTypeOf('anything', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(fileTypeOf('export.txt', Buffer.from('{"id":"a","schema":"Person"}'))).toBe('ftm');
  });

  it('finds the delimiter a regional Excel writes, and reads quoted cells', () => {
    const table = readCsv(Buffer.from('\uFEFFPozivalac;Pozvani\n"064 123;4567";065\n'));
    expect(table.headers).toEqual(['Pozivalac', 'Pozvani']);
    expect(table.rows).toEqual([['064 123;4567', '065']]);
  });
});

describe('ids of call records', () => {
  it('are distinct UUIDv7s of the current time', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const ids = uuidv7Batch(10_000, now);
    expect(new Set(ids).size).toBe(10_000);
    for (const id of ids.slice(0, 100))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });
});
