import { prepareName, type PreparedName } from './name-tokens.ts';
import { COMMON_GIVEN_NAMES, COMMON_SURNAMES } from './regional-names.ts';

/**
 * How common each name part is, counted by phonetic key. Common parts (Marko, Petrović) weigh less
 * than rare ones, and a part counted at least `knownMinimum` times is treated as a real name.
 */
export interface TermFrequencies {
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
  readonly knownMinimum: number;
}

/** Counts the name parts of the caller's own records (e.g. all persons in the database). */
export function createTermFrequencies(
  names: Iterable<string>,
  options: { knownMinimum?: number } = {},
): TermFrequencies {
  const counts = new Map<string, number>();
  let total = 0;
  for (const name of names) {
    for (const token of prepareName(name).tokens) {
      if (token.initial) continue;
      counts.set(token.key, (counts.get(token.key) ?? 0) + 1);
      total++;
    }
  }
  return { counts, total, knownMinimum: options.knownMinimum ?? 3 };
}

/** Adds counts: e.g. the caller's data on top of the regional defaults. */
export function mergeTermFrequencies(a: TermFrequencies, b: TermFrequencies): TermFrequencies {
  const counts = new Map(a.counts);
  for (const [key, count] of b.counts) counts.set(key, (counts.get(key) ?? 0) + count);
  return { counts, total: a.total + b.total, knownMinimum: Math.max(a.knownMinimum, b.knownMinimum) };
}

function buildRegionalDefaults(): TermFrequencies {
  // Rank-based counts (Zipf-like) per list, scaled to a notional population of a million name parts.
  const counts = new Map<string, number>();
  const add = (list: readonly string[], scale: number): void => {
    list.forEach((name, rank) => {
      const key = prepareName(name).tokens[0]?.key;
      if (key === undefined) return;
      const count = Math.round(scale / Math.sqrt(rank + 1));
      counts.set(key, Math.max(counts.get(key) ?? 0, count));
    });
  };
  add(COMMON_SURNAMES, 12_000);
  add(COMMON_GIVEN_NAMES, 25_000);
  return { counts, total: 1_000_000, knownMinimum: 3 };
}

/** Regional defaults used when the caller supplies no frequencies of its own. */
export const REGIONAL_TERM_FREQUENCIES: TermFrequencies = buildRegionalDefaults();

/** True when the part is common enough to be a real name rather than a misspelling. */
export function isKnownName(tf: TermFrequencies, key: string): boolean {
  return (tf.counts.get(key) ?? 0) >= tf.knownMinimum;
}

/**
 * Weight of a name part for the name score: 1 for the most common parts up to 6 for unseen ones,
 * on a log scale so that one rare surname does not drown every other part.
 */
export function nameTokenWeight(tf: TermFrequencies, key: string): number {
  const count = tf.counts.get(key) ?? 0;
  const w = 1 + 0.5 * Math.log((tf.total + 1) / (count + 1));
  return w < 1 ? 1 : w > 6 ? 6 : w;
}

/**
 * Counts, per name part, how many of the given people carry it (each person once, whatever their
 * aliases): the frequencies of a dataset being cross-referenced, for how telling an agreeing name is.
 */
export function createPeopleFrequencies(people: Iterable<readonly PreparedName[]>): TermFrequencies {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  let total = 0;
  for (const names of people) {
    total++;
    seen.clear();
    for (const name of names) {
      for (const token of name.tokens) {
        if (token.initial || token.numeric || seen.has(token.key)) continue;
        seen.add(token.key);
        counts.set(token.key, (counts.get(token.key) ?? 0) + 1);
      }
    }
  }
  return { counts, total, knownMinimum: 3 };
}

/**
 * Expected number of other people in a population of `people.total` who carry every full part of
 * `name` by chance (parts taken as independent): about 1 for a rare name, hundreds for Marko Jovanović.
 */
export function expectedNamesakes(people: TermFrequencies, name: PreparedName): number {
  const n = people.total;
  if (n === 0) return 0;
  let expected = n;
  for (const token of name.tokens) {
    if (token.initial || token.numeric) continue;
    expected *= Math.max(1, people.counts.get(token.key) ?? 0) / n;
  }
  return expected;
}
