import { areNeighbourKeys, describeSingleEdit, typingDistance } from './edit-distance.ts';
import type { NameToken } from './name-tokens.ts';
import { isKnownName, type TermFrequencies } from './term-frequencies.ts';

/** How two name parts were found to correspond. */
export type TokenMatchMethod =
  'exact' | 'transliteration' | 'phonetic' | 'definite-form' | 'typing' | 'initial' | 'different';

/** Similarity of two name parts in [0,1], the method that established it and a short reason. */
export interface TokenSimilarity {
  readonly similarity: number;
  readonly method: TokenMatchMethod;
  readonly reason: string;
}

const DJ = /dj/g;
const FRENCH_CH = /(?<!s)ch/g;
// Arabic "son of" and the article, as romanisations write them.
const PARTICLES = new Map([
  ['bin', 'son'],
  ['ben', 'son'],
  ['ibn', 'son'],
  ['al', 'the'],
  ['el', 'the'],
  ['ul', 'the'],
]);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function result(similarity: number, method: TokenMatchMethod, reason: string): TokenSimilarity {
  return { similarity, method, reason };
}

/**
 * Compares two name parts. Spellings that differ only by script, diacritics or regional
 * transliteration match fully; Albanian definite forms nearly so. A single typing slip matches only
 * when it is a plausible slip and not the difference between two real names (Petrović / Petković),
 * and adding a feminine -a to a name (Ivan / Ivana) is a different person.
 */
export function compareTokens(a: NameToken, b: NameToken, tf: TermFrequencies): TokenSimilarity {
  if (a.original === b.original) return result(1, 'exact', 'identical');
  if (a.numeric || b.numeric) {
    return a.folded === b.folded
      ? result(1, 'exact', 'same number')
      : result(0, 'different', 'different numbers');
  }
  if (a.folded === b.folded) {
    if (a.original.toLowerCase() === b.original.toLowerCase())
      return result(1, 'exact', 'same letters, different case');
    // Both spellings written with their diacritics and both real names (Simić / Šimić): two families.
    // A spelling without them (Simic) is how either is typed, and matches both.
    return a.listedSpelling && b.listedSpelling && a.spelling !== b.spelling
      ? result(0.3, 'different', 'two different names that differ by a diacritic')
      : result(0.98, 'transliteration', 'same name in another script or without diacritics');
  }
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return result(0, 'different', 'different initials');
    return a.folded[0] === b.folded[0] || a.key[0] === b.key[0]
      ? result(0.75, 'initial', 'initial agrees with the name')
      : result(0, 'different', 'initial does not agree');
  }
  const particle = PARTICLES.get(a.folded);
  if (particle !== undefined && particle === PARTICLES.get(b.folded))
    return result(
      0.95,
      'transliteration',
      'the same Arabic particle romanised differently (bin / ben / ibn, al / el)',
    );
  // French romanisations write ch where English ones write sh (Bachar / Bashar, Chaker / Shaker).
  if (a.folded.length >= 4 && a.folded.replace(FRENCH_CH, 'sh') === b.folded.replace(FRENCH_CH, 'sh'))
    return result(0.9, 'transliteration', 'ch and sh: French and English romanisation');
  if (a.key === b.key) {
    // The key merges spellings; two listed names that it merges are still two names (Vuković /
    // Vučković), except for Đ typed as D, which clerks do all the time.
    const twoNames =
      a.listedFolded && b.listedFolded && a.folded.replace(DJ, 'd') !== b.folded.replace(DJ, 'd');
    return twoNames
      ? result(0.3, 'different', 'two different names that sound alike')
      : result(0.95, 'phonetic', 'same sound in regional spelling');
  }
  // Macedonian Ќ and Ѓ are also written plain K and G by clerks (Ќиро / Kiro).
  if (a.plainKG === b.plainKG) {
    return result(0.93, 'phonetic', 'ќ/ѓ written as k/g');
  }

  const [short, long] = a.key.length <= b.key.length ? [a, b] : [b, a];
  if (long.key.length === short.key.length + 1 && long.key.startsWith(short.key)) {
    const ending = long.key[long.key.length - 1] as string;
    if (ending === 'a' && short.schwa)
      return result(0.92, 'definite-form', 'Albanian definite form (-ë / -a)');
    const lastOfShort = short.key[short.key.length - 1] ?? '';
    if ((ending === 'i' || ending === 'u') && !VOWELS.has(lastOfShort) && short.key.length >= 3) {
      return result(0.92, 'definite-form', 'Albanian definite form (-i / -u)');
    }
    if (ending === 'a' && !VOWELS.has(lastOfShort)) {
      return result(0.2, 'different', 'masculine and feminine form of a name');
    }
  }

  const distance = Math.min(typingDistance(a.folded, b.folded, 2), typingDistance(a.key, b.key, 2));
  const shortest = Math.min(a.key.length, b.key.length);
  if (distance > 2 || shortest < 3) return result(0.1, 'different', 'different names');
  const knownA = isKnownName(tf, a.key);
  const knownB = isKnownName(tf, b.key);
  if (knownA && knownB) return result(0.3, 'different', 'two different common names');
  if (distance === 2) {
    // Foreign names reach the region through several romanisations that differ in the vowels only
    // (Muhammad / Mohammed, Husayn / Hussein); the consonants carry the name.
    if (shortest >= 6 && consonants(a.key) === consonants(b.key)) {
      return result(0.82, 'transliteration', 'same consonants, vowels romanised differently');
    }
    return shortest >= 7
      ? result(0.72, 'typing', 'two typing slips in a long name')
      : result(0.35, 'different', 'too different for a short name');
  }
  // Neither spelling is a name known to the frequencies: then one letter between them is more likely
  // a slip (or a romanisation) than two different rare names, even in a short name.
  return classifySlip(a, b, shortest, !knownA && !knownB);
}

function consonants(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i] as string;
    if (!VOWELS.has(ch)) out += ch;
  }
  return out;
}

function classifySlip(a: NameToken, b: NameToken, shortest: number, unknown: boolean): TokenSimilarity {
  const edit = describeSingleEdit(a.folded, b.folded) ?? describeSingleEdit(a.key, b.key);
  if (edit === null) return result(0.7, 'typing', 'one typing slip');
  switch (edit.kind) {
    case 'swap':
      return result(0.9, 'typing', 'two neighbouring letters swapped');
    case 'insert':
    case 'delete':
      if (edit.doubled) return result(0.9, 'typing', `letter ${edit.letter} doubled or dropped`);
      if (edit.final && edit.letter === 'a') return result(0.2, 'different', 'masculine and feminine form');
      if (shortest >= 5) return result(0.85, 'typing', `letter ${edit.letter} missing or extra`);
      return unknown && shortest >= 4
        ? result(0.8, 'typing', `letter ${edit.letter} missing or extra in an unknown name`)
        : result(0.62, 'typing', 'letter missing in a short name');
    case 'substitute': {
      if (areNeighbourKeys(edit.from, edit.to) || cyrillicNeighbours(a.folded, edit)) {
        return result(0.88, 'typing', `${edit.from} typed for neighbouring key ${edit.to}`);
      }
      const vowels = VOWELS.has(edit.from) && VOWELS.has(edit.to);
      const final = edit.at === a.folded.length - 1 || edit.at === a.key.length - 1;
      if (vowels && final && (edit.from === 'a' || edit.to === 'a')) {
        return result(0.2, 'different', 'masculine and feminine form of a name');
      }
      if (vowels) {
        if (unknown && shortest >= 5) return result(0.8, 'typing', 'one vowel differs in an unknown name');
        return result(shortest >= 7 ? 0.75 : 0.6, 'typing', 'one vowel differs');
      }
      return shortest >= 6 || (unknown && shortest >= 4)
        ? result(0.8, 'typing', `${edit.from} written for ${edit.to}`)
        : result(0.62, 'typing', 'one letter differs in a short name');
    }
  }
}

// Љ and Њ are neighbouring keys on the Serbian and Macedonian Cyrillic layouts; folded they are
// "lj" and "nj", one letter apart.
function cyrillicNeighbours(folded: string, edit: { at: number; from: string; to: string }): boolean {
  const pair = edit.from + edit.to;
  return (pair === 'ln' || pair === 'nl') && folded[edit.at + 1] === 'j';
}
