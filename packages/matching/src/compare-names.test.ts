import { describe, expect, it } from 'vitest';
import { compareNames } from './compare-names.ts';
import { createTermFrequencies } from './term-frequencies.ts';

function decision(a: string, b: string): string {
  return compareNames(a, b).decision;
}

describe('names that are the same person', () => {
  it.each([
    ['Ђорђе Ђорђевић', 'Djordje Djordjevic'],
    ['Ђорђе Ђорђевић', 'DJORDJEVIC DJORDJE'],
    ['Djordje Djordjevic', 'Dordje Dordjevic'],
    ['Đorđe Đorđević', 'Djordje Đorđević'],
    ['Besnik Hoxha', 'Бесник Хоџа'],
    ['Besnik Hoxha', 'Besnik Hodža'],
    ['Xhevdet Qerimi', 'Џевдет Ќерими'],
    ['Shpend Thaçi', 'Špend Tači'],
    ['Ѓорѓи Трајковски', 'Gjorgji Trajkovski'],
    ['Ѓорѓи Трајковски', 'GJORGJI TRAJKOVSKI'],
    ['Gjergj Kastrati', 'Gjergji Kastrati'],
    ['Dritë Hoxha', 'Drita Hoxha'],
    ['Besnik Agim Hoxha', 'Besnik Hoxha'],
    ['Ana Marić-Kovač', 'Ana Kovač'],
    ['Marko Petrović', 'Marko Petrvoić'],
    ['Пetrović Marko', 'Marko Petrović'],
  ])('%s ~ %s', (a, b) => {
    expect(decision(a, b)).toBe('same');
  });
});

describe('names that are different people', () => {
  it.each([
    ['Marko Petrović', 'Marko Petković'],
    ['Emir Hodžić', 'Emir Hadžić'],
    ['Ivan Petrović', 'Ivana Petrović'],
    ['Jovan Marković', 'Jovana Marković'],
    ['Marko Petrović', 'Nikola Petrović'],
    ['Besnik Hoxha', 'Agim Hoxha'],
  ])('%s vs %s', (a, b) => {
    expect(decision(a, b)).not.toBe('same');
  });

  it('scores a different surname below a typing slip', () => {
    expect(compareNames('Marko Petrović', 'Marko Petković').score).toBeLessThan(
      compareNames('Marko Petrović', 'Marko Petrvoić').score,
    );
  });
});

describe('explanations', () => {
  it('shows which parts aligned and how', () => {
    const { explanation } = compareNames('Ђорђе Ђорђевић', 'DJORDJEVIC DJORDJE');
    expect(explanation?.alignments.map((a) => [a.left, a.right, a.method])).toEqual([
      ['Ђорђе', 'DJORDJE', 'transliteration'],
      ['Ђорђевић', 'DJORDJEVIC', 'transliteration'],
    ]);
  });

  it('names a part present in one record only as missing', () => {
    const { explanation } = compareNames('Besnik Agim Hoxha', 'Besnik Hoxha');
    expect(explanation?.alignments).toContainEqual(
      expect.objectContaining({ left: 'Agim', right: null, method: 'missing' }),
    );
  });

  it('calls a slip a typing difference and a gender form a difference', () => {
    const slip = compareNames('Petrović', 'Petrvoić').explanation?.alignments[0];
    expect(slip?.method).toBe('typing');
    const gender = compareNames('Ivan', 'Ivana').explanation?.alignments[0];
    expect(gender?.method).toBe('different');
  });
});

describe('term frequencies from the caller', () => {
  it('treats two spellings both common in the caller data as different names', () => {
    const data = [...Array(20).fill('Vesna Kralj'), ...Array(20).fill('Vesna Kralc')];
    const tf = createTermFrequencies(data);
    expect(compareNames('Vesna Kralj', 'Vesna Kralc', { termFrequencies: tf }).decision).not.toBe('same');
  });
});

describe('bad input', () => {
  it.each([
    ['', 'Marko Petrović'],
    ['   ', '   '],
    ['...', '123'],
  ])('gives "different" with score 0 for names without letters (%j, %j)', (a, b) => {
    expect(compareNames(a, b)).toMatchObject({ score: 0, decision: 'different' });
  });

  it('does not call initials alone the same person', () => {
    expect(decision('M. P.', 'Marko Petrović')).not.toBe('same');
  });

  it('compares only the first parts of a 10,000-character name', () => {
    const long = 'Petrović '.repeat(1200);
    const c = compareNames(long, 'Marko Petrović');
    expect(c.explanation?.alignments.length).toBeLessThanOrEqual(9);
  });
});
