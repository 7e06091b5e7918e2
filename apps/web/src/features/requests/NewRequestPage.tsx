import { useState } from 'react';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  HANDLING_CODES,
  JURISDICTIONS,
  LOCALES,
  LOCALE_NATIVE_NAMES,
  REQUEST_CHANNELS,
  REQUEST_URGENCIES,
  SPOC_COPY_EXCEPTIONS,
  type HandlingCode,
  type JurisdictionCode,
  type Locale,
  type RequestChannel,
  type RequestCreate,
  type RequestUrgency,
  type SpocCopyException,
} from '@veza/shared';
import { useMe } from '../auth/session.tsx';
import { PointOfContact } from './PointOfContact.tsx';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { requestsApi } from './requests.api.ts';

interface Values {
  to: { jurisdiction: JurisdictionCode | '' };
  urgency: RequestUrgency;
  urgencyReasons: string;
  sought: string;
  purpose: string;
  facts: string;
  offence: string;
  whyHeld: string;
  personLink: string;
  restrictions: string;
  handlingCode: HandlingCode;
  evaluation: string;
  language: Locale;
  channel: RequestChannel;
  channelReference: string;
  caseId: string;
  spocCopyException: SpocCopyException | '';
  spocCopyReason: string;
}

const FIELDS = [
  'to',
  'urgency',
  'urgencyReasons',
  'sought',
  'purpose',
  'facts',
  'offence',
  'whyHeld',
  'personLink',
  'restrictions',
  'handlingCode',
  'evaluation',
  'language',
  'channel',
  'channelReference',
  'caseId',
  'spocCopyException',
  'spocCopyReason',
];

const EVALUATIONS = ['A', 'B', 'C', 'X'].flatMap((source) => [1, 2, 3, 4].map((info) => `${source}${info}`));

const TEXT_FIELDS = ['sought', 'purpose', 'facts', 'offence', 'whyHeld', 'personLink'] as const;

function toCreate(values: Values, send: boolean): RequestCreate {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    to: { jurisdiction: values.to.jurisdiction as JurisdictionCode },
    urgency: values.urgency,
    ...(optional(values.urgencyReasons) && { urgencyReasons: optional(values.urgencyReasons) }),
    sought: values.sought,
    purpose: values.purpose,
    facts: values.facts,
    offence: values.offence,
    whyHeld: values.whyHeld,
    personLink: values.personLink,
    ...(optional(values.restrictions) && { restrictions: optional(values.restrictions) }),
    handlingCode: values.handlingCode,
    evaluation: values.evaluation,
    language: values.language,
    channel: values.channel,
    ...(optional(values.channelReference) && { channelReference: optional(values.channelReference) }),
    ...(values.caseId && { caseId: values.caseId }),
    ...(values.spocCopyException && { spocCopyException: values.spocCopyException }),
    ...(optional(values.spocCopyReason) && { spocCopyReason: optional(values.spocCopyReason) }),
    send,
  };
}

/** A new information request (Directive 2023/977 art. 4), kept as a draft or sent at once. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const cases = useQuery({ queryKey: ['cases', 'pick'], queryFn: () => requestsApi.cases(), retry: false });
  const form = useForm<Values>({
    initialValues: {
      to: { jurisdiction: '' },
      urgency: 'standard',
      urgencyReasons: '',
      sought: '',
      purpose: '',
      facts: '',
      offence: '',
      whyHeld: '',
      personLink: '',
      restrictions: '',
      handlingCode: 'H0',
      evaluation: 'B2',
      language: me.language,
      channel: 'none',
      channelReference: '',
      caseId: '',
      spocCopyException: '',
      spocCopyReason: '',
    },
  });
  const create = useMutation({
    mutationFn: ({ values, send }: { values: Values; send: boolean }) =>
      requestsApi.create(toCreate(values, send)),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['requests'] });
      notifySuccess(
        created.status === 'drafted'
          ? t('requests.savedNotice', { reference: created.reference })
          : t('requests.sentNotice', { reference: created.reference }),
      );
      void navigate(`/requests/${created.id}`);
    },
    onError: (error) => {
      setUnplaced(applyServerErrors(form, error, t, {}, FIELDS) ? null : error);
    },
  });
  const submit = (send: boolean) =>
    form.onSubmit((values) => {
      setUnplaced(null);
      create.mutate({ values, send });
    });
  const urgent = form.values.urgency !== 'standard';

  return (
    <Page title={t('requests.newTitle')}>
      <Text>{t('requests.newIntro')}</Text>
      <form onSubmit={submit(true)} noValidate>
        <Stack gap="md" maw={900}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('requests.fields.to')} required {...form.getInputProps('to.jurisdiction')}>
              <option value="">{t('common.choose')}</option>
              {JURISDICTIONS.filter((code) => code !== me.jurisdiction).map((code) => (
                <option key={code} value={code}>
                  {t(`jurisdictions.${code}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('requests.fields.urgency')} required {...form.getInputProps('urgency')}>
              {REQUEST_URGENCIES.map((urgency) => (
                <option key={urgency} value={urgency}>
                  {t(`requests.urgencies.${urgency}`)}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
          {form.values.to.jurisdiction && <PointOfContact jurisdiction={form.values.to.jurisdiction} />}
          {urgent && (
            <Textarea
              label={t('requests.fields.urgencyReasons')}
              description={t('requests.fields.urgencyReasonsHint')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('urgencyReasons')}
            />
          )}
          {TEXT_FIELDS.map((field) =>
            field === 'offence' ? (
              <TextInput
                key={field}
                label={t('requests.fields.offence')}
                required
                {...form.getInputProps('offence')}
              />
            ) : (
              <Textarea
                key={field}
                label={t(`requests.fields.${field}`)}
                required
                autosize
                minRows={2}
                {...form.getInputProps(field)}
              />
            ),
          )}
          <NativeSelect
            label={t('requests.fields.spocCopyException')}
            description={t('requests.fields.spocCopyHint')}
            {...form.getInputProps('spocCopyException')}
          >
            <option value="">{t('requests.spocCopy.sent')}</option>
            {SPOC_COPY_EXCEPTIONS.map((exception) => (
              <option key={exception} value={exception}>
                {t(`requests.spocCopy.${exception}`)}
              </option>
            ))}
          </NativeSelect>
          {form.values.spocCopyException && (
            <Textarea
              label={t('requests.fields.spocCopyReason')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('spocCopyReason')}
            />
          )}
          <Textarea
            label={t('requests.fields.restrictions')}
            autosize
            minRows={2}
            {...form.getInputProps('restrictions')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('requests.fields.handlingCode')} {...form.getInputProps('handlingCode')}>
              {HANDLING_CODES.map((code) => (
                <option key={code} value={code}>
                  {t(`requests.handlingCodes.${code}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('requests.fields.evaluation')} {...form.getInputProps('evaluation')}>
              {EVALUATIONS.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('requests.fields.language')} {...form.getInputProps('language')}>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {LOCALE_NATIVE_NAMES[locale]}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('requests.fields.channel')} {...form.getInputProps('channel')}>
              {REQUEST_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`requests.channels.${channel}`)}
                </option>
              ))}
            </NativeSelect>
            {form.values.channel !== 'none' && (
              <TextInput
                label={t('requests.fields.channelReference')}
                required
                {...form.getInputProps('channelReference')}
              />
            )}
          </SimpleGrid>
          <NativeSelect
            label={t('requests.fields.case')}
            description={t('requests.fields.caseHint')}
            {...form.getInputProps('caseId')}
          >
            <option value="">{t('requests.noCase')}</option>
            {(cases.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.reference} · {c.title}
              </option>
            ))}
          </NativeSelect>
          <ErrorAlert error={unplaced} />
          <Group>
            <Button type="submit" loading={create.isPending && create.variables?.send === true}>
              {t('requests.send')}
            </Button>
            <Button
              variant="default"
              onClick={() => submit(false)()}
              loading={create.isPending && create.variables?.send === false}
            >
              {t('requests.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
