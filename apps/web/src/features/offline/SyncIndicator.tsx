import { Button, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCloudCheck,
  IconCloudOff,
  IconCloudUpload,
  IconRefresh,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { WAITING_COLOR } from './values.ts';
import { countItems, type OfflineSnapshot } from './store.ts';
import { useOffline, useOutboxRunner } from './useOffline.ts';

type Tone = { label: string; color: string; Icon: typeof IconCloudCheck };

/** What the header says, most urgent first: conflicts to choose, then syncing, offline, waiting. */
export function indicatorTone(t: TFunction, state: OfflineSnapshot): Tone {
  const { waiting, conflicts, failed } = countItems(state.items);
  if (conflicts > 0) {
    return {
      label: t('offline.indicator.conflicts', { count: conflicts }),
      color: 'red.9',
      Icon: IconAlertTriangle,
    };
  }
  if (state.syncing) return { label: t('offline.indicator.syncing'), color: 'blue.9', Icon: IconRefresh };
  if (!state.online) {
    return {
      label:
        waiting > 0
          ? t('offline.indicator.offlineWaiting', { count: waiting })
          : t('offline.indicator.offline'),
      color: 'gray.8',
      Icon: IconCloudOff,
    };
  }
  if (waiting > 0) {
    return {
      label: t('offline.indicator.waiting', { count: waiting }),
      color: WAITING_COLOR,
      Icon: IconCloudUpload,
    };
  }
  if (failed > 0) {
    return {
      label: t('offline.indicator.failed', { count: failed }),
      color: 'red.9',
      Icon: IconAlertTriangle,
    };
  }
  return { label: t('offline.indicator.synced'), color: 'teal.9', Icon: IconCloudCheck };
}

/**
 * The connection and sync state in the header, a link to the Sync page. It also runs the outbox for
 * the signed-in user (there is exactly one header).
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  useOutboxRunner();
  const state = useOffline();
  const { label, color, Icon } = indicatorTone(t, state);
  const { waiting, conflicts, failed } = countItems(state.items);
  const pending = waiting + conflicts + failed;
  return (
    <Button
      component={Link}
      to="/sync"
      variant="outline"
      color={color}
      size="compact-sm"
      radius="xl"
      // The brand's subtitle may wrap; the state must stay whole.
      style={{ flexShrink: 0 }}
      leftSection={<Icon size={16} aria-hidden="true" />}
      aria-label={label}
      title={label}
      data-testid="sync-indicator"
    >
      {/* A phone's header has room for the icon and a number only; the name says it all. */}
      <Text span inherit visibleFrom="sm" aria-live="polite">
        {label}
      </Text>
      {pending > 0 && (
        <Text span inherit hiddenFrom="sm">
          {pending}
        </Text>
      )}
    </Button>
  );
}
