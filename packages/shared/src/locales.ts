/** UI languages. Serbian Latin is derived from the Cyrillic catalogue, never typed twice. */
export const LOCALES = ['en', 'sq', 'mk', 'sr-Cyrl', 'sr-Latn', 'bs', 'hr', 'cnr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Where a missing message is looked up next: Montenegrin falls back to Serbian Latin, then Bosnian. */
export const LOCALE_FALLBACKS: Readonly<Record<Locale, readonly Locale[]>> = {
  en: [],
  sq: ['en'],
  mk: ['en'],
  'sr-Cyrl': ['en'],
  'sr-Latn': ['en'],
  bs: ['en'],
  hr: ['en'],
  cnr: ['sr-Latn', 'bs', 'en'],
};

/** The BCP 47 tag handed to Intl for dates and numbers. */
export const INTL_TAG: Readonly<Record<Locale, string>> = {
  en: 'en-GB',
  sq: 'sq-AL',
  mk: 'mk-MK',
  'sr-Cyrl': 'sr-Cyrl-RS',
  'sr-Latn': 'sr-Latn-RS',
  bs: 'bs-BA',
  hr: 'hr-HR',
  cnr: 'sr-Latn-ME',
};

/** Each language's own name for itself, for the language switcher. */
export const LOCALE_NATIVE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  sq: 'Shqip',
  mk: 'Македонски',
  'sr-Cyrl': 'Српски (ћирилица)',
  'sr-Latn': 'Srpski (latinica)',
  bs: 'Bosanski',
  hr: 'Hrvatski',
  cnr: 'Crnogorski',
};

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
