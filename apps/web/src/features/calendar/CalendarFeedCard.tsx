import { useState } from 'react';
import { Alert, Anchor, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CalendarFeedCreated } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { calendarApi } from './calendar.api.ts';

const STATUS_KEY = ['calendar-feed'];

/**
 * The profile's "Calendar feed" card: make a secret address for a calendar app, copy it (it is shown
 * once: the server keeps only its hash), make a new one, or revoke it.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [confirm, setConfirm] = useState<'replace' | 'revoke' | null>(null);
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: calendarApi.status, staleTime: 0 });
  const create = useMutation({
    mutationFn: calendarApi.create,
    onSuccess: async (answer) => {
      setCreated(answer);
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: calendarApi.revoke,
    onSuccess: async () => {
      setCreated(null);
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
      notifySuccess(t('calendar.revoked'));
    },
  });
  const exists = status.data?.exists === true;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile-calendar">
      <Title order={2} fz="h3" id="profile-calendar" mb="sm">
        {t('calendar.title')}
      </Title>
      <Stack>
        <Text>{t('calendar.intro')}</Text>
        {status.isError && <ErrorAlert error={status.error} />}
        {create.isError && confirm === null && <ErrorAlert error={create.error} />}
        {created ? (
          <Alert
            role="status"
            variant="outline"
            icon={<IconCalendarEvent aria-hidden="true" />}
            title={t('calendar.createdTitle')}
          >
            <Stack gap="xs">
              <Text size="sm">{t('calendar.createdOnce')}</Text>
              <TextInput
                label={t('calendar.addressLabel')}
                value={created.url}
                readOnly
                data-testid="calendar-feed-url"
                onFocus={(event) => event.currentTarget.select()}
              />
              <Group>
                <CopyButton value={created.url}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? t('common.copied') : t('calendar.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        ) : exists ? (
          <Text fw={600}>
            {t('calendar.exists', { date: format.dateTime(status.data?.createdAt ?? null) })}
          </Text>
        ) : (
          status.isSuccess && <Text fw={600}>{t('calendar.none')}</Text>
        )}
        <Group>
          {exists ? (
            <>
              <Button variant="default" onClick={() => setConfirm('replace')}>
                {t('calendar.replace')}
              </Button>
              <Button color="red.9" variant="outline" onClick={() => setConfirm('revoke')}>
                {t('calendar.revoke')}
              </Button>
            </>
          ) : (
            <Button loading={create.isPending} disabled={!status.isSuccess} onClick={() => create.mutate()}>
              {t('calendar.create')}
            </Button>
          )}
        </Group>
        <Text size="sm">
          <Anchor href={calendarApi.fileUrl}>{t('calendar.download')}</Anchor>
        </Text>
      </Stack>
      <ConfirmDialog
        opened={confirm === 'replace'}
        title={t('calendar.replaceTitle')}
        message={t('calendar.replaceText')}
        confirmLabel={t('calendar.replace')}
        loading={create.isPending}
        error={create.error}
        onClose={() => setConfirm(null)}
        onConfirm={() => create.mutate()}
      />
      <ConfirmDialog
        opened={confirm === 'revoke'}
        title={t('calendar.revokeTitle')}
        message={t('calendar.revokeText')}
        confirmLabel={t('calendar.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => setConfirm(null)}
        onConfirm={() => revoke.mutate()}
      />
    </Card>
  );
}
