import { forEachBlockHash } from './block-keys.ts';
import { createBlockIndex } from './block-index.ts';
import { compareRecords, type CompareRecordsOptions, type RecordComparison } from './compare-records.ts';
import type { MatchDecision } from './compare-names.ts';
import type { PersonRecord, PreparedRecord } from './record.ts';
import { createPeopleFrequencies } from './term-frequencies.ts';

/** A pair of records proposed as one person, for a reviewer. */
export interface ScoredPair {
  readonly left: string;
  readonly right: string;
  readonly score: number;
  readonly decision: MatchDecision;
  /** Present when `explain` was requested. */
  readonly comparison?: RecordComparison;
}

export interface CrossReferenceOptions extends CompareRecordsOptions {
  /** Pairs scoring at least this are accepted (default 0.5: `possible` and above). */
  readonly threshold?: number;
  readonly maxBlockSize?: number;
  /** Called now and then with the number of records done, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Weigh an agreeing name by how many records share it (default true): the name-part counts of
   * the input itself are used unless `peopleFrequencies` is given. Keeps common names without any
   * corroborating field out of the review list, while rare ones still surface.
   */
  readonly nameRarity?: boolean;
}

export interface CrossReferenceResult {
  readonly pairs: ScoredPair[];
  /** Connected components of accepted pairs (ids), largest first: the people to review. */
  readonly clusters: string[][];
  readonly comparisons: number;
}

/**
 * Finds records describing the same person: blocks them, compares each record with the others in
 * its blocks once, keeps pairs at or above the threshold and groups them into clusters.
 */
export function crossReference(
  input: Iterable<PersonRecord | PreparedRecord>,
  options: CrossReferenceOptions = {},
): CrossReferenceResult {
  const index = createBlockIndex(input, { maxBlockSize: options.maxBlockSize });
  const records = index.records;
  const n = records.length;
  const threshold = options.threshold ?? 0.5;
  const peopleFrequencies =
    options.peopleFrequencies ??
    (options.nameRarity === false ? undefined : createPeopleFrequencies(records.map((r) => r.names)));
  const scoring = {
    peopleFrequencies,
    termFrequencies: options.termFrequencies,
    priorBits: options.priorBits,
    explain: false,
    minScore: threshold,
  };
  const pairs: ScoredPair[] = [];
  const parent = new Int32Array(n).map((_, i) => i);
  const stamp = new Int32Array(n).fill(-1);
  let comparisons = 0;

  const hashes: number[] = [];
  const collect = (h: number): void => {
    hashes.push(h);
  };
  let i = 0;
  let record = records[0] as PreparedRecord;
  const visit = (j: number): void => {
    if (stamp[j] === i) return;
    stamp[j] = i;
    comparisons++;
    const other = records[j] as PreparedRecord;
    const c = compareRecords(record, other, scoring);
    if (c.score < threshold) return;
    const [left, right] = i < j ? [record, other] : [other, record];
    pairs.push({
      left: left.id,
      right: right.id,
      score: c.score,
      decision: c.decision,
      ...(options.explain
        ? { comparison: compareRecords(left, right, { ...scoring, minScore: undefined, explain: true }) }
        : {}),
    });
    union(parent, i, j);
  };
  const visitOnce = (j: number): void => {
    if (j <= i) return;
    visit(j);
  };
  for (i = 0; i < n; i++) {
    record = records[i] as PreparedRecord;
    hashes.length = 0;
    forEachBlockHash(record, collect);
    const year = index.years[i] as number;
    // Each record is compared only with later ones, so each pair is scored once: a record of known
    // year visits the later records of its year and those of unknown year, and a record of unknown
    // year visits every later record (see BlockIndex.forEachCandidate).
    for (const hash of hashes) index.forEachCandidate(hash, i, year, visitOnce);
    if (options.onProgress && (i & 4095) === 0) options.onProgress(i, n);
  }
  options.onProgress?.(n, n);
  return { pairs, clusters: clustersOf(parent, records), comparisons };
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    const p = parent[x] as number;
    parent[x] = parent[p] as number;
    x = p;
  }
  return x;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

function clustersOf(parent: Int32Array, records: readonly PreparedRecord[]): string[][] {
  const groups = new Map<number, string[]>();
  for (let i = 0; i < parent.length; i++) {
    const root = find(parent, i);
    if (root === i && parent.length > 0) continue;
    let g = groups.get(root);
    if (g === undefined) {
      g = [(records[root] as PreparedRecord).id];
      groups.set(root, g);
    }
    g.push((records[i] as PreparedRecord).id);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}
