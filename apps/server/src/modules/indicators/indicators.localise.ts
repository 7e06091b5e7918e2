import { serbianCyrillicToLatin } from '@veza/matching/serbian';
import type { LocalisedText } from '@veza/shared';

/** Texts as written: Serbian once, in Cyrillic (the Latin form is derived, never typed twice). */
export type AuthoredText = Omit<LocalisedText, 'sr-Latn'> & { 'sr-Latn'?: string | undefined };

/** Every UI language, with Serbian Latin derived from the Cyrillic by the fixed letter mapping. */
export function withSerbianLatin(text: AuthoredText): LocalisedText {
  return {
    en: text.en,
    sq: text.sq,
    mk: text.mk,
    'sr-Cyrl': text['sr-Cyrl'],
    'sr-Latn': serbianCyrillicToLatin(text['sr-Cyrl']),
    bs: text.bs,
    hr: text.hr,
    cnr: text.cnr,
  };
}
