import { foldToAscii, phoneticKey } from '@veza/matching';

/** Words of a name in any script, folded to lower-case ASCII (Ђорђевић, Đorđević -> djordjevic). */
export function foldedWords(text: string): string[] {
  return foldToAscii(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * The stored search key of an entry: the folded words of its organisation and contact name, then
 * their phonetic keys (Hoxha and Ходжа both give `hoda`), each word behind a space so that a query
 * word matches from the start of a word or inside it.
 */
export function searchKey(organisation: string, contactName: string | null): string {
  const words = foldedWords(`${organisation} ${contactName ?? ''}`);
  const phonetic = words.map(phoneticKey).filter((key) => key.length > 0);
  return ` ${[...new Set([...words, ...phonetic])].join(' ')} `;
}

/**
 * What one query word must find in a search key: its folded form, or, for words of three letters or
 * more, its phonetic key (shorter keys would match nearly everything).
 */
export function queryTerms(query: string): { folded: string; phonetic: string | null }[] {
  return foldedWords(query).map((folded) => {
    const phonetic = folded.length >= 3 ? phoneticKey(folded) : '';
    return { folded, phonetic: phonetic.length >= 3 && phonetic !== folded ? phonetic : null };
  });
}
