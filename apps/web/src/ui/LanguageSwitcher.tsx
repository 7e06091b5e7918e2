import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NATIVE_NAMES, isLocale } from '@veza/shared';
import { useChangeLanguage } from '../app/useChangeLanguage.ts';

/** Every language under its own name, each option marked with its language for screen readers. */
export function LanguageSwitcher({ withLabel = false }: { withLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <NativeSelect
      label={withLabel ? t('language.label') : undefined}
      aria-label={withLabel ? undefined : t('language.label')}
      leftSection={withLabel ? undefined : <IconLanguage size={16} aria-hidden="true" />}
      value={i18n.language}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLocale(value)) void changeLanguage(value);
      }}
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NATIVE_NAMES[locale]}
        </option>
      ))}
    </NativeSelect>
  );
}
