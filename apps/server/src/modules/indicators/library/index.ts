import { InstrumentContentSchema } from '@veza/shared';
import type { InstrumentContent } from '@veza/shared';
import { withSerbianLatin } from '../indicators.localise.ts';
import type { AuthoredText } from '../indicators.localise.ts';
import { ACT_INDICATORS } from './act.ts';
import type { AuthoredIndicator } from './authoring.ts';
import { DRUG_INDICATORS } from './drugs.ts';
import { MEANS_INDICATORS } from './means.ts';
import { PURPOSE_INDICATORS } from './purpose.ts';
import { RAPID_SCREEN_ID, RAPID_SCREEN_INDICATORS, RAPID_SCREEN_TITLE } from './rapid-screen.ts';

export { RAPID_SCREEN_ID } from './rapid-screen.ts';
export const FULL_INTERVIEW_ID = 'veza.full';

const FULL_INTERVIEW_TITLE: AuthoredText = {
  en: 'Full indicator interview',
  sq: 'Intervistë e plotë sipas treguesve',
  mk: 'Целосно интервју со индикатори',
  'sr-Cyrl': 'Потпуни разговор по индикаторима',
  bs: 'Potpuni intervju po indikatorima',
  hr: 'Cjeloviti razgovor prema pokazateljima',
  cnr: 'Potpuni razgovor po indikatorima',
};

function build(stage: InstrumentContent['stage'], title: AuthoredText, indicators: AuthoredIndicator[]) {
  // Parsing checks the shipped library against the same rules as a coordinator's version.
  return InstrumentContentSchema.parse({
    stage,
    title: withSerbianLatin(title),
    indicators: indicators.map((indicator) => ({
      ...indicator,
      tags: indicator.tags ?? [],
      text: withSerbianLatin(indicator.text),
    })),
  });
}

/**
 * The library shipped with Veza, version 1 of each instrument. Written for Veza from the public sets
 * (ILO forced-labour indicators, ILO/EC operational indicators, UNODC indicator sets) plus Veza's own
 * drug-linkage set. Coordinators change it by publishing new versions; this is only the starting point.
 */
export const DEFAULT_LIBRARY: Readonly<Record<string, InstrumentContent>> = {
  [RAPID_SCREEN_ID]: build('rapid', RAPID_SCREEN_TITLE, RAPID_SCREEN_INDICATORS),
  [FULL_INTERVIEW_ID]: build('full', FULL_INTERVIEW_TITLE, [
    ...ACT_INDICATORS,
    ...MEANS_INDICATORS,
    ...PURPOSE_INDICATORS,
    ...DRUG_INDICATORS,
  ]),
};
