import { describe, expect, it } from 'vitest';
import { LOCALES } from '@veza/shared';
import type { LocalisedText } from '@veza/shared';
import { pdfText } from '../../platform/pdf/pdf-text.testing.ts';
import { DOCUMENT_MESSAGES } from './documents.messages.ts';
import { renderReferralForm, renderScreeningSummary } from './documents.render.ts';
import type { ReferralFormData, ScreeningSummaryData } from './documents.render.ts';

const debtText: LocalisedText = {
  en: 'Owes a debt to the recruiter',
  sq: 'I detyrohet një borxh rekrutuesit',
  mk: 'Должи пари на регрутерот',
  'sr-Cyrl': 'Дугује новац регрутеру',
  'sr-Latn': 'Duguje novac regruteru',
  bs: 'Duguje novac regruteru',
  hr: 'Duguje novac vrbovatelju',
  cnr: 'Duguje novac regruteru',
};

function screening(overrides: Partial<ScreeningSummaryData> = {}): ScreeningSummaryData {
  return {
    reference: 'S-RS-000123',
    personReference: 'P-RS-7K3QX9',
    jurisdiction: 'RS',
    occurredAt: '2026-10-02T09:30:00.000Z',
    setting: 'border_crossing',
    place: 'Прешево',
    stage: 'full',
    instrument: { id: 'veza.full', version: 1, title: null },
    interviewLanguage: 'sq',
    interpreterLanguage: 'sr',
    age: 16,
    ageInDoubt: true,
    screenedBy: 'Јована Петровић',
    outcome: 'grounds_to_refer',
    rule: 'R-CHILD-ACT-PURPOSE',
    childRule: true,
    nonPunishmentAlert: true,
    exploitationTypes: ['forced_criminality'],
    indicatorsYes: [{ id: 'ilo.debt_bondage', text: debtText }],
    identity: null,
    printedBy: 'Јована Петровић',
    printedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

function referral(overrides: Partial<ReferralFormData> = {}): ReferralFormData {
  return {
    reference: 'R-MK-000007',
    personReference: 'P-MK-2B7QW1',
    screeningReference: 'S-MK-000044',
    kind: 'transnational',
    service: 'shelter',
    provider: null,
    fromJurisdiction: 'MK',
    toJurisdiction: 'AL',
    procedure: 'return_inclusion',
    status: 'sent',
    urgent: true,
    createdAt: '2026-11-01T08:00:00.000Z',
    reflection: { startsAt: '2026-11-01T08:00:00.000Z', endsAt: '2026-12-01T08:00:00.000Z' },
    acknowledgeBy: '2026-11-04T08:00:00.000Z',
    sharedScope: ['screening', 'health'],
    identity: null,
    printedBy: 'Ивана Стојановска',
    printedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

describe('screening summary PDF', () => {
  it("prints the officer's and the person's language, each in full", async () => {
    const pages = await pdfText(await renderScreeningSummary(screening(), ['sr-Cyrl', 'sq']));
    const all = pages.join('\n');
    expect(all).toContain('Резиме скрининга');
    expect(all).toContain('Përmbledhje e shqyrtimit');
    expect(all).toContain('Дугује новац регрутеру');
    expect(all).toContain('I detyrohet një borxh rekrutuesit');
    expect(all).toContain('Начело некажњавања');
    expect(all).toContain('Parimi i mosndëshkimit');
    // The Albanian part starts on a page of its own, so it can be handed to the person.
    const albanianStart = pages.findIndex((p) => p.includes('Përmbledhje e shqyrtimit'));
    expect(albanianStart).toBeGreaterThan(0);
    expect(pages[albanianStart]).not.toContain('Резиме скрининга');
  });

  it('shows the pseudonymous reference and no name unless identity was asked for', async () => {
    const withheld = (await pdfText(await renderScreeningSummary(screening(), ['en']))).join('\n');
    expect(withheld).toContain('P-RS-7K3QX9');
    expect(withheld).toContain('The name is not printed');
    expect(withheld).not.toContain('Arben');

    const identity = { givenName: 'Arben', familyName: 'Krasniqi', justification: 'Predaja skloništu' };
    const printed = (await pdfText(await renderScreeningSummary(screening({ identity }), ['sr-Latn']))).join(
      '\n',
    );
    expect(printed).toContain('Arben Krasniqi');
    expect(printed).toContain('Predaja skloništu');
    // Serbian Latin is derived from the Cyrillic texts.
    expect(printed).toContain('Rezime skrininga');
  });
});

describe('language names', () => {
  it('calls Montenegrin by its name, not "Serbian (Montenegro)"', async () => {
    const text = (
      await pdfText(await renderScreeningSummary(screening({ interviewLanguage: 'cnr' }), ['cnr', 'sq']))
    ).join('\n');
    expect(text).toContain('Jezik ovog dijela: crnogorski');
    expect(text).toContain('Gjuha e intervistës malazezisht');
    expect(text).not.toContain('Crna Gora)');
  });
});

describe('referral form PDF', () => {
  it('prints the transnational procedure, the reflection period and what is shared', async () => {
    const all = (await pdfText(await renderReferralForm(referral(), ['mk', 'sq']))).join('\n');
    expect(all).toContain('Образец за упатување');
    expect(all).toContain('Formulari i referimit');
    expect(all).toContain('Враќање и социјална вклученост');
    expect(all).toContain('Kthimi dhe përfshirja sociale');
    expect(all).toContain('Здравствени податоци');
    expect(all).toContain('R-MK-000007');
    expect(all).not.toContain('Ivana');
  });

  it('says plainly when nothing may be shared', async () => {
    const all = (await pdfText(await renderReferralForm(referral({ sharedScope: [] }), ['hr']))).join('\n');
    expect(all).toContain('Ništa: nema valjane privole.');
  });
});

describe('document catalogue', () => {
  it('has every text in every language, translated', () => {
    const keys = Object.keys(DOCUMENT_MESSAGES.en);
    for (const locale of LOCALES) {
      const messages = DOCUMENT_MESSAGES[locale];
      expect(Object.keys(messages).sort()).toEqual([...keys].sort());
      for (const key of keys) expect(messages[key as keyof typeof messages].trim()).not.toBe('');
      if (locale !== 'en') expect(messages.confidential).not.toBe(DOCUMENT_MESSAGES.en.confidential);
    }
  });
});
