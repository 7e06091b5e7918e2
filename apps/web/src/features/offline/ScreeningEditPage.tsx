import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { SCREENING_SETTINGS, type Screening, type ScreeningSetting } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { screeningApi } from '../screenings/screenings.api.ts';
import { notifyQueued } from './feedback.ts';
import type { ScreeningChanges } from './outbox.types.ts';
import { submitScreeningEdit } from './submit.ts';

interface EditableContext {
  setting: ScreeningSetting;
  place: string;
  occurredAt: string;
  age: number | undefined;
  ageInDoubt: boolean;
  narrative: string;
}

/** `2026-11-23T09:30` in the device's time zone, as a datetime-local input wants it. */
function localInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function editable(screening: Screening): EditableContext {
  return {
    setting: screening.setting,
    place: screening.place,
    occurredAt: localInput(screening.occurredAt),
    age: screening.age ?? undefined,
    ageInDoubt: screening.ageInDoubt,
    narrative: screening.narrative ?? '',
  };
}

/** Only the fields the user changed: the server compares each with what changed since the revision. */
export function changedFields(before: EditableContext, after: EditableContext): ScreeningChanges {
  const changes: ScreeningChanges = {};
  if (after.setting !== before.setting) changes.setting = after.setting;
  if (after.place.trim() !== before.place) changes.place = after.place.trim();
  if (after.occurredAt !== before.occurredAt) changes.occurredAt = new Date(after.occurredAt).toISOString();
  if (after.age !== before.age) changes.age = after.age ?? null;
  if (after.ageInDoubt !== before.ageInDoubt) changes.ageInDoubt = after.ageInDoubt;
  if (after.narrative.trim() !== before.narrative) changes.narrative = after.narrative.trim() || null;
  return changes;
}

/**
 * Changes the context of a stored screening, with or without a connection: sent against the revision
 * it was opened at; offline it waits in the outbox; a field someone else changed meanwhile becomes a
 * conflict on the Sync page, never an overwrite.
 */
export function ScreeningEditPage() {
  const { screeningId = '' } = useParams();
  const { t } = useTranslation();
  const screening = useQuery({
    queryKey: ['screening', screeningId],
    queryFn: () => screeningApi.screening(screeningId),
    retry: false,
  });
  if (isApiError(screening.error, 'not_found')) return <NotFoundPage />;
  if (screening.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (screening.isError) {
    return (
      <Page title={t('offline.edit.titleUnknown')}>
        <ErrorAlert error={screening.error} />
      </Page>
    );
  }
  if (!screening.data.allowed.includes('screening.edit')) return <NotFoundPage />;
  return <EditForm screening={screening.data} />;
}

function EditForm({ screening }: { screening: Screening }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [before] = useState(() => editable(screening));
  const [value, setValue] = useState(before);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const set = <K extends keyof EditableContext>(key: K, next: EditableContext[K]) =>
    setValue((current) => ({ ...current, [key]: next }));
  const changes = changedFields(before, value);
  const nothingChanged = Object.keys(changes).length === 0;

  async function save() {
    if (!value.place.trim()) {
      setPlaceError(t('validation.required'));
      return;
    }
    setPlaceError(null);
    setSaving(true);
    setError(null);
    try {
      const result = await submitScreeningEdit<Screening>(screening.id, screening.revision, changes, {
        reference: screening.reference,
      });
      if (result.status === 'conflict') {
        setConflict(true);
        return;
      }
      if (result.status === 'queued') notifyQueued();
      else {
        queryClient.setQueryData(['screening', screening.id], result.screening);
        await queryClient.invalidateQueries({ queryKey: ['screenings'] });
        notifySuccess(t('offline.edit.saved', { reference: screening.reference }));
      }
      void navigate(`/screenings/${screening.id}`);
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Page title={t('offline.edit.title', { reference: screening.reference })}>
      <Text>{t('offline.edit.intro')}</Text>
      {conflict && (
        <Alert color="red" variant="outline" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
          <Stack gap="xs">
            <Text>{t('offline.submit.conflict')}</Text>
            <Anchor component={Link} to="/sync">
              {t('offline.edit.toSync')}
            </Anchor>
          </Stack>
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('offline.fields.setting')}
              value={value.setting}
              onChange={(event) => set('setting', event.currentTarget.value as ScreeningSetting)}
            >
              {SCREENING_SETTINGS.map((setting) => (
                <option key={setting} value={setting}>
                  {t(`offline.values.setting.${setting}`)}
                </option>
              ))}
            </NativeSelect>
            <TextInput
              label={t('offline.fields.place')}
              required
              maxLength={200}
              value={value.place}
              error={placeError}
              onChange={(event) => set('place', event.currentTarget.value)}
            />
            <TextInput
              type="datetime-local"
              label={t('offline.fields.occurredAt')}
              required
              value={value.occurredAt}
              onChange={(event) => set('occurredAt', event.currentTarget.value)}
            />
            <Group align="flex-end" gap="lg">
              <NumberInput
                label={t('offline.fields.age')}
                min={0}
                max={130}
                allowDecimal={false}
                value={value.age ?? ''}
                onChange={(next) => set('age', typeof next === 'number' ? next : undefined)}
                w={160}
              />
              <Checkbox
                label={t('offline.fields.ageInDoubt')}
                checked={value.ageInDoubt}
                onChange={(event) => set('ageInDoubt', event.currentTarget.checked)}
              />
            </Group>
          </SimpleGrid>
          <Textarea
            label={t('offline.fields.narrative')}
            autosize
            minRows={3}
            maxLength={20000}
            value={value.narrative}
            onChange={(event) => set('narrative', event.currentTarget.value)}
          />
          <ErrorAlert error={error} />
          <Group>
            <Button type="submit" loading={saving} disabled={nothingChanged}>
              {t('common.save')}
            </Button>
            <Button component={Link} to={`/screenings/${screening.id}`} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
