// Accuracy of @veza/matching name comparison on the labelled development set, per kind of
// variation, beside a common baseline (fuzzball token_sort_ratio on any-ascii-folded names at its
// best threshold, measured in the same run), and on the nomenklatura name benchmark beside
// yente's logic-v2 results, and whole processes (`veza names compare` against the same baseline as a
// plain-JavaScript process) on the same generated pairs. Prints figures; not a test.
// Run: npm run eval:matching [-- --errors] [-- --pairs N] (N generated pairs, default 200,000; 0 skips)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import anyAscii from 'any-ascii';
import { token_sort_ratio as tokenSortRatio } from 'fuzzball';
import { streamPeople } from '../../packages/demo/src/people/index.ts';
import { compareNames } from '../../packages/matching/src/index.ts';

interface Pair {
  readonly left: string;
  readonly right: string;
  readonly match: boolean;
  readonly kind: string;
  readonly group?: string;
  readonly notes?: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

function readDevSet(): Pair[] {
  return readFileSync(here('./dev-set.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [left = '', right = '', match = '0', kind = ''] = l.split('\t');
      return { left, right, match: match === '1', kind };
    });
}

function count(pairs: readonly Pair[], predict: (p: Pair, i: number) => boolean): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [i, p] of pairs.entries()) {
    const said = predict(p, i);
    if (said && p.match) c.tp++;
    else if (said) c.fp++;
    else if (p.match) c.fn++;
    else c.tn++;
  }
  return c;
}

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

const fmt = (x: number): string => x.toFixed(3);
const row = (label: string, c: Counts): string => {
  const { p, r, f1 } = prf(c);
  return `${label.padEnd(22)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}   (tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn})`;
};

/** Negatives report accuracy only (no positives to recall): the share correctly kept apart. */
const negativeRow = (label: string, c: Counts): string =>
  `${label.padEnd(22)} kept apart ${c.tn}/${c.tn + c.fp} (${fmt(c.tn / Math.max(1, c.tn + c.fp))})`;

function baselineScore(a: string, b: string): number {
  return tokenSortRatio(anyAscii(a), anyAscii(b));
}

function bestBaseline(pairs: readonly Pair[]): { threshold: number; counts: Counts } {
  const scores = pairs.map((p) => baselineScore(p.left, p.right));
  let best = { threshold: 0, counts: count(pairs, () => true) };
  for (let t = 0; t <= 100; t++) {
    const counts = count(pairs, (_, i) => (scores[i] as number) >= t);
    if (prf(counts).f1 > prf(best.counts).f1) best = { threshold: t, counts };
  }
  return best;
}

/** Returns the baseline's best threshold on the development set, which the whole-process run uses. */
function evalDevSet(): number {
  const pairs = readDevSet();
  const engine = (p: Pair): boolean => compareNames(p.left, p.right).decision === 'same';
  console.log(
    `Development set: ${pairs.length} pairs (${pairs.filter((p) => p.match).length} same person)\n`,
  );
  console.log(row('engine, overall', count(pairs, engine)));
  const base = bestBaseline(pairs);
  console.log(row(`baseline (t=${base.threshold})`, base.counts));
  console.log('\nPer kind of variation (engine | baseline at its best overall threshold):');
  const kinds = [...new Set(pairs.map((p) => p.kind))].sort();
  for (const kind of kinds) {
    const subset = pairs.filter((p) => p.kind === kind);
    const e = count(subset, engine);
    const b = count(subset, (p) => baselineScore(p.left, p.right) >= base.threshold);
    if (subset.every((p) => !p.match)) {
      console.log(`${negativeRow(kind, e)}   | baseline ${b.tn}/${b.tn + b.fp}`);
    } else {
      const pe = prf(e);
      console.log(
        `${kind.padEnd(22)} recall ${fmt(pe.r)} (${e.tp}/${e.tp + e.fn}) F1 ${fmt(pe.f1)}   | baseline recall ${fmt(prf(b).r)} F1 ${fmt(prf(b).f1)}`,
      );
    }
  }
  // Families: each kind of slip beside the near-miss names it must not be confused with.
  console.log('\nF1 per family (positives of the family with the negatives it must keep apart):');
  const families: Array<[string, (kind: string) => boolean]> = [
    [
      'typing slips + near-miss names',
      (k) => k.startsWith('slip-') || k === 'typo' || k.startsWith('neg-near-miss') || k === 'neg-surname',
    ],
    [
      'Cyrillic slips + Cyrillic near-miss',
      (k) => k === 'slip-keyboard-cyrillic' || k === 'neg-near-miss-cyrillic',
    ],
    ['scripts + different people', (k) => k.startsWith('script-') || k === 'neg-different'],
    [
      'given names + gender, siblings',
      (k) => k === 'father-name' || k === 'neg-gender' || k === 'neg-sibling',
    ],
  ];
  for (const [label, inFamily] of families) {
    const subset = pairs.filter((p) => inFamily(p.kind));
    const e = count(subset, engine);
    const b = count(subset, (p) => baselineScore(p.left, p.right) >= base.threshold);
    console.log(`${row(`  ${label}`, e)}   | baseline F1 ${fmt(prf(b).f1)}`);
  }
  const misses = pairs.filter((p) => engine(p) !== p.match);
  if (misses.length > 0) {
    console.log('\nEngine errors:');
    for (const m of misses) {
      const c = compareNames(m.left, m.right);
      console.log(
        `  [${m.kind}] ${m.left} | ${m.right}  -> ${c.score.toFixed(3)} ${c.decision} (label ${m.match ? 'same' : 'different'})`,
      );
    }
  }
  return base.threshold;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function readCsv(path: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function evalNomenklatura(): void {
  const dir = here('../../../shared/data/nomenklatura-name-bench/');
  if (!existsSync(`${dir}cases.csv`)) {
    console.log('\n(nomenklatura name bench not found beside the repository; skipped)');
    return;
  }
  const cases = readCsv(`${dir}cases.csv`);
  const pairs: Pair[] = cases.map((c) => ({
    left: c.name1 ?? '',
    right: c.name2 ?? '',
    match: c.is_match === 'true',
    kind: c.schema ?? '',
    group: c.case_group ?? '',
    notes: c.category === 'LLM-proposed deviation' ? (c.notes ?? '') : c.category || (c.notes ?? ''),
  }));
  // The bench's schema says whose name it is; everything but a person is compared as an organisation.
  const compare = (p: Pair): ReturnType<typeof compareNames> =>
    compareNames(p.left, p.right, { kind: p.kind === 'Person' ? 'person' : 'organisation' });
  const engine = (p: Pair): boolean => compare(p).decision === 'same';
  console.log(
    `\nnomenklatura name bench (${pairs.length} pairs, all schemas, international names; not tuned on):`,
  );
  console.log(row('engine', count(pairs, engine)));
  const persons = pairs.filter((p) => p.kind === 'Person');
  console.log(row('engine, Person only', count(persons, engine)));
  console.log(
    row(
      'engine, organisations',
      count(
        pairs.filter((p) => p.kind !== 'Person'),
        engine,
      ),
    ),
  );
  // Rules must generalise across the bench's independent sources, not fit one of them.
  console.log('\nPer case group (engine):');
  for (const group of [...new Set(pairs.map((p) => p.group ?? ''))].sort()) {
    console.log(
      row(
        `  ${group}`,
        count(
          pairs.filter((p) => p.group === group),
          engine,
        ),
      ),
    );
  }
  const base = bestBaseline(pairs);
  console.log(row(`baseline (t=${base.threshold})`, base.counts));
  if (existsSync(`${dir}logicv2-frozen.csv`)) {
    const frozen = readCsv(`${dir}logicv2-frozen.csv`);
    const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    const cp: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const f of frozen) {
      const key = f.outcome === 'TP' ? 'tp' : f.outcome === 'FP' ? 'fp' : f.outcome === 'FN' ? 'fn' : 'tn';
      c[key]++;
      if (f.schema === 'Person') cp[key]++;
    }
    console.log(row(`yente logic-v2 (${frozen.length})`, c));
    console.log(row('logic-v2, Person only', cp));
  }
  if (process.argv.includes('--errors')) {
    console.log('\nEngine errors on the nomenklatura bench (group, schema, score, pair, what varies):');
    for (const p of pairs.filter((q) => engine(q) !== q.match)) {
      const c = compare(p);
      console.log(
        `  [${p.group} ${p.kind} ${p.match ? 'FN' : 'FP'}] ${p.left} | ${p.right} -> ${c.score.toFixed(3)}  ${p.notes ?? ''}`,
      );
    }
  }
}

/** Generated name pairs: the planted duplicates of synthetic people, and as many unrelated neighbours. */
function generatedPairs(n: number): Pair[] {
  const planted: Array<{ original: string; duplicate: string }> = [];
  const names = new Map<string, string>();
  const people: string[] = [];
  for (const p of streamPeople({ count: n, seed: 17, duplicateRate: 0.5 }, (x) => planted.push(x))) {
    names.set(p.id, p.names[0] ?? '');
    people.push(p.names[0] ?? '');
  }
  const pairs: Pair[] = planted.slice(0, Math.floor(n / 2)).map((x) => ({
    left: names.get(x.original) ?? '',
    right: names.get(x.duplicate) ?? '',
    match: true,
    kind: '',
  }));
  // Unrelated people, paired far apart in the stream so that no planted duplicate is among them.
  for (let i = 0; pairs.length < n && people.length > 2; i++) {
    const j = ((i * 7_919 + people.length / 2) % people.length) | 0;
    if (Math.abs((i % people.length) - j) < 2) continue;
    pairs.push({ left: people[i % people.length] ?? '', right: people[j] ?? '', match: false, kind: '' });
  }
  return pairs;
}

interface ProcessRun {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMb: number;
  readonly same: boolean[];
}

/** Runs a command as its own process with `input` on stdin; wall and CPU time as /usr/bin/time says. */
function runProcess(command: string[], input: string): ProcessRun {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '@@%U %S %M', ...command], {
    input,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  const timing = /@@([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !timing)
    throw new Error(`${command.join(' ')} failed: ${run.stderr.slice(0, 500)}`);
  const same = run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.endsWith('\t1'));
  return {
    wall,
    cpu: Number(timing[1]) + Number(timing[2]),
    rssMb: Math.round(Number(timing[3]) / 1024),
    same,
  };
}

function evalWholeProcess(baselineThreshold: number): void {
  const at = process.argv.indexOf('--pairs');
  const n = at > 0 ? Number(process.argv[at + 1]) : 200_000;
  if (!(n > 0)) return;
  if (!existsSync('/usr/bin/time')) {
    console.log('\n(whole-process comparison skipped: /usr/bin/time is missing)');
    return;
  }
  const pairs = generatedPairs(n);
  const input = pairs.map((p) => `${p.left}\t${p.right}`).join('\n') + '\n';
  {
    const root = here('../../');
    const bundled = bundleIsCurrent(root);
    const veza = runProcess([process.execPath, `${root}apps/cli/bin/veza.js`, 'names', 'compare'], input);
    const fuzz = runProcess(
      [process.execPath, here('./fuzzball-names.mjs'), String(baselineThreshold)],
      input,
    );
    console.log(
      `\nWhole processes on the same ${pairs.length.toLocaleString('en')} generated pairs (half planted duplicates), start-up included:`,
    );
    for (const [label, r] of [
      [`veza names compare${bundled ? '' : ' (sources via tsx: bundle missing or stale)'}`, veza],
      [`fuzzball process (t=${baselineThreshold})`, fuzz],
    ] as const) {
      const c = count(pairs, (_, i) => r.same[i] === true);
      console.log(
        `  ${label.padEnd(36)} wall ${r.wall.toFixed(2)} s (${Math.round(pairs.length / r.wall).toLocaleString('en')} pairs/s), ` +
          `CPU ${r.cpu.toFixed(2)} s, peak RSS ${r.rssMb} MB, F1 on these pairs ${fmt(prf(c).f1)}`,
      );
    }
    console.log(`  load average while measured: ${loadAverage()}`);
  }
}

function bundleIsCurrent(root: string): boolean {
  try {
    const built = statSync(`${root}apps/cli/dist/veza.mjs`).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(`${root}apps/cli/dist/inputs.json`, 'utf8')) as {
      inputs: string[];
    };
    return inputs.every((i) => (statSync(root + i, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) <= built);
  } catch {
    return false;
  }
}

function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

const devSetBaseline = evalDevSet();
evalNomenklatura();
evalWholeProcess(devSetBaseline);
