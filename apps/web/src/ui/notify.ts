import { notifications } from '@mantine/notifications';
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
