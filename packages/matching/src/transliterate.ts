import { createRequire } from 'node:module';
import { serbianCyrillicToLatin } from './serbian.ts';

/**
 * Romanisation systems for the region's Cyrillic scripts.
 * - `sr`: official Serbian Latin (Ђ→Đ, Џ→Dž), identical to BGN/PCGN and ALA-LC for Serbian.
 * - `sr-ascii`: Serbian as clerks and US ICS-630 type it without diacritics (Ђ→Dj, Ћ/Ч→C, Ш→S).
 * - `mk-official`: the Macedonian government system (Ѓ→Gj, Ќ→Kj, Ѕ→Dz, Џ→Dj, Ж→Zh, Ч→Ch, Ш→Sh).
 * - `mk-iso9`: the scholarly system used by ISO 9 (1968), BGN/PCGN 2013 and ALA-LC (Ѓ→Ǵ, Ќ→Ḱ, Ж→Ž,
 *   Ч→Č, Ш→Š, with the digraphs Dz, Dž, Lj, Nj that those standards keep).
 */
export type RomanisationSystem = 'sr' | 'sr-ascii' | 'mk-official' | 'mk-iso9';

type LetterTable = Readonly<Record<string, string>>;

const SHARED_LOWER: LetterTable = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
};

const MK_OFFICIAL_LOWER: LetterTable = {
  ...SHARED_LOWER,
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  џ: 'dj',
  ж: 'zh',
  ч: 'ch',
  ш: 'sh',
};
const MK_ISO9_LOWER: LetterTable = {
  ...SHARED_LOWER,
  ѓ: 'ǵ',
  ќ: 'ḱ',
  ѕ: 'dz',
  џ: 'dž',
  ж: 'ž',
  ч: 'č',
  ш: 'š',
};
const SR_ASCII_LOWER: LetterTable = {
  ...SHARED_LOWER,
  ђ: 'dj',
  ћ: 'c',
  џ: 'dz',
  ж: 'z',
  ч: 'c',
  ш: 's',
};

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

// A capital that becomes two Latin letters is written "Lj" inside mixed case and "LJ" inside
// all-capitals words (ЉУБИША -> LJUBIŠA, Љубиша -> Ljubiša), which is what the standards' tests expect.
function romaniseWith(text: string, lower: LetterTable): string {
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const low = ch.toLowerCase();
    const latin = lower[low];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (ch === low) {
      out += latin;
      continue;
    }
    const shoutedWord =
      isUpper(chars[i + 1]) || (!/\p{L}/u.test(chars[i + 1] ?? '') && isUpper(chars[i - 1]));
    out += shoutedWord ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** Romanises Serbian or Macedonian Cyrillic text with the named system; other characters pass through. */
export function transliterate(text: string, system: RomanisationSystem): string {
  switch (system) {
    case 'sr':
      return serbianCyrillicToLatin(text);
    case 'sr-ascii':
      return romaniseWith(text, SR_ASCII_LOWER);
    case 'mk-official':
      return romaniseWith(text, MK_OFFICIAL_LOWER);
    case 'mk-iso9':
      return romaniseWith(text, MK_ISO9_LOWER);
  }
}

// Folding for comparison: every regional letter to the ASCII a clerk would type without a local
// keyboard. Digraph choices (đ -> dj, ѓ -> gj, ќ -> kj) keep the most information; the phonetic key
// later merges the spellings that clerks and languages confuse.
const FOLD: LetterTable = {
  ...SR_ASCII_LOWER,
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  ђ: 'dj',
  ћ: 'c',
  џ: 'dz',
  // Russian, Bulgarian and Ukrainian letters that turn up in foreign records.
  й: 'j',
  щ: 'sht',
  ъ: 'a',
  ь: '',
  ы: 'y',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  ё: 'e',
  є: 'je',
  і: 'i',
  ї: 'ji',
  ґ: 'g',
  đ: 'dj',
  ǵ: 'gj',
  ḱ: 'kj',
  ć: 'c',
  č: 'c',
  ç: 'c',
  š: 's',
  ž: 'z',
  ë: 'e',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

const foldCache = new Map<string, string>();

// any-ascii's tables (half a megabyte of source) are loaded the first time a letter of a script
// without a table here turns up, not at every start of `veza names compare`.
let anyAscii: ((text: string) => string) | undefined;
function romaniseOtherScript(ch: string): string {
  anyAscii ??= (createRequire(import.meta.url)('any-ascii') as { default: (text: string) => string }).default;
  return anyAscii(ch);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return ch;
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let folded = FOLD[ch];
  if (folded === undefined) {
    const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '');
    // Marks are dropped only where that leaves a known letter: Japanese voicing marks change the
    // syllable (バ ba, ハ ha), so other scripts go to any-ascii whole.
    folded = FOLD[stripped] ?? (isAscii(stripped) ? stripped : romaniseOtherScript(ch).toLowerCase());
  }
  foldCache.set(ch, folded);
  return folded;
}

/**
 * Lower-cases text and folds every letter of any script to plain ASCII the way regional clerks type it
 * (Ђорђевић -> djordjevic, Hoxha -> hoxha, Ќиро -> kjiro). Works per character, so a word that mixes
 * scripts ("Пetrović") folds like its single-script spelling.
 */
export function foldToAscii(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  for (const ch of lower) out += foldChar(ch);
  return out;
}
