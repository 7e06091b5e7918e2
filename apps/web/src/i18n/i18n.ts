import i18next, { type I18nFormatModule } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, INTL_TAG, LOCALES, LOCALE_FALLBACKS, isLocale, type Locale } from '@veza/shared';
import appEnglish from './locales/en.json';
import { localeOfPath, mergeCatalogues } from './merge.ts';
import { deriveSerbianLatin, type Catalogue } from './serbianLatin.ts';

const STORAGE_KEY = 'veza.language';

// English is the last fallback of every language and ships with the app; the others load on demand.
// Features keep their own messages beside their screens, merged here.
const featureEnglish = import.meta.glob<Catalogue>('../features/*/locales/en.json', {
  import: 'default',
  eager: true,
});
const en = mergeCatalogues(appEnglish, ...Object.values(featureEnglish));
const loaders = import.meta.glob<Catalogue>(['./locales/*.json', '!./locales/en.json'], {
  import: 'default',
});
const featureLoaders = import.meta.glob<Catalogue>(
  ['../features/*/locales/*.json', '!../features/*/locales/en.json'],
  { import: 'default' },
);

async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  if (locale === 'en') return en;
  if (locale === 'sr-Latn') return deriveSerbianLatin(await loadCatalogue('sr-Cyrl'));
  const load = loaders[`./locales/${locale}.json`];
  if (!load) throw new Error(`No catalogue for ${locale}`);
  const parts = Object.entries(featureLoaders)
    .filter(([path]) => localeOfPath(path) === locale)
    .map(([, loadPart]) => loadPart());
  return mergeCatalogues(await load(), ...(await Promise.all(parts)));
}

async function ensureLoaded(locale: Locale): Promise<void> {
  for (const needed of [locale, ...LOCALE_FALLBACKS[locale]]) {
    if (i18next.hasResourceBundle(needed, 'translation')) continue;
    i18next.addResourceBundle(needed, 'translation', await loadCatalogue(needed), true, true);
  }
}

const fallbackLng: Record<string, string[]> = { default: [DEFAULT_LOCALE] };
for (const locale of LOCALES) {
  if (LOCALE_FALLBACKS[locale].length > 0) fallbackLng[locale] = [...LOCALE_FALLBACKS[locale]];
}

export const i18n = i18next;

export function currentLocale(): Locale {
  const language = i18next.language;
  return language && isLocale(language) ? language : DEFAULT_LOCALE;
}

/** Switches the UI language: loads its catalogue (and its fallbacks) first, then updates <html lang>. */
export async function applyLocale(locale: Locale, remember = true): Promise<void> {
  await ensureLoaded(locale);
  await i18next.changeLanguage(locale);
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }
}

/** The language remembered in this browser, else the first of the browser's languages we have, else English. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && isLocale(stored)) return stored;
  } catch {
    // Storage unavailable: fall through to the browser's languages.
  }
  for (const tag of navigator.languages ?? []) {
    const match = localeForBrowserTag(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

export function localeForBrowserTag(tag: string): Locale | null {
  const lower = tag.toLowerCase();
  if (lower === 'cnr' || lower.startsWith('cnr-') || lower === 'sr-me' || lower.startsWith('sr-latn-me'))
    return 'cnr';
  if (lower.startsWith('sr-latn')) return 'sr-Latn';
  if (lower === 'sr' || lower.startsWith('sr-')) return 'sr-Cyrl';
  const primary = lower.split('-')[0] ?? '';
  return isLocale(primary) ? primary : null;
}

export async function setUpI18n(): Promise<void> {
  await i18next
    // i18next-icu's typings still name the module type of older i18next versions.
    .use(
      new ICU({
        parseLngForICU: (lng) => (isLocale(lng) ? INTL_TAG[lng] : lng),
      }) as unknown as I18nFormatModule,
    )
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en } },
      lng: DEFAULT_LOCALE,
      fallbackLng,
      supportedLngs: [...LOCALES],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await applyLocale(initialLocale(), false);
  document.documentElement.lang = i18next.language;
}
