import { notifications } from '@mantine/notifications';
import { i18n } from '../../i18n/i18n.ts';
import type { ScreeningDraft, StoredScreening } from './outbox.types.ts';
import { submitScreening } from './submit.ts';

/** Tells the user that what they saved is on the device only, for now. */
export function notifyQueued(): void {
  notifications.show({
    message: i18n.t('offline.submit.queued'),
    color: 'orange.9',
    autoClose: 8000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

export function notifyConflict(): void {
  notifications.show({
    message: i18n.t('offline.submit.conflict'),
    color: 'red.9',
    autoClose: false,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/**
 * `saveScreening` for forms that expect the stored screening: the screening when the server has it,
 * null when it was kept on the device (the user is told; the header shows it waiting).
 */
export async function saveOrQueueScreening<S extends StoredScreening>(
  input: ScreeningDraft,
): Promise<S | null> {
  const result = await submitScreening<S>(input);
  if (result.status === 'synced') return result.screening;
  notifyQueued();
  return null;
}
