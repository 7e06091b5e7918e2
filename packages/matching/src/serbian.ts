// Serbian Cyrillic to Latin is a fixed one-to-one letter mapping (digraphs Lj, Nj, Dž for single
// Cyrillic letters). The reverse is ambiguous, which is why Serbian text is written once in Cyrillic
// and the Latin form is derived (the UI catalogue sr-Latn is produced this way).
const SERBIAN_CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
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
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
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
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
};

const DIGRAPH_CAPITALS: Readonly<Record<string, string>> = { Љ: 'LJ', Њ: 'NJ', Џ: 'DŽ' };

/**
 * Transliterates Serbian Cyrillic to Serbian Latin. A capital Љ/Њ/Џ becomes "LJ"/"NJ"/"DŽ" when the
 * next letter is upper case too (ЉУБИША -> LJUBIŠA) and "Lj"/"Nj"/"Dž" otherwise (Љубиша -> Ljubiša).
 * Characters that are not Serbian Cyrillic pass through unchanged.
 */
export function serbianCyrillicToLatin(text: string): string {
  let out = '';
  const chars = Array.from(text.normalize('NFC'));
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const digraph = DIGRAPH_CAPITALS[ch];
    if (digraph !== undefined) {
      const next = chars[i + 1] ?? '';
      const nextIsUpper = next !== '' && next === next.toUpperCase() && next !== next.toLowerCase();
      const prev = chars[i - 1] ?? '';
      const prevIsUpper = prev !== '' && prev === prev.toUpperCase() && prev !== prev.toLowerCase();
      out += nextIsUpper || (next === '' && prevIsUpper) ? digraph : (SERBIAN_CYRILLIC_TO_LATIN[ch] ?? ch);
      continue;
    }
    out += SERBIAN_CYRILLIC_TO_LATIN[ch] ?? ch;
  }
  return out;
}
