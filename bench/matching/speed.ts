// Speed benchmark of @veza/matching: name comparisons per second on one core, block-index query
// latency against a million records, and batch cross-referencing of a million synthetic persons
// (wall time, peak memory, recall of the planted duplicates). Prints figures; not a test.
// Usage: tsx bench/matching/speed.ts [records=1000000]
import { streamPeople, type PlantedDuplicate } from '../../packages/demo/src/people/index.ts';
import {
  compareNames,
  createBlockIndex,
  crossReference,
  prepareRecord,
} from '../../packages/matching/src/index.ts';
import type { PreparedRecord } from '../../packages/matching/src/index.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

function namePairs(n: number): Array<[string, string]> {
  const planted: PlantedDuplicate[] = [];
  const people = [...streamPeople({ count: n, seed: 11, duplicateRate: 0.3 }, (p) => planted.push(p))];
  const byId = new Map(people.map((p) => [p.id, p.names[0] ?? '']));
  const pairs: Array<[string, string]> = planted.map((p) => [
    byId.get(p.original) ?? '',
    byId.get(p.duplicate) ?? '',
  ]);
  // Unrelated pairs too, as a real workload is mostly different people.
  for (let i = 0; i + 1 < people.length && pairs.length < n; i += 2) {
    pairs.push([people[i]?.names[0] ?? '', people[i + 1]?.names[0] ?? '']);
  }
  return pairs;
}

function benchNames(): void {
  const pairs = namePairs(20_000);
  for (const [a, b] of pairs.slice(0, 2000)) compareNames(a, b, { explain: false });
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < 3000) {
    for (const [a, b] of pairs) compareNames(a, b, { explain: false });
    done += pairs.length;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `name comparisons (strings in, score out, one core): ${Math.round(done / seconds).toLocaleString('en')} /s`,
  );
  const explained = performance.now();
  for (const [a, b] of pairs) compareNames(a, b);
  console.log(
    `  with explanation: ${Math.round(pairs.length / ((performance.now() - explained) / 1000)).toLocaleString('en')} /s`,
  );
}

function benchIndexAndBatch(): void {
  const planted: PlantedDuplicate[] = [];
  let started = performance.now();
  const prepared: PreparedRecord[] = [];
  for (const p of streamPeople({ count, seed: 2026, duplicateRate: 0.05 }, (x) => planted.push(x))) {
    prepared.push(prepareRecord(p));
  }
  console.log(
    `generate + normalise ${count.toLocaleString('en')} persons: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  started = performance.now();
  const index = createBlockIndex(prepared);
  console.log(
    `block index build: ${((performance.now() - started) / 1000).toFixed(1)} s, heap ${mb(process.memoryUsage().heapUsed)}`,
  );

  const queries = [...streamPeople({ count: 2000, seed: 99, duplicateRate: 0.5 })].map((q) =>
    prepareRecord(q),
  );
  for (const q of queries.slice(0, 200)) index.query(q, { limit: 10, explain: false });
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    index.query(q, { limit: 10, explain: false });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p: number): string =>
    (times[Math.min(times.length - 1, Math.floor(p * times.length))] as number).toFixed(2);
  console.log(
    `block-index query (one record vs ${count.toLocaleString('en')}): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
  );
  console.log(`  (with explanations of the top 10: p50 measured separately below)`);
  const te: number[] = [];
  for (const q of queries.slice(0, 500)) {
    const t = performance.now();
    index.query(q, { limit: 10 });
    te.push(performance.now() - t);
  }
  te.sort((a, b) => a - b);
  console.log(`  p50 ${(te[250] as number).toFixed(2)} ms, p99 ${(te[495] as number).toFixed(2)} ms`);

  started = performance.now();
  const result = crossReference(index.records, { threshold: 0.5 });
  const seconds = (performance.now() - started) / 1000;
  const found = new Set(result.pairs.map((p) => `${p.left}|${p.right}`));
  const missed = planted.filter((p) => !found.has(`${p.original}|${p.duplicate}`)).length;
  console.log(
    `batch cross-reference of ${count.toLocaleString('en')} (prepared records in; builds its own index): ${seconds.toFixed(1)} s, ` +
      `${result.comparisons.toLocaleString('en')} comparisons, ${result.pairs.length.toLocaleString('en')} pairs, ` +
      `${result.clusters.length.toLocaleString('en')} clusters`,
  );
  console.log(
    `planted duplicates found: ${planted.length - missed} of ${planted.length} (recall ${((1 - missed / planted.length) * 100).toFixed(2)}%)`,
  );
  console.log(`peak RSS ${mb(peakRss())}`);
}

function benchEndToEnd(): void {
  const planted: PlantedDuplicate[] = [];
  const started = performance.now();
  const result = crossReference(
    streamPeople({ count, seed: 2026, duplicateRate: 0.05 }, (x) => planted.push(x)),
    { threshold: 0.5 },
  );
  const seconds = (performance.now() - started) / 1000;
  const found = new Set(result.pairs.map((p) => `${p.left}|${p.right}`));
  const missed = planted.filter((p) => !found.has(`${p.original}|${p.duplicate}`)).length;
  const same = new Set(result.pairs.filter((p) => p.decision === 'same').map((p) => `${p.left}|${p.right}`));
  const missedSame = planted.filter((p) => !same.has(`${p.original}|${p.duplicate}`)).length;
  console.log(
    `pairs: ${same.size.toLocaleString('en')} 'same', ${(result.pairs.length - same.size).toLocaleString('en')} 'possible'; ` +
      `recall counting 'same' only ${((1 - missedSame / planted.length) * 100).toFixed(2)}%; ${result.comparisons.toLocaleString('en')} comparisons`,
  );
  console.log(
    `END TO END batch cross-reference of ${count.toLocaleString('en')} persons (generate, normalise, index, score, cluster): ` +
      `${seconds.toFixed(1)} s; recall ${((1 - missed / planted.length) * 100).toFixed(2)}% of ${planted.length.toLocaleString('en')} planted; ` +
      `peak RSS ${mb(peakRss())}`,
  );
}

const mode = process.argv[3] ?? 'all';
if (mode === 'all' || mode === 'names') benchNames();
if (mode === 'all' || mode === 'index') benchIndexAndBatch();
if (mode === 'batch') benchEndToEnd();
