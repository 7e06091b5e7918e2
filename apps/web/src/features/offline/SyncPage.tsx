import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Instrument, type Locale } from '@veza/shared';
import { ApiError, type ClientErrorCode } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { screeningApi } from '../screenings/screenings.api.ts';
import { removeItem, resolveConflict, retryItem, type ConflictChoice } from './outbox.ts';
import type { QueuedEdit, StoredOutboxItem } from './outbox.types.ts';
import { countItems, syncNow } from './store.ts';
import { useOffline } from './useOffline.ts';
import { fieldLabel, fieldValueText, WAITING_COLOR } from './values.ts';

/**
 * What this device still holds for the server: screenings and changes waiting to be sent, those the
 * server refused, and conflicts, where a field was changed here and on the server and the user keeps
 * one of the two per field.
 */
export function SyncPage() {
  const { t } = useTranslation();
  const state = useOffline();
  const { waiting, conflicts } = countItems(state.items);
  const conflicted = state.items.filter(
    (item): item is QueuedEdit & { seq: number } => item.kind === 'edit' && item.state === 'conflict',
  );
  const others = state.items.filter((item) => item.state !== 'conflict');

  return (
    <Page
      title={t('offline.page.title')}
      actions={
        <Button
          leftSection={<IconRefresh size={16} aria-hidden="true" />}
          onClick={() => void syncNow()}
          loading={state.syncing}
          disabled={!state.online || waiting === 0}
        >
          {t('offline.page.syncNow')}
        </Button>
      }
    >
      <Text>{t('offline.page.intro')}</Text>
      {!state.online && (
        <Alert color="gray" variant="outline" icon={<IconCloudOff aria-hidden="true" />}>
          {t('offline.page.offline')}
        </Alert>
      )}
      {state.items.length === 0 && <Text fw={600}>{t('offline.page.empty')}</Text>}

      {conflicts > 0 && (
        <Stack component="section" aria-labelledby="sync-conflicts" gap="md">
          <Title order={2} fz="h3" id="sync-conflicts">
            {t('offline.page.conflictsTitle', { count: conflicts })}
          </Title>
          <Text>{t('offline.page.conflictsIntro')}</Text>
          {conflicted.map((item) => (
            <ConflictCard key={item.seq} item={item} />
          ))}
        </Stack>
      )}

      {others.length > 0 && (
        <Stack component="section" aria-labelledby="sync-waiting" gap="sm">
          <Title order={2} fz="h3" id="sync-waiting">
            {t('offline.page.waitingTitle', { count: others.length })}
          </Title>
          {others.map((item) => (
            <OutboxRow key={item.seq} item={item} />
          ))}
        </Stack>
      )}
    </Page>
  );
}

function itemTitle(t: ReturnType<typeof useTranslation>['t'], item: StoredOutboxItem): string {
  if (item.kind === 'create') {
    const place = typeof item.body.place === 'string' ? item.body.place : '';
    return t('offline.item.newScreening', { place });
  }
  return t('offline.item.edit', { reference: item.reference ?? item.screeningId });
}

function OutboxRow({ item }: { item: StoredOutboxItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [discarding, setDiscarding] = useState(false);
  const failed = item.state === 'failed';
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600}>{itemTitle(t, item)}</Text>
          <Text size="sm" c="dimmed">
            {t('offline.item.savedAt', { when: format.dateTime(item.queuedAt) })}
          </Text>
        </Stack>
        <Badge variant="outline" color={failed ? 'red.9' : WAITING_COLOR}>
          {failed ? t('offline.item.failed') : t('offline.item.waiting')}
        </Badge>
      </Group>
      {failed && (
        <Stack gap="xs" mt="xs">
          <ErrorAlert
            error={new ApiError(0, (item.error ?? 'internal_error') as ClientErrorCode)}
            title={t('offline.item.refused')}
          />
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => void retryItem(item.seq).then(() => syncNow())}
            >
              {t('offline.item.retry')}
            </Button>
            <Button size="xs" variant="outline" color="red.9" onClick={() => setDiscarding(true)}>
              {t('offline.item.discard')}
            </Button>
          </Group>
          <ConfirmDialog
            opened={discarding}
            title={t('offline.item.discardTitle')}
            message={t('offline.item.discardMessage')}
            confirmLabel={t('offline.item.discard')}
            onConfirm={() => void removeItem(item.seq).then(() => setDiscarding(false))}
            onClose={() => setDiscarding(false)}
            danger
          />
        </Stack>
      )}
    </Card>
  );
}

function ConflictCard({ item }: { item: QueuedEdit & { seq: number } }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  const format = useFormat();
  // The questions of the indicators, for naming answer fields (from the cache when offline).
  const instruments = useQuery({ queryKey: ['instruments'], queryFn: screeningApi.instruments });
  const indicators = (instruments.data ?? []).flatMap((instrument: Instrument) => instrument.indicators);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const fields = item.conflicts ?? [];
  const complete = fields.every((conflict) => choices[conflict.field]);

  async function send() {
    setSending(true);
    setError(null);
    try {
      await resolveConflict(item.seq, choices);
      await syncNow();
    } catch (cause) {
      setError(cause);
    } finally {
      setSending(false);
    }
  }

  const text = (field: string, value: unknown) =>
    fieldValueText(t, field, value, (iso) => format.dateTime(iso));
  const titleId = `conflict-${item.seq}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={titleId}>
      <Group gap="xs" mb="sm">
        <IconAlertTriangle size={18} aria-hidden="true" color="var(--mantine-color-red-9)" />
        <Title order={3} fz="h4" id={titleId}>
          {itemTitle(t, item)}
        </Title>
      </Group>
      <Stack gap="md">
        {fields.map((conflict) => (
          <Radio.Group
            key={conflict.field}
            label={fieldLabel(t, conflict.field, indicators, locale)}
            value={choices[conflict.field] ?? null}
            onChange={(value) =>
              setChoices((current) => ({ ...current, [conflict.field]: value as ConflictChoice }))
            }
          >
            <Stack gap={6} mt={6}>
              <Radio
                value="device"
                label={t('offline.conflict.device', { value: text(conflict.field, conflict.yours) })}
              />
              <Radio
                value="server"
                label={t('offline.conflict.server', { value: text(conflict.field, conflict.theirs) })}
              />
            </Stack>
          </Radio.Group>
        ))}
        <ErrorAlert error={error} />
        <Group>
          <Button onClick={() => void send()} disabled={!complete} loading={sending}>
            {t('offline.conflict.resolve')}
          </Button>
          {!complete && (
            <Text size="sm" c="dimmed">
              {t('offline.conflict.chooseEach')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
