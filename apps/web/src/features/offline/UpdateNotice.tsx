import { useState, useSyncExternalStore } from 'react';
import { Affix, Button, Notification, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { activateUpdate, isUpdateReady, onUpdateReady } from './register-sw.ts';

/**
 * "A new version of Veza is available": shown when a new build's service worker waits (register-sw.ts).
 * It never reloads by itself, since a half-filled form would be lost; the officer reloads when ready.
 * Screenings waiting to sync are in IndexedDB (outbox.db.ts) and survive the reload.
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const ready = useSyncExternalStore(onUpdateReady, isUpdateReady);
  const [dismissed, setDismissed] = useState(false);
  const [reloading, setReloading] = useState(false);
  if (!ready || dismissed) return null;
  return (
    <Affix position={{ bottom: 16, right: 16 }} zIndex={300}>
      <Notification
        role="status"
        title={t('offline.update.title')}
        icon={<IconRefresh size={18} aria-hidden="true" />}
        color="blue"
        withBorder
        onClose={() => setDismissed(true)}
        closeButtonProps={{ 'aria-label': t('offline.update.later') }}
        style={{ width: 360, maxWidth: 'calc(100vw - 32px)' }}
        data-testid="update-notice"
      >
        <Text size="sm">{t('offline.update.message')}</Text>
        <Button
          mt="xs"
          size="compact-sm"
          loading={reloading}
          onClick={() => {
            setReloading(true);
            activateUpdate();
          }}
        >
          {t('offline.update.reload')}
        </Button>
      </Notification>
    </Affix>
  );
}
