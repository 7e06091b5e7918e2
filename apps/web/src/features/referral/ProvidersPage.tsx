import { useState } from 'react';
import {
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  JURISDICTIONS,
  PROVIDER_SERVICES,
  type JurisdictionCode,
  type Provider,
  type ProviderService,
} from '@veza/shared';
import { useMe } from '../auth/session.tsx';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { referralApi } from './referral.api.ts';

/** Languages a provider may list; each has a name under `referral.languages` in every catalogue. */
export const PROVIDER_LANGUAGES = [
  'sq',
  'mk',
  'sr',
  'bs',
  'hr',
  'cnr',
  'en',
  'rom',
  'tr',
  'ro',
  'hu',
  'it',
  'de',
  'el',
  'fr',
  'ar',
  'fa',
  'ur',
  'ru',
];

/** A language's name in the UI language, from the catalogue (browsers' Intl lacks some of the region's languages). */
export function useLanguageName(): (code: string) => string {
  const { t } = useTranslation();
  return (code: string) => t(`referral.languages.${code}`, { defaultValue: code });
}

interface Filters {
  jurisdiction: JurisdictionCode | '';
  service: ProviderService | '';
  language: string;
  open24h: boolean;
  children: boolean;
}

/** The directory of service providers per jurisdiction, with the filters a referral needs. */
export function ProvidersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const languageName = useLanguageName();
  const [filters, setFilters] = useState<Filters>({
    jurisdiction: me.jurisdiction ?? '',
    service: '',
    language: '',
    open24h: false,
    children: false,
  });
  const [editing, setEditing] = useState<Provider | null>(null);
  const query = {
    ...(filters.jurisdiction ? { jurisdiction: filters.jurisdiction } : {}),
    ...(filters.service ? { service: filters.service } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.open24h ? { open24h: 'true' as const } : {}),
    ...(filters.children ? { children: 'true' as const } : {}),
    includeInactive: 'true' as const,
  };
  const providers = useQuery({ queryKey: ['providers', query], queryFn: () => referralApi.providers(query) });

  return (
    <Page title={t('referral.providersTitle')}>
      <Text>{t('referral.providersIntro')}</Text>
      <Stack gap="sm" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('referral.jurisdiction')}
            value={filters.jurisdiction}
            onChange={(e) =>
              setFilters({ ...filters, jurisdiction: e.currentTarget.value as JurisdictionCode | '' })
            }
          >
            <option value="">{t('common.all')}</option>
            {JURISDICTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`jurisdictions.${code}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('referral.service')}
            value={filters.service}
            onChange={(e) =>
              setFilters({ ...filters, service: e.currentTarget.value as ProviderService | '' })
            }
          >
            <option value="">{t('common.all')}</option>
            {PROVIDER_SERVICES.map((service) => (
              <option key={service} value={service}>
                {t(`referral.services.${service}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('referral.language')}
            value={filters.language}
            onChange={(e) => setFilters({ ...filters, language: e.currentTarget.value })}
          >
            <option value="">{t('common.all')}</option>
            {PROVIDER_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <Group>
          <Checkbox
            label={t('referral.open24h')}
            checked={filters.open24h}
            onChange={(e) => setFilters({ ...filters, open24h: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('referral.acceptsChildren')}
            checked={filters.children}
            onChange={(e) => setFilters({ ...filters, children: e.currentTarget.checked })}
          />
        </Group>
      </Stack>
      {providers.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : providers.isError ? (
        <ErrorAlert error={providers.error} />
      ) : providers.data.length === 0 ? (
        <Text>{t('referral.noProviders')}</Text>
      ) : (
        <ScrollTable minWidth={960} label={t('referral.providersTable')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('referral.providersTable')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referral.providerName')}</Table.Th>
                <Table.Th scope="col">{t('referral.city')}</Table.Th>
                <Table.Th scope="col">{t('referral.servicesLabel')}</Table.Th>
                <Table.Th scope="col">{t('referral.places')}</Table.Th>
                <Table.Th scope="col">{t('referral.languagesLabel')}</Table.Th>
                <Table.Th scope="col">{t('referral.openingHours')}</Table.Th>
                <Table.Th scope="col">{t('referral.contact')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {providers.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text fw={600} size="sm">
                        {p.name}
                      </Text>
                      <Group gap={4}>
                        {p.open24h && (
                          <Badge variant="outline" color="grape.9" tt="none">
                            {t('referral.open24hBadge')}
                          </Badge>
                        )}
                        {p.acceptsChildren && (
                          <Badge variant="outline" color="blue.9" tt="none">
                            {t('referral.childrenBadge')}
                          </Badge>
                        )}
                        {!p.active && (
                          <Badge variant="outline" color="gray.8" tt="none">
                            {t('referral.inactive')}
                          </Badge>
                        )}
                      </Group>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {p.city} ({p.jurisdiction})
                  </Table.Td>
                  <Table.Td>{p.services.map((s) => t(`referral.services.${s}`)).join(', ')}</Table.Td>
                  <Table.Td>
                    {p.capacity === null
                      ? t('referral.noCapacity')
                      : t('referral.placesFree', { available: p.available ?? 0, capacity: p.capacity })}
                  </Table.Td>
                  <Table.Td>{p.languages.map(languageName).join(', ')}</Table.Td>
                  <Table.Td>{p.openingHours}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {p.phone && <Text size="sm">{p.phone}</Text>}
                      {p.email && <Text size="sm">{p.email}</Text>}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {p.allowed.includes('provider.manage') && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(p)}
                        aria-label={t('referral.editProvider', { name: p.name })}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('referral.editProvider', { name: editing.name }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && <ProviderForm provider={editing} onClose={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}

interface ProviderValues {
  capacity: number | string;
  available: number | string;
  openingHours: string;
  open24h: boolean;
  acceptsChildren: boolean;
  active: boolean;
  phone: string;
}

const asCount = (value: number | string): number | null =>
  value === '' || value === null ? null : Number(value);

/** What a coordinator keeps current: places, hours, the 24/7 flag, whether the provider still works. */
function ProviderForm({ provider, onClose }: { provider: Provider; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<ProviderValues>({
    initialValues: {
      capacity: provider.capacity ?? '',
      available: provider.available ?? '',
      openingHours: provider.openingHours,
      open24h: provider.open24h,
      acceptsChildren: provider.acceptsChildren,
      active: provider.active,
      phone: provider.phone ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (values: ProviderValues) =>
      referralApi.updateProvider(provider.id, {
        capacity: asCount(values.capacity),
        available: asCount(values.available),
        openingHours: values.openingHours,
        open24h: values.open24h,
        acceptsChildren: values.acceptsChildren,
        active: values.active,
        phone: values.phone.trim() || null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['providers'] });
      notifySuccess(t('referral.providerSaved'));
      onClose();
    },
    onError: (error) => {
      if (!applyServerErrors(form, error, t)) setUnplaced(error);
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('referral.capacity')}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('capacity')}
          />
          <NumberInput
            label={t('referral.available')}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('available')}
          />
        </SimpleGrid>
        <TextInput
          label={t('referral.openingHours')}
          required
          maxLength={200}
          {...form.getInputProps('openingHours')}
        />
        <TextInput label={t('referral.phone')} maxLength={40} {...form.getInputProps('phone')} />
        <Switch label={t('referral.open24h')} {...form.getInputProps('open24h', { type: 'checkbox' })} />
        <Switch
          label={t('referral.acceptsChildren')}
          {...form.getInputProps('acceptsChildren', { type: 'checkbox' })}
        />
        <Switch label={t('referral.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
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
