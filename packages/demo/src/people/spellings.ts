import type { Random } from './prng.ts';

// The generator writes its own spelling rules rather than borrowing the matching engine's, so that
// benchmarks do not test the matcher against a copy of itself.

const SR_LATIN_TO_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  ['dž', 'џ'],
  ['lj', 'љ'],
  ['nj', 'њ'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['đ', 'ђ'],
  ['e', 'е'],
  ['ž', 'ж'],
  ['z', 'з'],
  ['i', 'и'],
  ['j', 'ј'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['ć', 'ћ'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'ц'],
  ['č', 'ч'],
  ['š', 'ш'],
];

function mapWithCase(text: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i).toLowerCase();
    const hit = pairs.find(([from]) => rest.startsWith(from));
    if (hit === undefined) {
      out += text[i];
      i++;
      continue;
    }
    const original = text.slice(i, i + hit[0].length);
    const upper = original !== original.toLowerCase();
    const all =
      original === original.toUpperCase() &&
      text.slice(i + hit[0].length, i + hit[0].length + 1) !==
        text.slice(i + hit[0].length, i + hit[0].length + 1).toLowerCase();
    out += upper ? (all ? hit[1].toUpperCase() : hit[1].charAt(0).toUpperCase() + hit[1].slice(1)) : hit[1];
    i += hit[0].length;
  }
  return out;
}

/** Serbian Latin to Cyrillic (names only: no ambiguous digraph splits in the pools). */
export function serbianToCyrillic(text: string): string {
  return mapWithCase(text, SR_LATIN_TO_CYRILLIC);
}

const MK_OFFICIAL: ReadonlyArray<readonly [string, string]> = [
  ['ѓ', 'gj'],
  ['ќ', 'kj'],
  ['ѕ', 'dz'],
  ['џ', 'dž'],
  ['ж', 'zh'],
  ['ч', 'ch'],
  ['ш', 'sh'],
  ['љ', 'lj'],
  ['њ', 'nj'],
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'v'],
  ['г', 'g'],
  ['д', 'd'],
  ['е', 'e'],
  ['з', 'z'],
  ['и', 'i'],
  ['ј', 'j'],
  ['к', 'k'],
  ['л', 'l'],
  ['м', 'm'],
  ['н', 'n'],
  ['о', 'o'],
  ['п', 'p'],
  ['р', 'r'],
  ['с', 's'],
  ['т', 't'],
  ['у', 'u'],
  ['ф', 'f'],
  ['х', 'h'],
  ['ц', 'c'],
];
const MK_ISO9: ReadonlyArray<readonly [string, string]> = MK_OFFICIAL.map(([c, l]) => {
  const iso: Record<string, string> = { ѓ: 'ǵ', ќ: 'ḱ', ж: 'ž', ч: 'č', ш: 'š' };
  return [c, iso[c] ?? l] as const;
});

/** Macedonian Cyrillic to Latin, in the official system or with ISO 9 letters. */
export function macedonianToLatin(text: string, iso9: boolean): string {
  return mapWithCase(text, iso9 ? MK_ISO9 : MK_OFFICIAL).replace(/dž/g, iso9 ? 'dž' : 'dj');
}

// How an Albanian name is written down by a Serbian or Macedonian clerk.
const ALBANIAN_IN_SLAVIC: ReadonlyArray<readonly [string, string]> = [
  ['xh', 'dž'],
  ['gj', 'đ'],
  ['sh', 'š'],
  ['zh', 'ž'],
  ['th', 't'],
  ['dh', 'd'],
  ['ll', 'l'],
  ['rr', 'r'],
  ['nj', 'nj'],
  ['q', 'ć'],
  ['ç', 'č'],
  ['x', 'dz'],
  ['y', 'i'],
];

/** An Albanian name as Serbian (or, with `macedonian`, Macedonian) records write it, in Latin. */
export function albanianInSlavic(text: string, random: Random): string {
  let s = mapWithCase(text, ALBANIAN_IN_SLAVIC);
  s = s
    .replace(/ë(?=\s|$)/g, () => (random.chance(0.5) ? '' : 'e'))
    .replace(/ë/g, 'e')
    .replace(/Ë/g, 'E');
  return s;
}

/** Serbian-Latin text (with đ, ć) in Macedonian Cyrillic letters (ѓ, ќ). */
export function toMacedonianCyrillic(text: string): string {
  return serbianToCyrillic(text).replace(/ђ/g, 'ѓ').replace(/Ђ/g, 'Ѓ').replace(/ћ/g, 'ќ').replace(/Ћ/g, 'Ќ');
}

/** Diacritics dropped the way different clerks do it (Đ as Dj or D, č as c or ch, ...). */
export function clerkAscii(text: string, random: Random): string {
  const style = random.int(2);
  const table: Record<string, readonly [string, string]> = {
    đ: ['dj', 'd'],
    Đ: ['Dj', 'D'],
    č: ['c', 'ch'],
    Č: ['C', 'Ch'],
    ć: ['c', 'c'],
    Ć: ['C', 'C'],
    š: ['s', 'sh'],
    Š: ['S', 'Sh'],
    ž: ['z', 'zh'],
    Ž: ['Z', 'Zh'],
    ë: ['e', 'e'],
    Ë: ['E', 'E'],
    ç: ['c', 'ch'],
    Ç: ['C', 'Ch'],
  };
  let out = '';
  for (const ch of text) out += table[ch]?.[style] ?? ch;
  return out;
}

/** Passport machine-readable style: ASCII capitals (Đ as DJ). */
export function passportForm(text: string): string {
  return text.replace(/đ/gi, 'DJ').normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
}

const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  r: 'et',
  s: 'ad',
  t: 'rz',
  u: 'zi',
  v: 'cb',
  z: 'tu',
  ć: 'č',
  č: 'ć',
};

/** One typing slip somewhere after the first letter: swap, neighbouring key, dropped or doubled letter. */
export function typingSlip(word: string, random: Random): string {
  if (word.length < 5) return word;
  const at = 1 + random.int(word.length - 2);
  const kind = random.int(4);
  const ch = word[at] as string;
  if (kind === 0) return word.slice(0, at) + (word[at + 1] ?? '') + ch + word.slice(at + 2);
  if (kind === 1) {
    const options = KEYBOARD_NEIGHBOURS[ch.toLowerCase()];
    return options
      ? word.slice(0, at) + random.pick([...options]) + word.slice(at + 1)
      : word.slice(0, at) + word.slice(at + 1);
  }
  if (kind === 2) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + ch + word.slice(at);
}
