import { describe, expect, it } from 'vitest';
import { queryTerms, searchKey } from './directory.search-key.ts';

/** Whether a query finds an entry the way the repository's LIKE conditions do. */
function finds(query: string, organisation: string, contactName: string | null): boolean {
  const key = searchKey(organisation, contactName);
  return queryTerms(query).every(
    (term) => key.includes(term.folded) || (term.phonetic !== null && key.includes(term.phonetic)),
  );
}

describe('directory search key', () => {
  it('finds a Latin entry from a Cyrillic query and back', () => {
    expect(finds('Јовановић', 'Ministarstvo unutrašnjih poslova', 'Marko Jovanović')).toBe(true);
    expect(finds('Jovanovic', 'МУП', 'Марко Јовановић')).toBe(true);
    expect(finds('Ѓорѓиевски', 'МВР', 'Gjorgji Gjorgjievski')).toBe(true);
  });

  it('finds Albanian spellings written in Cyrillic or without diacritics', () => {
    expect(finds('Ходжа', 'Policia e Shtetit', 'Elira Hoxha')).toBe(true);
    expect(finds('Cela', 'Prokuroria', 'Mirela Çela')).toBe(true);
  });

  it('needs every word of the query, and matches inside words', () => {
    expect(finds('Jovan Europol', 'Europol liaison bureau', 'Ana Jovanović')).toBe(true);
    expect(finds('Jovan Interpol', 'Europol liaison bureau', 'Ana Jovanović')).toBe(false);
    expect(finds('Petrović', 'Europol liaison bureau', null)).toBe(false);
  });
});
