import type { ExploitationType, Indicator, InstrumentContent } from '../api/indicators.ts';
import { LOCALES } from '../locales.ts';

/*
 * Indicators of the library Veza ships, as the assessment engine sees them (element, grade, forms of
 * exploitation, age group, tags; the texts are left out), for the engine's rule tables and the offline
 * screen's tests (tests only). The library itself lives with the server, which seeds it: its test
 * (apps/server/src/modules/indicators/library/library.test.ts) checks that these agree with it, in
 * the same order, so the tables stay true to what officers answer.
 */

export const RAPID_SCREEN_ID = 'veza.rapid';
export const FULL_INTERVIEW_ID = 'veza.full';

const GENERAL_FORMS: ExploitationType[] = ['sexual', 'labour', 'begging', 'domestic_servitude'];

function indicator(
  id: string,
  element: Indicator['element'],
  grade: Indicator['grade'],
  exploitationTypes: ExploitationType[] = GENERAL_FORMS,
  more: { appliesTo?: Indicator['appliesTo']; tags?: string[] } = {},
): Indicator {
  return {
    id,
    element,
    grade,
    exploitationTypes,
    appliesTo: more.appliesTo ?? 'both',
    tags: more.tags ?? [],
    text: Object.fromEntries(LOCALES.map((locale) => [locale, id])) as Indicator['text'],
  };
}

/** The whole rapid screen. */
export const RAPID_SCREEN: InstrumentContent = {
  stage: 'rapid',
  title: Object.fromEntries(LOCALES.map((locale) => [locale, 'Rapid screen'])) as InstrumentContent['title'],
  indicators: [
    indicator('rapid.documents_held', 'means', 'strong'),
    indicator('rapid.not_free_to_leave', 'means', 'strong'),
    indicator('rapid.threats_or_violence', 'means', 'strong'),
    indicator('rapid.debt', 'means', 'medium'),
    indicator('rapid.controlled_earnings', 'purpose', 'strong'),
    indicator('rapid.forced_offences', 'purpose', 'strong', ['forced_criminality'], { tags: ['drugs'] }),
  ],
};

/** Part of the full interview: a weak, medium and strong sign of each element, and compelled offences. */
export const FULL_INTERVIEW: InstrumentContent = {
  stage: 'full',
  title: Object.fromEntries(
    LOCALES.map((locale) => [locale, 'Full indicator interview']),
  ) as InstrumentContent['title'],
  indicators: [
    indicator('ilo.act_arranged_by_intermediary', 'act', 'medium'),
    indicator('ilo.act_travel_paid_by_others', 'act', 'medium'),
    indicator('ilo.act_sold_or_handed_over', 'act', 'strong', [...GENERAL_FORMS, 'forced_marriage']),
    indicator('unodc.child_unaccompanied', 'act', 'medium', GENERAL_FORMS, { appliesTo: 'child' }),
    indicator('unodc.false_documents', 'act', 'weak'),
    indicator('ilo.deceived_about_job', 'means', 'strong'),
    indicator('ilo.isolation', 'means', 'medium', [...GENERAL_FORMS, 'forced_marriage']),
    indicator('ilo.documents_retained', 'means', 'strong'),
    indicator('ilo.dependency', 'means', 'medium'),
    indicator('ilo.no_local_knowledge', 'means', 'weak'),
    indicator('ilo.excessive_hours', 'purpose', 'medium', [
      'labour',
      'domestic_servitude',
      'sexual',
      'begging',
    ]),
    indicator('ilo.no_labour_rights', 'purpose', 'weak', ['labour', 'domestic_servitude']),
    indicator('unodc.sex_for_others_profit', 'purpose', 'strong', ['sexual']),
    indicator('unodc.begging_for_others', 'purpose', 'medium', ['begging']),
    indicator('unodc.petty_crime_for_others', 'purpose', 'strong', ['forced_criminality']),
    indicator(
      'drugs.supplied_by_controller',
      'means',
      'medium',
      ['sexual', 'labour', 'begging', 'forced_criminality'],
      {
        tags: ['drugs'],
      },
    ),
    indicator('drugs.forced_to_sell', 'purpose', 'strong', ['forced_criminality'], { tags: ['drugs'] }),
    indicator('drugs.runner_or_lookout', 'purpose', 'medium', ['forced_criminality'], { tags: ['drugs'] }),
  ],
};
