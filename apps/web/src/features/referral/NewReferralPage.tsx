import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  JURISDICTIONS,
  MIN_REFLECTION_DAYS,
  PROVIDER_SERVICES,
  TRM_PROCEDURES,
  type JurisdictionCode,
  type ProviderService,
  type ReferralCreate,
  type ReferralKind,
  type TrmProcedure,
} from '@veza/shared';
import { useMe } from '../auth/session.tsx';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { referralApi } from './referral.api.ts';

interface Values {
  kind: ReferralKind;
  service: ProviderService;
  providerId: string;
  toJurisdiction: JurisdictionCode | '';
  procedure: TrmProcedure;
  urgent: boolean;
  reflectionDays: number | string;
  message: string;
}

const FIELDS = ['kind', 'service', 'providerId', 'toJurisdiction', 'procedure', 'reflectionDays', 'message'];

function toCreate(personId: string, values: Values, send: boolean): ReferralCreate {
  return {
    personId,
    kind: values.kind,
    service: values.service,
    ...(values.kind === 'national'
      ? { providerId: values.providerId }
      : { toJurisdiction: values.toJurisdiction as JurisdictionCode, procedure: values.procedure }),
    urgent: values.urgent,
    reflectionDays: Number(values.reflectionDays) || MIN_REFLECTION_DAYS,
    ...(values.message.trim() ? { message: values.message.trim() } : {}),
    send,
  };
}

/**
 * A referral of one person, reached from the person's page (`/referrals/new?person=<id>`). It shows
 * what the person's consent lets go to the chosen recipient before anything is sent.
 */
export function NewReferralPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const personId = params.get('person') ?? '';
  return (
    <Page title={t('referral.newTitle')}>
      {personId ? <ReferralForm key={personId} personId={personId} /> : <PersonPicker />}
    </Page>
  );
}

/** Without a person in the address: the persons the user may refer, newest first. */
function PersonPicker() {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const persons = useQuery({
    queryKey: ['persons', 'pick'],
    queryFn: () => referralApi.persons(),
    retry: false,
  });
  const choices = persons.data?.items ?? [];
  if (choices.length === 0) return <Text>{t('referral.choosePersonFirst')}</Text>;
  return (
    <NativeSelect
      maw={480}
      label={t('referral.person')}
      value=""
      onChange={(e) => setParams({ person: e.currentTarget.value })}
    >
      <option value="">{t('common.choose')}</option>
      {choices.map((p) => (
        <option key={p.id} value={p.id}>
          {p.reference} · {t(`referral.ageGroups.${p.ageGroup}`)}
        </option>
      ))}
    </NativeSelect>
  );
}

function ReferralForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => referralApi.person(personId),
    retry: false,
  });
  const home = person.data?.jurisdiction ?? me.jurisdiction ?? 'RS';
  const form = useForm<Values>({
    initialValues: {
      kind: 'national',
      service: 'shelter',
      providerId: '',
      toJurisdiction: '',
      procedure: 'first_assistance',
      urgent: false,
      reflectionDays: MIN_REFLECTION_DAYS,
      message: '',
    },
    validate: {
      providerId: (value, values) => (values.kind === 'national' && !value ? t('validation.required') : null),
      toJurisdiction: (value, values) =>
        values.kind === 'transnational' && !value ? t('validation.required') : null,
      reflectionDays: (value) =>
        Number(value) < MIN_REFLECTION_DAYS
          ? t('referral.reflectionMinimum', { days: MIN_REFLECTION_DAYS })
          : null,
    },
  });
  const { kind, service, providerId, toJurisdiction } = form.values;
  const child = person.data ? person.data.ageGroup !== 'adult' : false;
  const providerFilter = { jurisdiction: home, service, ...(child ? { children: 'true' as const } : {}) };
  const providers = useQuery({
    queryKey: ['providers', providerFilter],
    queryFn: () => referralApi.providers(providerFilter),
    enabled: kind === 'national',
  });
  const target =
    kind === 'national' ? (providerId ? { providerId } : null) : toJurisdiction ? { toJurisdiction } : null;
  const consent = useQuery({
    queryKey: ['referral-consent', personId, kind, target],
    queryFn: () => referralApi.consent({ personId, kind, ...target }),
    enabled: target !== null,
  });
  const create = useMutation({
    mutationFn: ({ values, send }: { values: Values; send: boolean }) =>
      referralApi.create(toCreate(personId, values, send)),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['referrals'] });
      notifySuccess(
        created.status === 'sent'
          ? t('referral.sentNotice', { reference: created.reference })
          : t('referral.proposedNotice', { reference: created.reference }),
      );
      void navigate(`/referrals/${created.id}`);
    },
    onError: (error) => {
      if (!applyServerErrors(form, error, t, {}, FIELDS)) setUnplaced(error);
    },
  });
  const submit = (send: boolean) =>
    form.onSubmit((values) => {
      setUnplaced(null);
      create.mutate({ values, send });
    });

  return (
    <form onSubmit={submit(true)} noValidate>
      <Stack maw={760}>
        {person.data && (
          <Text>
            {t('referral.personLine', {
              reference: person.data.reference,
              ageGroup: t(`referral.ageGroups.${person.data.ageGroup}`),
            })}
          </Text>
        )}
        {child && (
          <Alert color="blue.9" variant="outline" title={t('referral.childTitle')}>
            {t('referral.childHint')}
          </Alert>
        )}
        <ErrorAlert error={unplaced} />
        <Radio.Group label={t('referral.kind')} required {...form.getInputProps('kind')}>
          <Group mt="xs">
            <Radio value="national" label={t('referral.kinds.national')} />
            <Radio value="transnational" label={t('referral.kinds.transnational')} />
          </Group>
        </Radio.Group>
        <NativeSelect label={t('referral.service')} required {...form.getInputProps('service')}>
          {PROVIDER_SERVICES.map((s) => (
            <option key={s} value={s}>
              {t(`referral.services.${s}`)}
            </option>
          ))}
        </NativeSelect>
        {kind === 'national' ? (
          <NativeSelect
            label={t('referral.provider')}
            description={t('referral.providerHint')}
            required
            {...form.getInputProps('providerId')}
          >
            <option value="">{t('common.choose')}</option>
            {(providers.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}, {p.city}
                {p.open24h ? ` · ${t('referral.open24hBadge')}` : ''}
                {p.capacity !== null
                  ? ` · ${t('referral.placesFree', { available: p.available ?? 0, capacity: p.capacity })}`
                  : ''}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('referral.toJurisdiction')}
              required
              {...form.getInputProps('toJurisdiction')}
            >
              <option value="">{t('common.choose')}</option>
              {JURISDICTIONS.filter((code) => code !== home).map((code) => (
                <option key={code} value={code}>
                  {t(`jurisdictions.${code}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('referral.procedure')} required {...form.getInputProps('procedure')}>
              {TRM_PROCEDURES.map((p) => (
                <option key={p} value={p}>
                  {t(`referral.procedures.${p}`)}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
        )}
        <ConsentBox loading={consent.isFetching} scope={target ? (consent.data?.scope ?? null) : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('referral.reflectionDays')}
            description={t('referral.reflectionHint', { days: MIN_REFLECTION_DAYS })}
            min={MIN_REFLECTION_DAYS}
            max={365}
            allowDecimal={false}
            {...form.getInputProps('reflectionDays')}
          />
          <Checkbox
            mt="xl"
            label={t('referral.urgentLabel')}
            {...form.getInputProps('urgent', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Textarea
          label={t('referral.message')}
          description={t('referral.messageHint')}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('message')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => submit(false)()} loading={create.isPending}>
            {t('referral.saveProposal')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={consent.data?.scope === null}>
            {t('referral.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What consent lets go to the chosen recipient; undefined until a recipient is chosen. */
function ConsentBox({ loading, scope }: { loading: boolean; scope: string[] | null | undefined }) {
  const { t } = useTranslation();
  if (scope === undefined || loading) {
    return (
      <Alert color="gray.8" variant="outline" title={t('referral.consentTitle')}>
        {t('referral.consentChooseRecipient')}
      </Alert>
    );
  }
  if (scope === null) {
    return (
      <Alert
        color="red.9"
        variant="outline"
        icon={<IconShieldX aria-hidden="true" />}
        title={t('referral.consentTitle')}
      >
        {t('referral.consentNone')}
      </Alert>
    );
  }
  return (
    <Alert
      color="teal.9"
      variant="outline"
      icon={<IconShieldCheck aria-hidden="true" />}
      title={t('referral.consentTitle')}
    >
      <Text size="sm">{scope.length === 0 ? t('referral.consentNothing') : t('referral.consentAllows')}</Text>
      {scope.length > 0 && (
        <List size="sm" mt={4}>
          {scope.map((part) => (
            <List.Item key={part}>{t(`referral.scope.${part}`, { defaultValue: part })}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
