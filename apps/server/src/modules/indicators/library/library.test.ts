import { describe, expect, it } from 'vitest';
import { serbianCyrillicToLatin } from '@veza/matching/serbian';
import { EXPLOITATION_TYPES, ILO_EC_ELEMENTS, LOCALES } from '@veza/shared';
import type { Indicator, InstrumentContent } from '@veza/shared';
import { assess } from '@veza/shared/screening/assessment';
import * as engineTables from '@veza/shared/screening/shipped-indicators.testing';
import { DEFAULT_LIBRARY, FULL_INTERVIEW_ID, RAPID_SCREEN_ID } from './index.ts';

const instruments = Object.entries(DEFAULT_LIBRARY);
const full = DEFAULT_LIBRARY[FULL_INTERVIEW_ID]!;
const allIndicators = instruments.flatMap(([, content]) => content.indicators);

describe('the default library', () => {
  it('ships a rapid screen and a full interview', () => {
    expect(DEFAULT_LIBRARY[RAPID_SCREEN_ID]?.stage).toBe('rapid');
    expect(full.stage).toBe('full');
    expect(full.indicators.length).toBeGreaterThanOrEqual(40);
    expect(full.indicators.length).toBeLessThanOrEqual(60);
  });

  it('uses stable ids: rapid.* in the rapid screen, ilo.*, unodc.* and drugs.* in the interview', () => {
    expect(DEFAULT_LIBRARY[RAPID_SCREEN_ID]?.indicators.every((i) => i.id.startsWith('rapid.'))).toBe(true);
    expect(full.indicators.every((i) => /^(ilo|unodc|drugs)\./.test(i.id))).toBe(true);
    expect(new Set(allIndicators.map((i) => i.id)).size).toBe(allIndicators.length);
  });

  it('covers act, means and purpose, every ILO/EC element and every form of exploitation', () => {
    for (const element of ['act', 'means', 'purpose'] as const)
      expect(full.indicators.some((i) => i.element === element)).toBe(true);
    for (const iloEc of ILO_EC_ELEMENTS)
      expect(
        full.indicators.some((i) => i.iloEcElement === iloEc),
        iloEc,
      ).toBe(true);
    for (const type of EXPLOITATION_TYPES)
      expect(
        full.indicators.some((i) => i.exploitationTypes.includes(type)),
        type,
      ).toBe(true);
    for (const grade of ['strong', 'medium', 'weak'] as const)
      expect(full.indicators.some((i) => i.grade === grade)).toBe(true);
    expect(full.indicators.some((i) => i.appliesTo === 'child')).toBe(true);
  });

  it('links drugs and trafficking: supply, withdrawal, debt, sell/carry/grow, recruitment, compliance, arrests', () => {
    const drugs = full.indicators.filter((i) => i.tags.includes('drugs'));
    expect(drugs.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        'drugs.supplied_by_controller',
        'drugs.withdrawal_as_punishment',
        'drugs.drug_debt',
        'drugs.forced_to_sell',
        'drugs.forced_to_carry',
        'drugs.forced_to_grow',
        'drugs.used_to_recruit',
        'drugs.used_for_compliance',
        'drugs.arrested_with_other_signs',
      ]),
    );
    for (const indicator of drugs) expect(indicator.exploitationTypes).toContain('forced_criminality');
  });

  it('has every text in every UI language, translated rather than copied from English', () => {
    const texts = instruments.flatMap(([, content]) => [
      content.title,
      ...content.indicators.map((i) => i.text),
    ]);
    for (const text of texts) {
      for (const locale of LOCALES)
        expect(text[locale].trim().length, `${locale}: ${text.en}`).toBeGreaterThan(0);
      for (const locale of LOCALES.filter((l) => l !== 'en'))
        expect(text[locale], `${locale}: ${text.en}`).not.toBe(text.en);
    }
  });

  it('derives Serbian Latin from the Cyrillic', () => {
    for (const indicator of allIndicators)
      expect(indicator.text['sr-Latn']).toBe(serbianCyrillicToLatin(indicator.text['sr-Cyrl']));
    expect(full.indicators.find((i) => i.id === 'drugs.forced_to_sell')?.text['sr-Latn']).toBe(
      'Osoba je primorana da prodaje drogu za druge.',
    );
  });

  it('writes Cyrillic where the language is Cyrillic and Latin where it is Latin', () => {
    for (const indicator of allIndicators) {
      expect(indicator.text.mk).not.toMatch(/[a-zA-Z]/);
      expect(indicator.text['sr-Cyrl']).not.toMatch(/[a-zA-Z]/);
      for (const locale of ['sq', 'bs', 'hr', 'cnr', 'sr-Latn'] as const)
        expect(indicator.text[locale], `${locale} ${indicator.id}`).not.toMatch(/[\u0400-\u04FF]/);
    }
  });
});

/** What the assessment engine reads of an indicator. */
const asAssessed = ({ id, element, grade, exploitationTypes, appliesTo, tags }: Indicator) => ({
  id,
  element,
  grade,
  exploitationTypes,
  appliesTo,
  tags,
});

describe('the library and the assessment engine', () => {
  it('has the indicators the rule tables are written with, as the tables describe them, in order', () => {
    const pairs: [string, InstrumentContent | undefined, InstrumentContent][] = [
      [RAPID_SCREEN_ID, DEFAULT_LIBRARY[engineTables.RAPID_SCREEN_ID], engineTables.RAPID_SCREEN],
      [FULL_INTERVIEW_ID, DEFAULT_LIBRARY[engineTables.FULL_INTERVIEW_ID], engineTables.FULL_INTERVIEW],
    ];
    for (const [id, shipped, written] of pairs) {
      expect(shipped, id).toBeDefined();
      expect(shipped?.stage).toBe(written.stage);
      const used = new Set(written.indicators.map((i) => i.id));
      expect(shipped?.indicators.filter((i) => used.has(i.id)).map(asAssessed), id).toEqual(
        written.indicators.map(asAssessed),
      );
    }
    // The rapid tables answer every question of the screen ("all six no").
    expect(DEFAULT_LIBRARY[RAPID_SCREEN_ID]?.indicators.map((i) => i.id)).toEqual(
      engineTables.RAPID_SCREEN.indicators.map((i) => i.id),
    );
  });

  it('keeps the rapid screen to at most six questions', () => {
    expect(DEFAULT_LIBRARY[RAPID_SCREEN_ID]?.indicators.length).toBeLessThanOrEqual(6);
  });

  it('raises the non-punishment alert on every indicator of the drug-linkage set', () => {
    for (const indicator of full.indicators.filter((i) => i.id.startsWith('drugs.'))) {
      const result = assess({
        stage: 'full',
        indicators: full.indicators,
        answers: { [indicator.id]: 'yes' },
        age: 30,
      });
      expect(result.nonPunishmentAlert, indicator.id).toBe(true);
    }
  });
});
