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

describe('slips a clerk makes, against near-miss real names', () => {
  it.each([
    ['Marko Petrović', 'Marko Petrvoić'],
    ['Драган Милутиновић', 'Драган Милутонивић'],
    ['Љубиша Стевановић', 'Њубиша Стевановић'],
    ['OLIVERA JANKOVIC', '0LIVERA JANK0VIC'],
    ['Dragoljub Obradović', 'OBRADOVIC<<DRAGOLJUB'],
    ['Петар Марковић', 'Рetar Marković'],
    ['Весна Поповић', 'BECHA ПOПOBИЋ'],
    ['Slađana Kovačević', 'Sladana Kovačević'],
  ])('matches %s with the slip %s', (a, b) => {
    expect(decision(a, b)).toBe('same');
  });

  it.each([
    ['Marko Petrović', 'Marko Petković'],
    ['Jovan Simić', 'Jovan Šimić'],
    ['Јован Симић', 'Јован Шимић'],
    ['Miloš Vuković', 'Miloš Vučković'],
    ['Милош Вуковић', 'Милош Вучковић'],
  ])('keeps %s and %s apart: both are real names', (a, b) => {
    expect(decision(a, b)).not.toBe('same');
  });

  it('still matches a listed name typed without its diacritic', () => {
    expect(decision('Jovan Šimić', 'Jovan Simic')).toBe('same');
    expect(decision('Miloš Vučković', 'Milos Vuckovic')).toBe('same');
  });

  it('does not read a digit beside a letter in an organisation as a letter', () => {
    expect(compareNames('4Life Trading', 'Alife Trading', { kind: 'organisation' }).decision).not.toBe(
      'same',
    );
  });
});

describe('international spellings', () => {
  it.each([
    ['SergeiLavrov', 'Sergei Lavrov'],
    ['Nikolai Patr ushev', 'Nikolai Patrushev'],
    ['Ig0r Sech1n', 'Igor Sechin'],
    ['Sergej Lavrov', 'Sergey Lavrov'],
    ['Володимир Зеленський', 'Volodymyr Zelenskyy'],
    ['Abdul Aziz Nuristani', 'Abdul Aziz Nooristani'],
    ['Muhammad bin Salman', 'Mohammed bin Salman'],
    ['FAZL RABI ABDUL HAMID', 'FAZL RABI'],
    ['A. Khamenei', 'Ali Khamenei'],
    ['Vladimir Pulin', 'Vladimir Putin'],
    ['バラク・オバマ', 'バラク オバマ'],
  ])('%s ~ %s', (a, b) => {
    expect(decision(a, b)).toBe('same');
  });

  it.each([
    ['M. Petrović', 'Marko Petrović'],
    ['Mirko Tomić', 'Mirka Tomić'],
    ['Slavko Radić', 'Slavka Radić'],
    ['Milena Radulović', 'Milana Radulović'],
    ['Sanja Kostić', 'Sonja Kostić'],
    ['Hasan Hodžić', 'Hasan Hadžić'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(decision(a, b)).not.toBe('same');
  });

  it('explains a joined name as one part', () => {
    const { explanation } = compareNames('SergeiLavrov', 'Sergei Lavrov');
    expect(explanation?.alignments).toHaveLength(1);
    expect(explanation?.alignments[0]?.method).toBe('exact');
  });
});

describe('patronymics, particles and initials of other languages', () => {
  it('does not hold a left-out Russian patronymic against a match', () => {
    expect(decision('Serej Lavrov', 'Сергей Викторович Лавров')).toBe('same');
  });

  it('keeps a son and his father apart when their names swap around bin', () => {
    expect(decision('Salman bin Muhammad Al-Rawi', 'Muhammad bin Salman Al-Rawi')).not.toBe('same');
  });

  it('reads bin, ben and ibn, al and el as the same particle', () => {
    expect(decision('Bachar el-Assad', 'Bashar al-Assad')).toBe('same');
  });

  it('reads two capitals beside a mixed-case name as initials', () => {
    expect(decision('JC Juncker', 'Jean-Claude Juncker')).toBe('same');
  });
});

describe('organisation names', () => {
  const org = (a: string, b: string): string => compareNames(a, b, { kind: 'organisation' }).decision;

  it.each([
    ['Siemens AG', 'Siemens Aktiengesellschaft'],
    ['Eurokoha sh.p.k.', 'EUROKOHA SHPK'],
    ['Delta Promet d.o.o.', 'DELTA PROMET DOO Beograd Delta'],
    ['Makpetrol DOOEL Skopje', 'Makpetrol Skopje'],
    ['OOO Oboronnye Initsiativy', 'Oboronnye Initsiativy o.O.O.'],
    ['Stripe LLC', 'Stripe Limited Liability Company'],
    ['Good Will Company', 'Goodwill Company'],
    ['A.B.C. Company', 'ABC Co.'],
    ['Brigade 44', 'Brigade Forty-Four'],
    ['1st International Bank', 'First International Bank'],
  ])('%s ~ %s', (a, b) => {
    expect(org(a, b)).toBe('same');
  });

  it.each([
    ['Management Company 23', 'Management Company 24'],
    ['Management Company', 'Westminster Management Company'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(org(a, b)).not.toBe('same');
  });

  it('leaves legal forms in person names alone', () => {
    expect(decision('Siemens AG', 'Siemens Aktiengesellschaft')).not.toBe('same');
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

  it('does not confirm two identical initials as one person', () => {
    expect(decision('J.', 'J.')).not.toBe('same');
    expect(decision('J. P.', 'J. P.')).not.toBe('same');
    expect(compareNames('J. P.', 'J. P.').explanation?.limits).toContain('only initials agree');
  });

  it('compares only the first parts of a 10,000-character name', () => {
    const long = 'Petrović '.repeat(1200);
    const c = compareNames(long, 'Marko Petrović');
    expect(c.explanation?.alignments.length).toBeLessThanOrEqual(9);
  });
});
