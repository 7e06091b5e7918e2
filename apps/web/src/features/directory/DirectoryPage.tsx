import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  DIRECTORY_FUNCTIONS,
  JURISDICTIONS,
  type Availability,
  type DirectoryEntry,
  type DirectoryFunction,
  type JurisdictionCode,
} from '@veza/shared';
import { useCan, useMe } from '../auth/session.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { directoryApi } from './directory.api.ts';
import { EntryForm } from './EntryForm.tsx';

/** Languages an entry may list; each has a name under `referral.languages` in every catalogue. */
export const DIRECTORY_LANGUAGES = [
  'en',
  'sq',
  'mk',
  'sr',
  'bs',
  'hr',
  'cnr',
  'de',
  'fr',
  'it',
  'ro',
  'el',
  'hu',
  'tr',
  'ru',
];

const PAGE_SIZE = 50;

function isJurisdiction(value: string | null): value is JurisdictionCode {
  return value !== null && (JURISDICTIONS as readonly string[]).includes(value);
}

/** "Mon–Fri 07:30–15:30" in the reader's language, or 24/7. */
export function useAvailabilityText(): (availability: Availability) => string {
  const { t } = useTranslation();
  return (availability) => {
    if (availability.kind === 'always') return t('directory.always');
    const days = [...availability.days].sort((a, b) => a - b);
    const consecutive = days.every((day, i) => i === 0 || day === (days[i - 1] as number) + 1);
    const dayText =
      consecutive && days.length > 2
        ? `${t(`directory.weekdays.${days[0]}`)}–${t(`directory.weekdays.${days.at(-1)}`)}`
        : days.map((day) => t(`directory.weekdays.${day}`)).join(', ');
    return `${dayText} ${availability.opens}–${availability.closes}`;
  };
}

type Editing = { mode: 'create' } | { mode: 'edit'; entry: DirectoryEntry } | null;

/**
 * The directory of contact points: whom to call across a border. Everyone reads it; the keepers of a
 * jurisdiction (the server's `allowed`) edit and confirm its entries.
 */
export function DirectoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const format = useFormat();
  const availabilityText = useAvailabilityText();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const initialJurisdiction = params.get('jurisdiction');
  const [jurisdiction, setJurisdiction] = useState<JurisdictionCode | ''>(
    isJurisdiction(initialJurisdiction) ? initialJurisdiction : '',
  );
  const [fn, setFn] = useState<DirectoryFunction | ''>('');
  const [language, setLanguage] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(params.get('overdue') === 'true');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);

  const filter = {
    ...(jurisdiction ? { jurisdiction } : {}),
    ...(fn ? { function: fn } : {}),
    ...(language ? { language } : {}),
    ...(q ? { q } : {}),
    ...(overdueOnly ? { overdue: 'true' as const } : {}),
    limit: PAGE_SIZE,
    offset,
  };
  const entries = useQuery({ queryKey: ['directory', filter], queryFn: () => directoryApi.list(filter) });
  const confirm = useMutation({
    mutationFn: (entry: DirectoryEntry) => directoryApi.confirm(entry.id),
    onSuccess: async (entry) => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      notifySuccess(t('directory.confirmed', { organisation: entry.organisation }));
    },
  });
  const exportJurisdiction = jurisdiction || me.jurisdiction;
  const reset = () => setOffset(0);

  return (
    <Page
      title={t('directory.title')}
      actions={
        can('directory.manage') ? (
          <Button onClick={() => setEditing({ mode: 'create' })}>{t('directory.add')}</Button>
        ) : undefined
      }
    >
      <Text>{t('directory.intro')}</Text>
      <Stack gap="sm" component="section" aria-label={t('common.filters')}>
        <TextInput
          label={t('directory.search')}
          description={t('directory.searchHint')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            reset();
          }}
          type="search"
          maxLength={200}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('directory.jurisdiction')}
            value={jurisdiction}
            onChange={(e) => {
              setJurisdiction(e.currentTarget.value as JurisdictionCode | '');
              reset();
            }}
          >
            <option value="">{t('common.all')}</option>
            {JURISDICTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`jurisdictions.${code}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('directory.function')}
            value={fn}
            onChange={(e) => {
              setFn(e.currentTarget.value as DirectoryFunction | '');
              reset();
            }}
          >
            <option value="">{t('common.all')}</option>
            {DIRECTORY_FUNCTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`directory.functions.${code}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('directory.language')}
            value={language}
            onChange={(e) => {
              setLanguage(e.currentTarget.value);
              reset();
            }}
          >
            <option value="">{t('common.all')}</option>
            {DIRECTORY_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`referral.languages.${code}`, { defaultValue: code })}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <Group justify="space-between">
          <Checkbox
            label={t('directory.overdueOnly')}
            checked={overdueOnly}
            onChange={(e) => {
              setOverdueOnly(e.currentTarget.checked);
              reset();
            }}
          />
          {exportJurisdiction && (
            <Group gap="md">
              <Text size="sm">
                {t('directory.exportOf', { jurisdiction: t(`jurisdictions.${exportJurisdiction}`) })}
              </Text>
              <Anchor href={directoryApi.exportUrl('vcf', exportJurisdiction)} download>
                {t('directory.exportVcf')}
              </Anchor>
              <Anchor href={directoryApi.exportUrl('csv', exportJurisdiction)} download>
                {t('directory.exportCsv')}
              </Anchor>
            </Group>
          )}
        </Group>
      </Stack>
      <ErrorAlert error={confirm.error} />
      {entries.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : entries.isError ? (
        <ErrorAlert error={entries.error} />
      ) : entries.data.items.length === 0 ? (
        <Text>{t('directory.none')}</Text>
      ) : (
        <>
          {entries.data.overdue > 0 && (
            <Text c="red.9" fw={600}>
              {t('directory.overdueCount', { count: entries.data.overdue })}
            </Text>
          )}
          <ScrollTable minWidth={1100} label={t('directory.table')}>
            <Table captionSide="top" striped>
              <Table.Caption>{t('directory.table')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('directory.function')}</Table.Th>
                  <Table.Th scope="col">{t('directory.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('directory.languages')}</Table.Th>
                  <Table.Th scope="col">{t('directory.availability')}</Table.Th>
                  <Table.Th scope="col">{t('directory.channels')}</Table.Th>
                  <Table.Th scope="col">{t('directory.lastConfirmed')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.items.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="directory-entry">
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="sm" fw={600}>
                          {t(`directory.functions.${entry.function}`)}
                        </Text>
                        <Text size="xs">{t(`jurisdictions.${entry.jurisdiction}`)}</Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="sm">{entry.organisation}</Text>
                        {entry.contactName && (
                          <Text size="sm" fw={600}>
                            {entry.contactName}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {entry.languages
                        .map((code) => t(`referral.languages.${code}`, { defaultValue: code }))
                        .join(', ')}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm">{availabilityText(entry.availability)}</Text>
                        <Text size="xs">{entry.availability.timeZone}</Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        {entry.channels.map((channel, i) => (
                          <Text size="sm" key={`${channel.kind}-${i}`}>
                            {t(`directory.channelKinds.${channel.kind}`)}:{' '}
                            {channel.kind === 'phone' ? (
                              <Anchor href={`tel:${channel.address}`}>{channel.address}</Anchor>
                            ) : channel.kind === 'secure_email' ? (
                              <Anchor href={`mailto:${channel.address}`}>{channel.address}</Anchor>
                            ) : (
                              channel.address
                            )}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Text size="sm">{format.date(entry.lastConfirmedAt)}</Text>
                        {entry.overdue ? (
                          <Badge variant="outline" color="red.9" tt="none">
                            {t('directory.overdue')}
                          </Badge>
                        ) : (
                          <Text size="xs">
                            {t('directory.dueOn', { date: format.date(entry.confirmationDueAt) })}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {entry.allowed.includes('directory.manage') && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing({ mode: 'edit', entry })}
                            aria-label={t('directory.editEntry', { organisation: entry.organisation })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="light"
                            loading={confirm.isPending && confirm.variables?.id === entry.id}
                            onClick={() => confirm.mutate(entry)}
                            aria-label={t('directory.confirmEntry', { organisation: entry.organisation })}
                          >
                            {t('directory.confirm')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Pager
            offset={offset}
            limit={PAGE_SIZE}
            total={entries.data.total}
            onChange={setOffset}
            label={t('directory.pages')}
          />
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.mode === 'edit'
            ? t('directory.editEntry', { organisation: editing.entry.organisation })
            : t('directory.add')
        }
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <EntryForm
            entry={editing.mode === 'edit' ? editing.entry : null}
            defaultJurisdiction={me.jurisdiction ?? 'AL'}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Page>
  );
}
