import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CHANNEL_KINDS,
  DIRECTORY_FUNCTIONS,
  JURISDICTION_TIME_ZONES,
  JURISDICTIONS,
  type Availability,
  type Channel,
  type ChannelKind,
  type DirectoryEntry,
  type DirectoryEntryUpdate,
  type DirectoryFunction,
  type JurisdictionCode,
} from '@veza/shared';
import { applyServerErrors, ErrorAlert } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { directoryApi } from './directory.api.ts';
import { DIRECTORY_LANGUAGES } from './DirectoryPage.tsx';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

interface EntryValues {
  jurisdiction: JurisdictionCode;
  function: DirectoryFunction;
  organisation: string;
  contactName: string;
  languages: string[];
  availability: {
    kind: 'always' | 'office';
    days: string[];
    opens: string;
    closes: string;
    timeZone: string;
  };
  channels: { kind: ChannelKind; address: string }[];
  /** '' when the contact point is no Veza unit. */
  unitId: string;
}

function initialValues(entry: DirectoryEntry | null, jurisdiction: JurisdictionCode): EntryValues {
  if (!entry)
    return {
      jurisdiction,
      function: 'spoc',
      organisation: '',
      contactName: '',
      languages: [],
      availability: {
        kind: 'office',
        days: ['1', '2', '3', '4', '5'],
        opens: '08:00',
        closes: '16:00',
        timeZone: JURISDICTION_TIME_ZONES[jurisdiction],
      },
      channels: [{ kind: 'phone', address: '' }],
      unitId: '',
    };
  const a = entry.availability;
  return {
    jurisdiction: entry.jurisdiction,
    function: entry.function,
    organisation: entry.organisation,
    contactName: entry.contactName ?? '',
    languages: entry.languages.filter((code) => code !== 'en'),
    availability: {
      kind: a.kind,
      days: a.kind === 'office' ? a.days.map(String) : ['1', '2', '3', '4', '5'],
      opens: a.kind === 'office' ? a.opens : '08:00',
      closes: a.kind === 'office' ? a.closes : '16:00',
      timeZone: a.timeZone,
    },
    channels: entry.channels.map((c) => ({ kind: c.kind, address: c.address })),
    unitId: entry.unitId ?? '',
  };
}

function toBody(values: EntryValues): DirectoryEntryUpdate {
  const a = values.availability;
  const availability: Availability =
    a.kind === 'always'
      ? { kind: 'always', timeZone: a.timeZone.trim() }
      : {
          kind: 'office',
          days: a.days.map(Number).sort((x, y) => x - y),
          opens: a.opens,
          closes: a.closes,
          timeZone: a.timeZone.trim(),
        };
  return {
    function: values.function,
    organisation: values.organisation,
    contactName: values.contactName.trim() || null,
    languages: values.languages,
    availability,
    channels: values.channels.map((c) => ({ kind: c.kind, address: c.address }) as Channel),
    unitId: values.unitId || null,
  };
}

/** Adding or changing a contact point; the server checks telephone numbers and time zones. */
export function EntryForm({
  entry,
  defaultJurisdiction,
  onClose,
}: {
  entry: DirectoryEntry | null;
  defaultJurisdiction: JurisdictionCode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<EntryValues>({ initialValues: initialValues(entry, defaultJurisdiction) });
  const save = useMutation({
    mutationFn: (values: EntryValues) =>
      entry
        ? directoryApi.update(entry.id, toBody(values))
        : directoryApi.create({ jurisdiction: values.jurisdiction, ...toBody(values) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      notifySuccess(t('directory.saved'));
      onClose();
    },
    onError: (error) => {
      setUnplaced(applyServerErrors(form, error, t) ? null : error);
    },
  });
  const office = form.values.availability.kind === 'office';
  const units = useQuery({
    queryKey: ['units', form.values.jurisdiction],
    queryFn: () => directoryApi.units(form.values.jurisdiction),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('directory.jurisdiction')}
            disabled={entry !== null}
            {...form.getInputProps('jurisdiction')}
            onChange={(e) => {
              const code = e.currentTarget.value as JurisdictionCode;
              form.setFieldValue('jurisdiction', code);
              form.setFieldValue('availability.timeZone', JURISDICTION_TIME_ZONES[code]);
              form.setFieldValue('unitId', '');
            }}
          >
            {JURISDICTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`jurisdictions.${code}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('directory.function')} {...form.getInputProps('function')}>
            {DIRECTORY_FUNCTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`directory.functions.${code}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <TextInput
          label={t('directory.organisation')}
          required
          maxLength={200}
          {...form.getInputProps('organisation')}
        />
        <TextInput
          label={t('directory.contactName')}
          description={t('directory.contactNameHint')}
          maxLength={120}
          {...form.getInputProps('contactName')}
        />
        <NativeSelect
          label={t('directory.unit')}
          description={t('directory.unitHint')}
          {...form.getInputProps('unitId')}
        >
          <option value="">{t('directory.noUnit')}</option>
          {(units.data ?? []).map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.agencyName} – {unit.name}
            </option>
          ))}
        </NativeSelect>
        <MultiSelect
          label={t('directory.languages')}
          description={t('directory.englishAlways')}
          data={DIRECTORY_LANGUAGES.filter((code) => code !== 'en').map((code) => ({
            value: code,
            label: t(`referral.languages.${code}`, { defaultValue: code }),
          }))}
          searchable
          {...form.getInputProps('languages')}
        />
        <Fieldset legend={t('directory.availability')}>
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t('directory.availability')}
              data={[
                { value: 'always', label: t('directory.always') },
                { value: 'office', label: t('directory.officeHours') },
              ]}
              {...form.getInputProps('availability.kind')}
            />
            {office && (
              <>
                <Checkbox.Group label={t('directory.days')} {...form.getInputProps('availability.days')}>
                  <Group gap="sm" mt={4}>
                    {WEEKDAYS.map((day) => (
                      <Checkbox key={day} value={day} label={t(`directory.weekdays.${day}`)} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    type="time"
                    label={t('directory.opens')}
                    {...form.getInputProps('availability.opens')}
                  />
                  <TextInput
                    type="time"
                    label={t('directory.closes')}
                    {...form.getInputProps('availability.closes')}
                  />
                </SimpleGrid>
              </>
            )}
            <TextInput
              label={t('directory.timeZone')}
              description={t('directory.timeZoneHint')}
              maxLength={64}
              {...form.getInputProps('availability.timeZone')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('directory.channels')}>
          <Stack gap="sm">
            {form.values.channels.map((channel, i) => (
              <Group key={i} align="flex-start" wrap="nowrap">
                <NativeSelect
                  label={t('directory.channelKind')}
                  {...form.getInputProps(`channels.${i}.kind`)}
                >
                  {CHANNEL_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`directory.channelKinds.${kind}`)}
                    </option>
                  ))}
                </NativeSelect>
                <TextInput
                  style={{ flex: 1 }}
                  label={t('directory.address', { kind: t(`directory.channelKinds.${channel.kind}`) })}
                  maxLength={254}
                  {...form.getInputProps(`channels.${i}.address`)}
                />
                <ActionIcon
                  mt={26}
                  variant="subtle"
                  color="red.9"
                  disabled={form.values.channels.length === 1}
                  onClick={() => form.removeListItem('channels', i)}
                  aria-label={t('directory.removeChannel')}
                >
                  <IconTrash size={18} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => form.insertListItem('channels', { kind: 'secure_email', address: '' })}
              >
                {t('directory.addChannel')}
              </Button>
            </Group>
            <Text size="xs">{t('directory.phoneHint')}</Text>
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
