import { typingDistance } from './edit-distance.ts';
import {
  prepareName,
  prepareToken,
  type NameKind,
  type NameToken,
  type PreparedName,
} from './name-tokens.ts';
import {
  isKnownName,
  nameTokenWeight,
  REGIONAL_TERM_FREQUENCIES,
  type TermFrequencies,
} from './term-frequencies.ts';
import { compareTokens, type TokenMatchMethod } from './token-similarity.ts';

/** The three outcomes a reviewer sees. */
export type MatchDecision = 'same' | 'possible' | 'different';

/** How one name part of the left name was paired with one of the right name (or with nothing). */
export interface NameAlignment {
  /** Part as written on the left, null when only the right name has it. */
  readonly left: string | null;
  readonly right: string | null;
  readonly method: TokenMatchMethod | 'missing';
  /** Similarity of the two parts in [0,1] (0 for a missing part). */
  readonly similarity: number;
  /** Weight of the part in the score: rarer parts count more. */
  readonly weight: number;
  readonly reason: string;
}

/** Why two names got their score. */
export interface NameExplanation {
  readonly left: string;
  readonly right: string;
  readonly alignments: readonly NameAlignment[];
  /** Rules that limited the score (a conflicting part, only one part agreeing, an initial). */
  readonly limits: readonly string[];
}

export interface NameComparison {
  /** Score in [0,1]; `same` at or above `sameThreshold`, `possible` at or above `possibleThreshold`. */
  readonly score: number;
  readonly decision: MatchDecision;
  readonly explanation: NameExplanation | null;
}

export interface CompareNamesOptions {
  /** Name-part frequencies from the caller's data; regional defaults otherwise. */
  readonly termFrequencies?: TermFrequencies;
  /** Build the explanation (default true); batch scoring turns it off for speed. */
  readonly explain?: boolean;
  readonly sameThreshold?: number;
  readonly possibleThreshold?: number;
  /**
   * Whose names these are when given as strings (default 'person'). Organisation names are compared
   * without their legal form (LLC, OOO, d.o.o., DOOEL, sh.p.k.) and with their numbers.
   */
  readonly kind?: NameKind;
}

export const SAME_THRESHOLD = 0.8;
export const POSSIBLE_THRESHOLD = 0.6;
// A part present in one record only (father's name, second surname) weighs this much of a conflict.
const MISSING_PART_FACTOR = 0.3;
// ... but all missing parts together weigh at most this share of the agreeing ones: a name given
// in full (with father's and grandfather's names, a tribal name) still matches its short form.
const MISSING_SHARE_LIMIT = 0.25;

// Token comparisons repeat heavily in batches (the same spellings meet again and again), so they are
// memoised per term-frequency table by token ids: one small map per lower id, keyed by the higher
// one, so that every key is a small integer (a combined key would be a heap number, slow to hash and
// garbage to collect when most pairs are new, as in `veza names compare`).
const memo = new WeakMap<TermFrequencies, Map<number, Map<number, number>>>();
const MEMO_LIMIT = 2_000_000;
let memoEntries = 0;

function tokenSimilarity(a: NameToken, b: NameToken, tf: TermFrequencies): number {
  let cache = memo.get(tf);
  if (cache === undefined) {
    cache = new Map();
    memo.set(tf, cache);
  }
  const lo = a.id < b.id ? a.id : b.id;
  const hi = a.id < b.id ? b.id : a.id;
  let row = cache.get(lo);
  const hit = row?.get(hi);
  if (hit !== undefined) return hit;
  const similarity = compareTokens(a, b, tf).similarity;
  if (memoEntries >= MEMO_LIMIT) {
    cache.clear();
    memoEntries = 0;
    row = undefined;
  }
  if (row === undefined) {
    row = new Map();
    cache.set(lo, row);
  }
  row.set(hi, similarity);
  memoEntries++;
  return similarity;
}

interface Pairing {
  readonly pairs: Array<[number, number, number]>;
  readonly unpairedLeft: number[];
  readonly unpairedRight: number[];
}

// Greedy assignment on the similarity matrix, best pairs first (ties: the pair nearer the diagonal,
// then the earlier left part). Names have at most a handful of parts, so this is as good as an
// optimal assignment in practice and far cheaper; the matrix lives in one reused array.
let matrix = new Float64Array(64);

function pairTokens(a: readonly NameToken[], b: readonly NameToken[], tf: TermFrequencies): Pairing {
  const n = a.length;
  const m = b.length;
  if (matrix.length < n * m) matrix = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) matrix[i * m + j] = tokenSimilarity(a[i] as NameToken, b[j] as NameToken, tf);
  }
  const usedA = new Uint8Array(n);
  const usedB = new Uint8Array(m);
  const pairs: Array<[number, number, number]> = [];
  const rounds = Math.min(n, m);
  for (let round = 0; round < rounds; round++) {
    let bestI = -1;
    let bestJ = -1;
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (usedA[i]) continue;
      for (let j = 0; j < m; j++) {
        if (usedB[j]) continue;
        const s = matrix[i * m + j] as number;
        if (s > best || (s === best && (i - j < bestI - bestJ || (i - j === bestI - bestJ && i < bestI)))) {
          best = s;
          bestI = i;
          bestJ = j;
        }
      }
    }
    usedA[bestI] = 1;
    usedB[bestJ] = 1;
    pairs.push([bestI, bestJ, best]);
  }
  const unpairedLeft: number[] = [];
  const unpairedRight: number[] = [];
  for (let i = 0; i < n; i++) if (!usedA[i]) unpairedLeft.push(i);
  for (let j = 0; j < m; j++) if (!usedB[j]) unpairedRight.push(j);
  return { pairs, unpairedLeft, unpairedRight };
}

const PATRONYMIC_FACTOR = 0.1;

function missingWeight(token: NameToken, tf: TermFrequencies): number {
  return (token.patronymic ? PATRONYMIC_FACTOR : MISSING_PART_FACTOR) * nameTokenWeight(tf, token.key);
}

// Arabic "son of" / "daughter of", and their common romanisations.
const SON_OF = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'ould']);

/** The parts just before and after "bin" in each name, when there is one. */
function ownAndFather(tokens: readonly NameToken[]): [string, string] | null {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (SON_OF.has((tokens[i] as NameToken).folded))
      return [(tokens[i - 1] as NameToken).key, (tokens[i + 1] as NameToken).key];
  }
  return null;
}

function fatherAndSonSwapped(a: readonly NameToken[], b: readonly NameToken[]): boolean {
  const x = ownAndFather(a);
  const y = ownAndFather(b);
  return x !== null && y !== null && x[0] !== x[1] && x[0] === y[1] && x[1] === y[0];
}

function asPrepared(name: string | PreparedName, kind: NameKind): PreparedName {
  return typeof name === 'string' ? prepareName(name, kind) : name;
}

/**
 * Words written together on one side and apart on the other (SergeiLavrov / Sergei Lavrov,
 * Goodwill / Good Will, Vanderbilt / van der Bilt): runs of two or three neighbouring parts of `x`
 * whose letters spell a part of `y` are joined into one part. Returns null when nothing was joined.
 */
function joinRuns(x: readonly NameToken[], y: readonly NameToken[]): NameToken[] | null {
  if (x.length < 2) return null;
  let out: NameToken[] | null = null;
  for (const t of y) {
    const target = t.folded;
    if (t.initial || t.numeric || target.length < 4) continue;
    const current: readonly NameToken[] = out ?? x;
    if (current.some((u) => u.folded === target)) continue;
    search: for (let i = 0; i + 1 < current.length; i++) {
      let joined = (current[i] as NameToken).folded;
      if (target.charCodeAt(0) !== joined.charCodeAt(0)) continue;
      for (let k = i + 1; k < current.length && k < i + 3; k++) {
        joined += (current[k] as NameToken).folded;
        if (joined.length > target.length + 1) break;
        const close =
          joined === target ||
          (target.length >= 8 &&
            joined.length >= target.length - 1 &&
            typingDistance(joined, target, 1) <= 1);
        if (!close) continue;
        const parts = current.slice(i, k + 1);
        if (parts.some((u) => u.numeric)) continue;
        const merged = prepareToken(parts.map((u) => u.original).join(''));
        if (merged === null) continue;
        out = [...current.slice(0, i), merged, ...current.slice(k + 1)];
        break search;
      }
    }
  }
  return out;
}

/**
 * Compares two personal names written in any script, spelling and order. Each part is weighed by
 * how common it is; a conflicting part (a different surname, Ivan for Ivana) keeps the pair below
 * `same` however well the rest agrees, while a part present in one name only counts little.
 */
export function compareNames(
  left: string | PreparedName,
  right: string | PreparedName,
  options: CompareNamesOptions = {},
): NameComparison {
  const tf = options.termFrequencies ?? REGIONAL_TERM_FREQUENCIES;
  const explain = options.explain ?? true;
  const kind = options.kind ?? 'person';
  const a = asPrepared(left, kind);
  const b = asPrepared(right, kind);
  const sameAt = options.sameThreshold ?? SAME_THRESHOLD;
  const possibleAt = options.possibleThreshold ?? POSSIBLE_THRESHOLD;
  if (a.tokens.length === 0 || b.tokens.length === 0) {
    const explanation = explain
      ? { left: a.original, right: b.original, alignments: [], limits: ['a name has no letters to compare'] }
      : null;
    return { score: 0, decision: 'different', explanation };
  }

  let leftTokens = a.tokens;
  let rightTokens = b.tokens;
  if (leftTokens.length !== rightTokens.length || leftTokens.length === 1) {
    leftTokens = joinRuns(leftTokens, rightTokens) ?? leftTokens;
    rightTokens = joinRuns(rightTokens, leftTokens) ?? rightTokens;
  }
  const { pairs, unpairedLeft, unpairedRight } = pairTokens(leftTokens, rightTokens, tf);
  let numerator = 0;
  let denominator = 0;
  let weakest = 1;
  let agreeingParts = 0;
  let agreeingCommon = 0;
  let initials = 0;
  for (const [i, j, s] of pairs) {
    const ta = leftTokens[i] as NameToken;
    const tb = rightTokens[j] as NameToken;
    const w = (nameTokenWeight(tf, ta.key) + nameTokenWeight(tf, tb.key)) / 2;
    numerator += w * s;
    denominator += w;
    if (ta.initial || tb.initial) {
      if (s > 0) initials++;
      else weakest = Math.min(weakest, s);
      continue;
    }
    weakest = Math.min(weakest, s);
    if (s >= 0.5) {
      agreeingParts++;
      if (isKnownName(tf, ta.key) || isKnownName(tf, tb.key)) agreeingCommon++;
    }
  }
  let missing = 0;
  for (const i of unpairedLeft) missing += missingWeight(leftTokens[i] as NameToken, tf);
  for (const j of unpairedRight) missing += missingWeight(rightTokens[j] as NameToken, tf);
  denominator += pairs.length > 0 ? Math.min(missing, MISSING_SHARE_LIMIT * denominator) : missing;

  let score = denominator > 0 ? numerator / denominator : 0;
  const limits: string[] = [];
  if (weakest < 0.8) {
    score = Math.min(score, 0.45 + 0.4 * weakest);
    limits.push(weakest < 0.5 ? 'a name part conflicts' : 'a name part agrees only loosely');
  }
  const longest = Math.max(leftTokens.length, rightTokens.length);
  if (agreeingParts < 2 && longest >= 2) {
    // A rare surname with agreeing initials (A. Khamenei / Ali Khamenei) is as telling as a full
    // name; a common one (M. Petrović) is not.
    const rareWithInitials = agreeingParts === 1 && initials > 0 && agreeingCommon === 0;
    score = Math.min(score, rareWithInitials ? 0.8 : 0.75);
    limits.push(
      rareWithInitials
        ? 'only one full name part agrees, a rare one; the rest are initials'
        : initials > 0
          ? 'only one full name part agrees; the rest is an initial'
          : 'only one name part agrees',
    );
  }
  if (fatherAndSonSwapped(leftTokens, rightTokens)) {
    // Muhammad bin Salman is Salman's son; Salman bin Muhammad is Muhammad's: the same parts, two men.
    score = Math.min(score, 0.5);
    limits.push("the person's and the father's names are swapped around bin/ibn");
  }
  if (agreeingParts === 0 && initials > 0) {
    // Initials alone (J. / J. P.) fit thousands of people: worth a look, never a confirmed match.
    score = Math.min(score, 0.6);
    limits.push('only initials agree');
  }
  score = Math.round(score * 1000) / 1000;
  const decision: MatchDecision = score >= sameAt ? 'same' : score >= possibleAt ? 'possible' : 'different';
  const explanation = explain
    ? buildExplanation(
        { original: a.original, tokens: leftTokens },
        { original: b.original, tokens: rightTokens },
        tf,
        pairs,
        unpairedLeft,
        unpairedRight,
        limits,
      )
    : null;
  return { score, decision, explanation };
}

function buildExplanation(
  a: PreparedName,
  b: PreparedName,
  tf: TermFrequencies,
  pairs: ReadonlyArray<readonly [number, number, number]>,
  unpairedLeft: readonly number[],
  unpairedRight: readonly number[],
  limits: readonly string[],
): NameExplanation {
  const alignments: NameAlignment[] = [];
  for (const [i, j] of pairs) {
    const ta = a.tokens[i] as NameToken;
    const tb = b.tokens[j] as NameToken;
    const t = compareTokens(ta, tb, tf);
    alignments.push({
      left: ta.original,
      right: tb.original,
      method: t.method,
      similarity: t.similarity,
      weight: round2((nameTokenWeight(tf, ta.key) + nameTokenWeight(tf, tb.key)) / 2),
      reason: t.reason,
    });
  }
  const missing = (token: NameToken, side: 'left' | 'right'): NameAlignment => ({
    left: side === 'left' ? token.original : null,
    right: side === 'right' ? token.original : null,
    method: 'missing',
    similarity: 0,
    weight: round2(missingWeight(token, tf)),
    reason: `only the ${side} name has this part (e.g. a father's or second name)`,
  });
  for (const i of unpairedLeft) alignments.push(missing(a.tokens[i] as NameToken, 'left'));
  for (const j of unpairedRight) alignments.push(missing(b.tokens[j] as NameToken, 'right'));
  return { left: a.original, right: b.original, alignments, limits };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
