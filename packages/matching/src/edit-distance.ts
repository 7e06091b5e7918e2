const rowA = new Int32Array(128);
const rowB = new Int32Array(128);
const rowC = new Int32Array(128);

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of neighbours,
 * the slips of a hurried typist), giving up early: any result above `limit` is returned as limit + 1.
 */
export function typingDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0 || m === 0) return Math.min(Math.max(n, m), limit + 1);
  if (m >= 127) return a === b ? 0 : limit + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m] as number;
  return d > limit ? limit + 1 : d;
}

/** What a single slip between two spellings was, for the explanation and its plausibility. */
export type SingleEdit =
  | { kind: 'swap'; at: number }
  | { kind: 'substitute'; at: number; from: string; to: string }
  | { kind: 'insert' | 'delete'; at: number; letter: string; doubled: boolean; final: boolean };

/** Describes the one edit turning `a` into `b`, or null when they differ by more (or not at all). */
export function describeSingleEdit(a: string, b: string): SingleEdit | null {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return null;
    if (a.slice(i + 1) === b.slice(i + 1))
      return { kind: 'substitute', at: i, from: a[i] ?? '', to: b[i] ?? '' };
    if (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
      return { kind: 'swap', at: i };
    return null;
  }
  const longer = a.length > b.length ? a : b;
  const shorter = longer === a ? b : a;
  if (longer.length !== shorter.length + 1 || longer.slice(i + 1) !== shorter.slice(i)) return null;
  const letter = longer[i] ?? '';
  const doubled = longer[i - 1] === letter || longer[i + 1] === letter;
  return { kind: longer === b ? 'insert' : 'delete', at: i, letter, doubled, final: i === longer.length - 1 };
}

// QWERTZ (regional keyboards) and QWERTY (passport offices, phones) rows, with the usual stagger.
const LAYOUTS = [
  ['qwertzuiop', 'asdfghjkl', 'yxcvbnm'],
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
];
const STAGGER = [0, 0.25, 0.75];
// Keys the regional layouts add right of P and L, as the letters they fold to: Serbian and
// Macedonian Cyrillic Ш Ђ/Ѓ, Ч Ћ/Ќ Ж (folded s, dj/gj, c, c/kj, z); Croatian Latin Š Đ Č Ć Ž on the
// same keys; Albanian Ë and Ç (folded e, c) after L.
const REGIONAL_NEIGHBOURS = ['ps', 'sd', 'lc', 'pc', 'sc', 'cz', 'le', 'ec', 'pe'];
const adjacent = new Set<string>();
for (const rows of LAYOUTS) {
  const pos: Array<[string, number, number]> = [];
  rows.forEach((row, r) => [...row].forEach((ch, c) => pos.push([ch, r, c + (STAGGER[r] ?? 0)])));
  for (const [a, ra, ca] of pos) {
    for (const [b, rb, cb] of pos) {
      if (a !== b && Math.abs(ra - rb) <= 1 && Math.abs(ca - cb) <= 1) adjacent.add(a + b);
    }
  }
}

for (const [a, b] of REGIONAL_NEIGHBOURS) {
  adjacent.add(`${a}${b}`);
  adjacent.add(`${b}${a}`);
}

/** True when the two letters (as folded) are neighbours on a keyboard of the region or a QWERTY one. */
export function areNeighbourKeys(a: string, b: string): boolean {
  return adjacent.has(a + b);
}
