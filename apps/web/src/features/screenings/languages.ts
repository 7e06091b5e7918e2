import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, INTL_TAG, JURISDICTIONS, isLocale } from '@veza/shared';

/**
 * Languages met in screening in the region: the seven of the UI plus those of people on the move.
 * Their names come from the browser's Intl data in the UI language, so no catalogue lists them.
 */
export const INTERVIEW_LANGUAGES = [
  'sq',
  'sr',
  'mk',
  'bs',
  'hr',
  'cnr',
  'en',
  'rom',
  'ro',
  'bg',
  'el',
  'tr',
  'uk',
  'ru',
  'ar',
  'fa',
  'ps',
  'ur',
  'bn',
  'fr',
  'de',
  'it',
  'zh',
  'vi',
] as const;

/** Nationalities offered first: the region, then the countries people most often come from or go to. */
export const NATIONALITIES = [
  ...JURISDICTIONS,
  'BG',
  'RO',
  'GR',
  'TR',
  'MD',
  'UA',
  'RU',
  'SY',
  'AF',
  'IQ',
  'PK',
  'BD',
  'IN',
  'NP',
  'NG',
  'MA',
  'CN',
  'VN',
  'PH',
  'DE',
  'AT',
  'IT',
] as const;

/** Names of languages and countries in the UI language; Kosovo* and the region from the catalogue. */
export function useNames() {
  const { t, i18n } = useTranslation();
  const tag = INTL_TAG[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE];
  return useMemo(() => {
    const languages = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' });
    const regions = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
    const language = (code: string | null | undefined) => {
      if (!code) return '';
      if (code === 'cnr') return t('screening.flow.montenegrin');
      try {
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const country = (code: string | null | undefined) => {
      if (!code) return '';
      if ((JURISDICTIONS as readonly string[]).includes(code)) return t(`jurisdictions.${code}`);
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    };
    return { language, country };
  }, [tag, t]);
}
