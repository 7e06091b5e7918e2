import { forEachBlockHash } from './block-keys.ts';
import { compareRecords, type CompareRecordsOptions, type RecordComparison } from './compare-records.ts';
import { prepareRecord, type PersonRecord, type PreparedRecord } from './record.ts';

/** One candidate found by a query, best first. */
export interface BlockMatch {
  /** Position of the record in the index. */
  readonly index: number;
  readonly id: string;
  readonly score: number;
  readonly comparison: RecordComparison;
}

export interface QueryOptions extends CompareRecordsOptions {
  /** At most this many results (default 10). */
  readonly limit?: number;
  /** Drop candidates scoring below this (default 0.5). */
  readonly threshold?: number;
}

export interface BlockIndexOptions {
  /**
   * Name blocks larger than this are skipped (identifier blocks never are): a key shared by
   * thousands of records says little and would make one query compare them all. Default 1000.
   */
  readonly maxBlockSize?: number;
}

/**
 * An in-memory block index: sorted key hashes with postings of record positions in typed arrays
 * (about 8 bytes per key and record), so a million records fit in well under a gigabyte.
 */
export interface BlockIndex {
  readonly size: number;
  readonly records: readonly PreparedRecord[];
  /** Candidates for one record, scored and sorted (e.g. while an officer types a name). */
  query(record: PersonRecord | PreparedRecord, options?: QueryOptions): BlockMatch[];
  /** Positions of records sharing a non-oversized block with the record, without scoring. */
  candidates(record: PreparedRecord): Int32Array;
  /** Postings of one block, by key hash; null when absent or oversized. */
  block(hash: number): Int32Array | null;
  /** True when the hash is that of an identifier key (phone, personal number ...). */
  isIdentifier(hash: number): boolean;
  /**
   * Visits the records of one block that come after position `after` and could be the same
   * person: in a large name block only those born in `year` or of unknown year (0 = visit all).
   * Without a shared identifier two known, different birth years cannot reach a useful score, and
   * shared identifiers have blocks of their own, so this loses nothing while keeping popular names
   * (hundreds of Marko Jovanović) from making the work quadratic.
   */
  forEachCandidate(hash: number, after: number, year: number, visit: (position: number) => void): void;
  /** Birth year of each record (0 when unknown). */
  readonly years: Int16Array;
  readonly maxBlockSize: number;
}

/** Blocks larger than this are kept sorted by birth year (see `forEachCandidate`). */
export const LARGE_BLOCK = 8;

function firstAbove(b: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((b[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Each (hash, position) pair is packed into one float64 so that a single native typed-array sort
// groups the postings: hash in the high bits, position in the low bits (exact below 2^53).
function packBits(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(n + 1)));
}

/** Builds a block index over records (prepared once here; the index keeps the prepared forms). */
export function createBlockIndex(
  input: Iterable<PersonRecord | PreparedRecord>,
  options: BlockIndexOptions = {},
): BlockIndex {
  const records: PreparedRecord[] = [];
  for (const r of input) records.push('prepared' in r ? r : prepareRecord(r));
  const n = records.length;
  const positionBits = packBits(n);
  const hashBits = Math.min(32, 53 - positionBits);
  const hashShift = 32 - hashBits;
  const scale = 2 ** positionBits;

  let packed = new Float64Array(Math.max(16, n * 8));
  let count = 0;
  const identifierHashes = new Set<number>();
  for (let i = 0; i < n; i++) {
    const first = count;
    forEachBlockHash(records[i] as PreparedRecord, (hash, identifier) => {
      const h = hash >>> hashShift;
      const v = h * scale + i;
      // Keys repeat within a record (aliases, deletions of doubled letters): keep one posting.
      for (let k = first; k < count; k++) if (packed[k] === v) return;
      if (identifier) identifierHashes.add(h);
      if (count === packed.length) {
        const grown = new Float64Array(packed.length * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[count++] = v;
    });
  }
  const sorted = packed.subarray(0, count).sort();
  const postings = new Int32Array(count);
  const hashesList: number[] = [];
  const offsetsList: number[] = [];
  let previous = -1;
  for (let k = 0; k < count; k++) {
    const v = sorted[k] as number;
    const h = Math.floor(v / scale);
    postings[k] = v - h * scale;
    if (h !== previous) {
      hashesList.push(h);
      offsetsList.push(k);
      previous = h;
    }
  }
  offsetsList.push(count);
  packed = new Float64Array(0);
  const hashes = Uint32Array.from(hashesList);
  const offsets = Int32Array.from(offsetsList);
  const maxBlockSize = options.maxBlockSize ?? 1000;
  const years = new Int16Array(n);
  records.forEach((r, i) => (years[i] = r.birthDates[0]?.year ?? 0));
  // Large name blocks are re-sorted by (birth year, position) so a query reads one year's segment.
  for (let b = 0; b < hashes.length; b++) {
    const from = offsets[b] as number;
    const to = offsets[b + 1] as number;
    if (to - from <= LARGE_BLOCK || identifierHashes.has(hashes[b] as number)) continue;
    postings.subarray(from, to).sort((x, y) => (years[x] as number) - (years[y] as number) || x - y);
  }

  const find = (h: number): number => {
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = hashes[mid] as number;
      if (v === h) return mid;
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  const block = (hash: number): Int32Array | null => {
    const h = hash >>> hashShift;
    const at = find(h);
    if (at < 0) return null;
    const from = offsets[at] as number;
    const to = offsets[at + 1] as number;
    if (to - from > maxBlockSize && !identifierHashes.has(h)) return null;
    return postings.subarray(from, to);
  };

  const forEachCandidate = (
    hash: number,
    after: number,
    year: number,
    visit: (position: number) => void,
  ): void => {
    const h = hash >>> hashShift;
    const b = block(hash);
    if (b === null) return;
    if (b.length <= LARGE_BLOCK || identifierHashes.has(h)) {
      for (let k = firstAbove(b, 0, b.length, after); k < b.length; k++) visit(b[k] as number);
      return;
    }
    if (year === 0) {
      for (let k = 0; k < b.length; k++) if ((b[k] as number) > after) visit(b[k] as number);
      return;
    }
    // Segment of unknown years first, then the record's own year.
    // Within a year (and the unknown-year segment) positions ascend: skip the earlier ones by search.
    const unknownEnd = firstYearAbove(b, 0);
    for (let k = firstAbove(b, 0, unknownEnd, after); k < unknownEnd; k++) visit(b[k] as number);
    const start = firstYearAbove(b, year - 1);
    const end = firstYearAbove(b, year);
    for (let k = firstAbove(b, start, end, after); k < end; k++) visit(b[k] as number);
  };

  const firstYearAbove = (b: Int32Array, year: number): number => {
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((years[b[mid] as number] as number) <= year) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const stamp = new Int32Array(n);
  let stampValue = 0;
  const candidates = (record: PreparedRecord): Int32Array => {
    stampValue++;
    const out: number[] = [];
    const hashes: number[] = [];
    forEachBlockHash(record, (h) => hashes.push(h));
    const year = record.birthDates[0]?.year ?? 0;
    const visit = (j: number): void => {
      if (stamp[j] !== stampValue) {
        stamp[j] = stampValue;
        out.push(j);
      }
    };
    for (const hash of hashes) forEachCandidate(hash, -1, year, visit);
    return Int32Array.from(out);
  };

  const query = (record: PersonRecord | PreparedRecord, queryOptions: QueryOptions = {}): BlockMatch[] => {
    const prepared = 'prepared' in record ? record : prepareRecord(record);
    const threshold = queryOptions.threshold ?? 0.5;
    const found: BlockMatch[] = [];
    for (const j of candidates(prepared)) {
      const other = records[j] as PreparedRecord;
      const comparison = compareRecords(prepared, other, { ...queryOptions, explain: false });
      if (comparison.score >= threshold)
        found.push({ index: j, id: other.id, score: comparison.score, comparison });
    }
    found.sort((x, y) => y.score - x.score);
    const top = found.slice(0, queryOptions.limit ?? 10);
    if (queryOptions.explain === false) return top;
    return top.map((m) => ({
      ...m,
      comparison: compareRecords(prepared, records[m.index] as PreparedRecord, queryOptions),
    }));
  };

  const isIdentifier = (hash: number): boolean => identifierHashes.has(hash >>> hashShift);
  return { size: n, records, query, candidates, block, isIdentifier, forEachCandidate, years, maxBlockSize };
}
