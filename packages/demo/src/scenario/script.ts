import { transliterate } from '@veza/matching/transliterate';

/**
 * Serbian is written once in Cyrillic and its Latin form derived; Macedonian uses its official
 * romanisation (Ѓ→Gj, Ќ→Kj, Ѕ→Dz, Џ→Dj, Ж→Zh, Ч→Ch, Ш→Sh), not ISO 9. One table for the whole
 * product: the matching engine's.
 */
export function toLatin(text: string, language: 'sr' | 'mk'): string {
  return transliterate(text, language === 'mk' ? 'mk-official' : 'sr');
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
