import { notifications } from '@mantine/notifications';
import { DEFAULT_LOCALE, INTL_TAG, isLocale } from '@veza/shared';
import { i18n } from '../i18n/i18n.ts';

/** A short confirmation that something happened, with a translated close button. */
export function notifySuccess(message: string): void {
  notifications.show({
    message,
    color: 'teal.9',
    autoClose: 5000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/**
 * Failed sign-ins on the user's account since their previous sign-in, told at sign-in so that the
 * owner notices guessing (the server slows it down but never locks the account). Stays until closed.
 */
export function notifyFailedSignIns(failed: { count: number; lastAt: string }): void {
  const tag = INTL_TAG[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE];
  const when = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(failed.lastAt),
  );
  notifications.show({
    message: i18n.t('auth.failedAttemptsNotice', { count: failed.count, when }),
    color: 'orange.9',
    autoClose: false,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
