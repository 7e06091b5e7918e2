import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  LOCALE_NATIVE_NAMES,
  OPEN_REQUEST_STATUSES,
  REFUSAL_GROUNDS,
  type InformationRequest,
  type Locale,
  type RefusalGround,
} from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { requestsApi } from './requests.api.ts';
import { Countdown, RequestStatusBadge, useNow } from './RequestBits.tsx';

type Step = 'delay' | 'answer' | 'refuse' | 'withdraw';

/** One side's record of a request: its content, clock, the steps the server allows, the timeline. */
export function RequestPage() {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const request = useQuery({
    queryKey: ['request', requestId],
    queryFn: () => requestsApi.request(requestId),
  });
  if (request.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (request.isError)
    return (
      <Page title={t('requests.notFoundTitle')}>
        {isApiError(request.error, 'not_found') ? (
          <Text>{t('requests.notFound')}</Text>
        ) : (
          <ErrorAlert error={request.error} />
        )}
        <Anchor component={Link} to="/requests">
          {t('requests.backToList')}
        </Anchor>
      </Page>
    );
  return <RequestView key={request.data.updatedAt} request={request.data} />;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

function RequestView({ request: r }: { request: InformationRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const done = async (updated: InformationRequest, notice: string) => {
    queryClient.setQueryData(['request', r.id], updated);
    await queryClient.invalidateQueries({ queryKey: ['requests'] });
    notifySuccess(notice);
    setStep(null);
  };
  const send = useMutation({
    mutationFn: () => requestsApi.send(r.id),
    onSuccess: (updated) => done(updated, t('requests.sentNotice', { reference: updated.reference })),
  });
  const start = useMutation({
    mutationFn: () => requestsApi.start(r.id),
    onSuccess: (updated) => done(updated, t('requests.startedNotice')),
  });
  const allowed = (action: InformationRequest['allowed'][number]) => r.allowed.includes(action);
  // The clock and a delay notice concern open requests; once closed the timeline keeps them.
  const open = OPEN_REQUEST_STATUSES.includes(r.status);
  const party = (p: InformationRequest['from']) =>
    p.unitName
      ? `${t(`jurisdictions.${p.jurisdiction}`)} · ${p.unitName}`
      : t(`jurisdictions.${p.jurisdiction}`);

  return (
    <Page
      title={t('requests.requestTitle', { reference: r.reference })}
      actions={
        <Group gap="xs">
          {allowed('request.send') && (
            <Button onClick={() => send.mutate()} loading={send.isPending}>
              {t('requests.send')}
            </Button>
          )}
          {allowed('request.start') && (
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t('requests.start')}
            </Button>
          )}
          {allowed('request.answer') && (
            <Button onClick={() => setStep('answer')}>{t('requests.answer')}</Button>
          )}
          {allowed('request.delay') && (
            <Button variant="default" onClick={() => setStep('delay')}>
              {r.delay ? t('requests.updateDelay') : t('requests.delay')}
            </Button>
          )}
          {allowed('request.refuse') && (
            <Button variant="default" color="red" onClick={() => setStep('refuse')}>
              {t('requests.refuse')}
            </Button>
          )}
          {allowed('request.withdraw') && (
            <Button variant="default" onClick={() => setStep('withdraw')}>
              {t('requests.withdraw')}
            </Button>
          )}
        </Group>
      }
    >
      <ErrorAlert error={send.error ?? start.error} />
      <Group gap="sm">
        <RequestStatusBadge status={r.status} />
        <Text>{t(`requests.sides.${r.side}`)}</Text>
        {open && <Countdown request={r} now={now} />}
      </Group>
      {step === 'delay' && (
        <DelayForm
          request={r}
          onDone={(u) => done(u, t('requests.delayNotice'))}
          onCancel={() => setStep(null)}
        />
      )}
      {step === 'answer' && (
        <AnswerForm
          request={r}
          onDone={(u) => done(u, t('requests.answeredNotice'))}
          onCancel={() => setStep(null)}
        />
      )}
      {step === 'refuse' && (
        <RefuseForm
          request={r}
          onDone={(u) => done(u, t('requests.refusedNotice'))}
          onCancel={() => setStep(null)}
        />
      )}
      {step === 'withdraw' && (
        <WithdrawForm
          request={r}
          onDone={(u) => done(u, t('requests.withdrawnNotice'))}
          onCancel={() => setStep(null)}
        />
      )}
      {r.delay && open && (
        <Alert
          color="gray"
          variant="outline"
          icon={<IconClockHour4 aria-hidden="true" />}
          title={t('requests.delayTitle')}
        >
          <Text>{r.delay.reason}</Text>
          <Text size="sm">{t('requests.expectedAt', { date: format.dateTime(r.delay.expectedAt) })}</Text>
          <Text size="sm">{t('requests.delayPausesNothing')}</Text>
        </Alert>
      )}
      {(r.answers.length > 0 ? r.answers : r.answer ? [r.answer] : []).map((given) => (
        <Card withBorder component="section" aria-label={t('requests.answerTitle')} key={given.at}>
          <Title order={2} size="h4">
            {t('requests.answerTitle')} · {t(`requests.completeness.${given.completeness}`)}
          </Title>
          <Text size="sm" c="dimmed">
            {format.dateTime(given.at)} · {LOCALE_NATIVE_NAMES[given.language]}
          </Text>
          <Text lang={given.language} style={{ whiteSpace: 'pre-wrap' }}>
            {given.text}
          </Text>
        </Card>
      ))}
      {r.spocCopy && (
        <Alert color="gray" title={t(`requests.spocCopy.${r.spocCopy.exception}`)}>
          <Text size="sm">{t('requests.spocCopy.notSent')}</Text>
          <Text size="sm">{r.spocCopy.reason}</Text>
        </Alert>
      )}
      {r.refusal && (
        <Alert
          color="red"
          title={t('requests.refusalTitle', { ground: t(`requests.grounds.${r.refusal.ground}`) })}
        >
          {r.refusal.explanation}
        </Alert>
      )}
      {r.withdrawal && (
        <Alert color="gray" variant="outline" title={t('requests.withdrawalTitle')}>
          {r.withdrawal.reason}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl">
        <Field label={t('requests.from')}>{party(r.from)}</Field>
        <Field label={t('requests.to')}>{party(r.to)}</Field>
        <Field label={t('requests.fields.urgency')}>{t(`requests.urgencies.${r.urgency}`)}</Field>
        <Field label={t('requests.fields.handlingCode')}>
          {t(`requests.handlingCodes.${r.handlingCode}`)}
        </Field>
        <Field label={t('requests.fields.evaluation')}>{r.evaluation}</Field>
        <Field label={t('requests.fields.language')}>{LOCALE_NATIVE_NAMES[r.language]}</Field>
        <Field label={t('requests.fields.channel')}>
          {t(`requests.channels.${r.channel}`)}
          {r.channelReference ? ` · ${r.channelReference}` : ''}
        </Field>
        <Field label={t('requests.receivedAt')}>{r.receivedAt ? format.dateTime(r.receivedAt) : '—'}</Field>
        {r.case && (
          <Field label={t('requests.fields.case')}>
            <Anchor component={Link} to={`/cases/${r.case.id}`}>
              {r.case.reference} · {r.case.title}
            </Anchor>
          </Field>
        )}
      </SimpleGrid>
      <Stack gap="sm" component="dl">
        {r.urgencyReasons && <Field label={t('requests.fields.urgencyReasons')}>{r.urgencyReasons}</Field>}
        <Field label={t('requests.fields.sought')}>{r.sought}</Field>
        <Field label={t('requests.fields.purpose')}>{r.purpose}</Field>
        <Field label={t('requests.fields.facts')}>{r.facts}</Field>
        <Field label={t('requests.fields.offence')}>{r.offence}</Field>
        <Field label={t('requests.fields.whyHeld')}>{r.whyHeld}</Field>
        <Field label={t('requests.fields.personLink')}>{r.personLink}</Field>
        {r.restrictions && <Field label={t('requests.fields.restrictions')}>{r.restrictions}</Field>}
      </Stack>
      <section aria-labelledby="request-timeline">
        <Title order={2} size="h4" id="request-timeline" mb="sm">
          {t('requests.timeline')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2}>
          {r.timeline.map((event, index) => (
            <Timeline.Item key={`${event.at}-${index}`} title={t(`requests.events.${event.type}`)}>
              <Text size="sm" c="dimmed">
                {format.dateTime(event.at)}
                {event.actor ? ` · ${event.actor.displayName}` : ''}
              </Text>
              {event.note && (
                <Text size="sm">
                  {event.type === 'refused'
                    ? t(`requests.grounds.${event.note as RefusalGround}`)
                    : event.type === 'notice'
                      ? t(`requests.notices.${event.note}`)
                      : event.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </section>
    </Page>
  );
}

interface StepProps {
  request: InformationRequest;
  onDone: (updated: InformationRequest) => Promise<void>;
  onCancel: () => void;
}

function StepCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title} maw={720}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function useStep<V extends Record<string, unknown>>(
  initialValues: V,
  fields: string[],
  call: (values: V) => Promise<InformationRequest>,
  onDone: StepProps['onDone'],
) {
  const { t } = useTranslation();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<V>({ initialValues });
  const mutation = useMutation({
    mutationFn: call,
    onSuccess: onDone,
    onError: (error) => setUnplaced(applyServerErrors(form, error, t, {}, fields) ? null : error),
  });
  const onSubmit = form.onSubmit((values) => {
    setUnplaced(null);
    mutation.mutate(values);
  });
  return { form, mutation, unplaced, onSubmit };
}

function Buttons({ pending, label, onCancel }: { pending: boolean; label: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}

/** A local date and time from the browser's picker, as an instant with its offset. */
function instant(local: string): string {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

function DelayForm({ request, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const { form, mutation, unplaced, onSubmit } = useStep(
    { reason: request.delay?.reason ?? '', expectedAt: '' },
    ['reason', 'expectedAt'],
    (v) => requestsApi.delay(request.id, { reason: v.reason, expectedAt: instant(v.expectedAt) }),
    onDone,
  );
  return (
    <StepCard title={t('requests.delayTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('requests.delayPausesNothing')}</Text>
          <Textarea
            label={t('requests.fields.delayReason')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <TextInput
            type="datetime-local"
            label={t('requests.fields.expectedAt')}
            required
            {...form.getInputProps('expectedAt')}
          />
          <ErrorAlert error={unplaced} />
          <Buttons pending={mutation.isPending} label={t('requests.sendDelay')} onCancel={onCancel} />
        </Stack>
      </form>
    </StepCard>
  );
}

function AnswerForm({ request, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const languages: Locale[] = request.language === 'en' ? ['en'] : [request.language, 'en'];
  const { form, mutation, unplaced, onSubmit } = useStep(
    { completeness: 'fully' as 'fully' | 'partly', language: request.language, text: '' },
    ['completeness', 'language', 'text'],
    (v) => requestsApi.answer(request.id, v),
    onDone,
  );
  return (
    <StepCard title={t('requests.answerTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('requests.fields.completeness')} {...form.getInputProps('completeness')}>
              <option value="fully">{t('requests.completeness.fully')}</option>
              <option value="partly">{t('requests.completeness.partly')}</option>
            </NativeSelect>
            <NativeSelect
              label={t('requests.fields.answerLanguage')}
              description={t('requests.fields.answerLanguageHint')}
              {...form.getInputProps('language')}
            >
              {languages.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {LOCALE_NATIVE_NAMES[locale]}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
          <Textarea
            label={t('requests.fields.answerText')}
            required
            autosize
            minRows={4}
            {...form.getInputProps('text')}
          />
          <ErrorAlert error={unplaced} />
          <Buttons pending={mutation.isPending} label={t('requests.sendAnswer')} onCancel={onCancel} />
        </Stack>
      </form>
    </StepCard>
  );
}

function RefuseForm({ request, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const { form, mutation, unplaced, onSubmit } = useStep(
    { ground: '' as RefusalGround | '', explanation: '' },
    ['ground', 'explanation'],
    (v) => requestsApi.refuse(request.id, { ground: v.ground as RefusalGround, explanation: v.explanation }),
    onDone,
  );
  return (
    <StepCard title={t('requests.refuseTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <NativeSelect label={t('requests.fields.ground')} required {...form.getInputProps('ground')}>
            <option value="">{t('common.choose')}</option>
            {REFUSAL_GROUNDS.map((ground) => (
              <option key={ground} value={ground}>
                {t(`requests.grounds.${ground}`)}
              </option>
            ))}
          </NativeSelect>
          <Textarea
            label={t('requests.fields.explanation')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('explanation')}
          />
          <ErrorAlert error={unplaced} />
          <Buttons pending={mutation.isPending} label={t('requests.refuse')} onCancel={onCancel} />
        </Stack>
      </form>
    </StepCard>
  );
}

function WithdrawForm({ request, onDone, onCancel }: StepProps) {
  const { t } = useTranslation();
  const { form, mutation, unplaced, onSubmit } = useStep(
    { reason: '' },
    ['reason'],
    (v) => requestsApi.withdraw(request.id, v.reason),
    onDone,
  );
  return (
    <StepCard title={t('requests.withdrawTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('requests.fields.withdrawReason')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <ErrorAlert error={unplaced} />
          <Buttons pending={mutation.isPending} label={t('requests.withdraw')} onCancel={onCancel} />
        </Stack>
      </form>
    </StepCard>
  );
}
