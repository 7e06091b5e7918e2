/** Serbian Cyrillic to Latin is a fixed letter mapping; Serbian is written once in Cyrillic and derived. */
const SERBIAN_LATIN: Readonly<Record<string, string>> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Ђ: 'Đ',
  Е: 'E',
  Ж: 'Ž',
  З: 'Z',
  И: 'I',
  Ј: 'J',
  К: 'K',
  Л: 'L',
  Љ: 'Lj',
  М: 'M',
  Н: 'N',
  Њ: 'Nj',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  Ћ: 'Ć',
  У: 'U',
  Ф: 'F',
  Х: 'H',
  Ц: 'C',
  Ч: 'Č',
  Џ: 'Dž',
  Ш: 'Š',
};

/** The official Macedonian romanisation (not ISO 9): Ѓ→Gj, Ќ→Kj, Ѕ→Dz, Џ→Dj, Ж→Zh, Ч→Ch, Ш→Sh. */
const MACEDONIAN_LATIN: Readonly<Record<string, string>> = {
  ...SERBIAN_LATIN,
  Ѓ: 'Gj',
  Ќ: 'Kj',
  Ѕ: 'Dz',
  Џ: 'Dj',
  Ж: 'Zh',
  Ч: 'Ch',
  Ш: 'Sh',
};

export function toLatin(text: string, language: 'sr' | 'mk'): string {
  const table = language === 'mk' ? MACEDONIAN_LATIN : SERBIAN_LATIN;
  return Array.from(text, (char) => {
    const upper = char.toUpperCase();
    const latin = table[upper];
    if (latin === undefined) return char;
    return char === upper ? latin : latin.toLowerCase();
  }).join('');
}

/**
 * A name as it can appear in an e-mail address: ASCII letters only (Đorđe → djordje, Çela → cela,
 * Ђорђе → djordje). Cyrillic is romanised first with the language's own table.
 */
export function asciiFold(text: string, language: 'sr' | 'mk' = 'sr'): string {
  return toLatin(text, language)
    .replace(/đ/g, 'dj')
    .replace(/Đ/g, 'Dj')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export const CYRILLIC = /\p{Script=Cyrillic}/u;
