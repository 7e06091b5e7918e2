import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, INTL_TAG, isLocale } from '@veza/shared';

/** Dates and numbers in the conventions of the UI language (INTL_TAG), never the browser's. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const tag = INTL_TAG[isLocale(language) ? language : DEFAULT_LOCALE];
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(tag);
    return {
      tag,
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : ''),
      number: (value: number) => number.format(value),
    };
  }, [language]);
}
