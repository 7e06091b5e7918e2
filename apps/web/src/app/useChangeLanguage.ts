import { useCallback } from 'react';
import type { Locale } from '@veza/shared';
import { applyLocale } from '../i18n/i18n.ts';
import { authApi } from '../features/auth/auth.api.ts';
import { useSession } from '../features/auth/session.tsx';
import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/i18n.ts';
import { errorMessage } from '../ui/errors.tsx';

/** Switches the UI language now; when signed in, the server remembers it for the next sign-in. */
export function useChangeLanguage() {
  const { session, updateMe } = useSession();
  const signedIn = session.status === 'signedIn';
  return useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      if (!signedIn) return;
      try {
        updateMe(await authApi.setLanguage(locale));
      } catch (error) {
        notifications.show({
          color: 'red.9',
          message: errorMessage(i18n.t, error),
          closeButtonProps: { 'aria-label': i18n.t('common.close') },
        });
      }
    },
    [signedIn, updateMe],
  );
}
