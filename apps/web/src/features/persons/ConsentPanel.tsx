import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  CONSENT_SCOPES,
  JURISDICTIONS,
  type Consent,
  type ConsentCreate,
  type ConsentGiver,
  type ConsentPurpose,
  type ConsentScope,
  type Person,
} from '@veza/shared';
import { api } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { WRAPPING_BADGE } from '../screenings/ScreeningsPage.tsx';
import { personsApi } from './persons.api.ts';

interface ProviderOption {
  id: string;
  name: string;
  city: string;
}

/** The referral directory, when the user may read it; consent to a provider names one of these. */
function useProviders(jurisdiction: string) {
  return useQuery({
    queryKey: ['providers', jurisdiction],
    queryFn: () => api<ProviderOption[]>('/api/providers', { query: { jurisdiction } }),
    retry: false,
  });
}

function useRecipientLabel(providers: readonly ProviderOption[]) {
  const { t } = useTranslation();
  return (recipient: string) => {
    if (recipient === 'any') return t('persons.consent.anyRecipient');
    if (recipient.startsWith('jurisdiction:'))
      return t('persons.consent.jurisdictionRecipient', {
        jurisdiction: t(`jurisdictions.${recipient.slice('jurisdiction:'.length)}`),
      });
    const provider = providers.find((p) => `provider:${p.id}` === recipient);
    return provider ? `${provider.name} (${provider.city})` : t('persons.consent.providerRecipient');
  };
}

/**
 * Consent per purpose and per recipient, versioned: granting, narrowing and revoking each add a
 * version, and the whole history stays visible.
 */
export function ConsentPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consents = useQuery({
    queryKey: ['person', person.id, 'consents'],
    queryFn: () => personsApi.consents(person.id),
  });
  const providers = useProviders(person.jurisdiction);
  const recipientLabel = useRecipientLabel(providers.data ?? []);
  const canRecord = person.allowed.includes('victim.consent.record');
  const current = new Map<string, Consent>();
  for (const c of consents.data ?? []) {
    const key = `${c.purpose}|${c.recipient}`;
    if (!current.has(key)) current.set(key, c);
  }

  return (
    <Stack component="section" aria-labelledby="person-consent" gap="sm">
      <Title order={2} id="person-consent">
        {t('persons.consent.title')}
      </Title>
      <Text>{t('persons.consent.intro')}</Text>
      {consents.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : consents.isError ? (
        <ErrorAlert error={consents.error} />
      ) : consents.data.length === 0 ? (
        <Text>{t('persons.consent.none')}</Text>
      ) : (
        <ScrollTable minWidth={900} label={t('persons.consent.table')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('persons.consent.table')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('persons.consent.purpose')}</Table.Th>
                <Table.Th scope="col">{t('persons.consent.recipient')}</Table.Th>
                <Table.Th scope="col">{t('persons.consent.version')}</Table.Th>
                <Table.Th scope="col">{t('persons.consent.status')}</Table.Th>
                <Table.Th scope="col">{t('persons.consent.scope')}</Table.Th>
                <Table.Th scope="col">{t('persons.consent.givenBy')}</Table.Th>
                <Table.Th scope="col">{t('persons.consent.recorded')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.map((c) => {
                const inForce = current.get(`${c.purpose}|${c.recipient}`)?.id === c.id;
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>{t(`persons.consent.purposes.${c.purpose}`)}</Table.Td>
                    <Table.Td>{recipientLabel(c.recipient)}</Table.Td>
                    <Table.Td>
                      {c.version}
                      {inForce && (
                        <Badge ml={6} variant="outline" color="gray.8" tt="none" styles={WRAPPING_BADGE}>
                          {t('persons.consent.inForce')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant={c.status === 'granted' ? 'filled' : 'outline'}
                        color={c.status === 'granted' ? 'teal.9' : 'red.9'}
                        tt="none"
                      >
                        {t(`persons.consent.statuses.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {c.scope.map((s) => t(`persons.consent.scopes.${s}`)).join(', ') || '—'}
                    </Table.Td>
                    <Table.Td>{t(`persons.consent.givers.${c.givenBy}`)}</Table.Td>
                    <Table.Td>
                      {format.dateTime(c.recordedAt)} · {c.recordedBy.displayName}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {canRecord && <ConsentForm person={person} providers={providers.data ?? []} />}
    </Stack>
  );
}

function ConsentForm({ person, providers }: { person: Person; providers: readonly ProviderOption[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState<ConsentPurpose>('referral');
  const [recipientKind, setRecipientKind] = useState<'any' | 'provider' | 'jurisdiction'>('any');
  const [providerId, setProviderId] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const [status, setStatus] = useState<'granted' | 'revoked'>('granted');
  const [scope, setScope] = useState<ConsentScope[]>(['screening']);
  const defaultGiver: ConsentGiver = person.ageGroup === 'child' ? 'guardian' : 'person';
  const [givenBy, setGivenBy] = useState<ConsentGiver>(defaultGiver);
  const [problem, setProblem] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (input: ConsentCreate) => personsApi.recordConsent(person.id, input),
    onSuccess: async (consent) => {
      await queryClient.invalidateQueries({ queryKey: ['person', person.id, 'consents'] });
      notifySuccess(t('persons.consent.recordedVersion', { version: consent.version }));
    },
  });
  const others = JURISDICTIONS.filter((j) => j !== person.jurisdiction);

  function submit() {
    setProblem(null);
    const recipient =
      recipientKind === 'any'
        ? 'any'
        : recipientKind === 'provider'
          ? providerId && `provider:${providerId}`
          : jurisdiction && `jurisdiction:${jurisdiction}`;
    if (!recipient) {
      setProblem(t('validation.choose_value'));
      return;
    }
    if (status === 'granted' && scope.length === 0) {
      setProblem(t('validation.choose_at_least_one'));
      return;
    }
    record.mutate({ purpose, recipient, status, scope: status === 'granted' ? scope : [], givenBy });
  }

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="form"
      noValidate
      onSubmit={(e) => (e.preventDefault(), submit())}
    >
      <Stack gap="sm">
        <Title order={3}>{t('persons.consent.formTitle')}</Title>
        <ErrorAlert error={record.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('persons.consent.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value as ConsentPurpose)}
          >
            {CONSENT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`persons.consent.purposes.${p}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('persons.consent.recipientKind')}
            value={recipientKind}
            onChange={(e) => setRecipientKind(e.currentTarget.value as typeof recipientKind)}
          >
            <option value="any">{t('persons.consent.anyRecipient')}</option>
            <option value="provider">{t('persons.consent.providerRecipient')}</option>
            <option value="jurisdiction">{t('persons.consent.otherJurisdiction')}</option>
          </NativeSelect>
          {recipientKind === 'provider' && (
            <NativeSelect
              label={t('persons.consent.provider')}
              value={providerId}
              error={problem && !providerId ? problem : undefined}
              onChange={(e) => setProviderId(e.currentTarget.value)}
            >
              <option value="">{t('common.choose')}</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.city})
                </option>
              ))}
            </NativeSelect>
          )}
          {recipientKind === 'jurisdiction' && (
            <NativeSelect
              label={t('persons.consent.jurisdiction')}
              value={jurisdiction}
              error={problem && !jurisdiction ? problem : undefined}
              onChange={(e) => setJurisdiction(e.currentTarget.value)}
            >
              <option value="">{t('common.choose')}</option>
              {others.map((j) => (
                <option key={j} value={j}>
                  {t(`jurisdictions.${j}`)}
                </option>
              ))}
            </NativeSelect>
          )}
        </SimpleGrid>
        <Radio.Group
          label={t('persons.consent.status')}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
        >
          <Group mt="xs">
            <Radio value="granted" label={t('persons.consent.statuses.granted')} />
            <Radio value="revoked" label={t('persons.consent.statuses.revoked')} />
          </Group>
        </Radio.Group>
        {status === 'granted' && (
          <Checkbox.Group
            label={t('persons.consent.scope')}
            value={scope}
            onChange={(v) => setScope(v as ConsentScope[])}
            error={problem && scope.length === 0 ? problem : undefined}
          >
            <Group mt="xs">
              {CONSENT_SCOPES.map((s) => (
                <Checkbox key={s} value={s} label={t(`persons.consent.scopes.${s}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <Radio.Group
          label={t('persons.consent.givenBy')}
          value={givenBy}
          onChange={(v) => setGivenBy(v as ConsentGiver)}
        >
          <Group mt="xs">
            {CONSENT_GIVERS.map((g) => (
              <Radio key={g} value={g} label={t(`persons.consent.givers.${g}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('persons.consent.record')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
