import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serbianCyrillicToLatin } from './serbian.ts';
import { foldToAscii, transliterate, type RomanisationSystem } from './transliterate.ts';

// The vectors live in the shared data folder beside the repository (../shared), never copied in.
const VECTORS = fileURLToPath(
  new URL('../../../../shared/data/translit-test-vectors/balkan-cyrillic-latin.tsv', import.meta.url),
);

const SYSTEM_OF_MAP: Record<string, RomanisationSystem> = {
  'bgnpcgn-srp-Cyrl-Latn-2005': 'sr',
  'alalc-srp-Cyrl-Latn-2013': 'sr',
  'odni-srp-Cyrl-Latn-2015': 'sr-ascii',
  'bgnpcgn-mkd-Cyrl-Latn-2013': 'mk-iso9',
  'alalc-mkd-Cyrl-Latn-2013': 'mk-iso9',
  'odni-mkd-Cyrl-Latn-2015': 'mk-official',
};

describe('transliteration against published standards', () => {
  // CI always has ../shared beside the checkout; a clone elsewhere skips what needs it.
  it.runIf(existsSync(VECTORS) || Boolean(process.env.CI))(
    'finds the shared test vectors beside the repository',
    () => {
      expect(existsSync(VECTORS)).toBe(true);
    },
  );

  const rows = existsSync(VECTORS)
    ? readFileSync(VECTORS, 'utf8')
        .split('\n')
        .slice(1)
        .filter((l) => l.trim() !== '')
        .map((l) => l.split('\t'))
    : [];

  it.each(rows.map((r) => [r[0], r[2], r[3]] as const))('%s: %s -> %s', (mapId, source, expected) => {
    const system = SYSTEM_OF_MAP[mapId as string];
    expect(system, `no system for ${mapId}`).toBeDefined();
    expect(transliterate(source as string, system as RomanisationSystem)).toBe(expected);
  });
});

describe('Macedonian romanisation', () => {
  it('writes the official Latin with digraphs', () => {
    expect(transliterate('Ѓорѓи Ќосе Џафер Жаклина Ѕвезда', 'mk-official')).toBe(
      'Gjorgji Kjose Djafer Zhaklina Dzvezda',
    );
  });

  it('writes ISO 9 letters with accents', () => {
    expect(transliterate('Ѓорѓи Ќосе Шишков', 'mk-iso9')).toBe('Ǵorǵi Ḱose Šiškov');
  });

  it('keeps all-capitals passport forms in capitals', () => {
    expect(transliterate('ЃОРЃИ ЏАФЕРОВСКИ', 'mk-official')).toBe('GJORGJI DJAFEROVSKI');
  });
});

describe('Serbian romanisation', () => {
  it('keeps the existing export behaviour for the UI catalogue', () => {
    expect(serbianCyrillicToLatin('Ђорђе Ђорђевић, ЉУБИША, Љубиша')).toBe('Đorđe Đorđević, LJUBIŠA, Ljubiša');
  });
});

describe('folding for comparison', () => {
  it('folds every script to the ASCII clerks type', () => {
    expect(foldToAscii('Ђорђевић')).toBe('djordjevic');
    expect(foldToAscii('ĐORĐEVIĆ')).toBe('djordjevic');
    expect(foldToAscii('Thaçi Dritë')).toBe('thaci drite');
    expect(foldToAscii('Ќерими')).toBe('kjerimi');
  });

  it('folds a word mixing Cyrillic and Latin letters like its single-script spelling', () => {
    expect(foldToAscii('Пetrović')).toBe(foldToAscii('Petrović'));
  });
});

describe('folding other scripts', () => {
  it('keeps the voicing marks of Japanese kana (バ is ba, not ha)', () => {
    expect(foldToAscii('バラク')).toBe('baraku');
  });
});
