import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertOctagon, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  INDICATOR_ELEMENTS,
  SCREENING_ANSWERS,
  SCREENING_SETTINGS,
  isLocale,
  type Assessment,
  type Indicator,
  type Instrument,
  type Locale,
  type Screening,
  type ScreeningAnswer,
  type ScreeningCreate,
  type ScreeningSetting,
} from '@veza/shared';
import { useCan } from '../auth/session.tsx';
import { PersonForm } from '../persons/PersonForm.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { INTERVIEW_LANGUAGES, useNames } from './languages.ts';
import { saveScreening, screeningApi } from './screenings.api.ts';

const ADULT_AGE = 18;

/** The same test the server applies: no age, or any doubt about it, means a child. */
function treatedAsChild(age: number | undefined, ageInDoubt: boolean): boolean {
  return ageInDoubt || age === undefined || age < ADULT_AGE;
}

/** Where, when, with whom and in which language: asked once, carried into the full interview. */
export interface ScreeningContext {
  setting: ScreeningSetting;
  place: string;
  /** `YYYY-MM-DDTHH:mm` in the device's time zone, as a datetime-local input gives it. */
  occurredAt: string;
  interviewLanguage: string;
  interpreterLanguage: string;
  narrative: string;
  age: number | undefined;
  ageInDoubt: boolean;
}

function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

function emptyContext(): ScreeningContext {
  return {
    setting: 'border_crossing',
    place: '',
    occurredAt: localNow(),
    interviewLanguage: '',
    interpreterLanguage: '',
    narrative: '',
    age: undefined,
    ageInDoubt: false,
  };
}

/** The body of POST /api/screenings for one stage of the flow. */
export function toScreeningCreate(
  context: ScreeningContext,
  instrument: Instrument,
  answers: Record<string, ScreeningAnswer>,
  clientId: string,
  parentId: string | undefined,
): ScreeningCreate {
  return {
    clientId,
    instrumentId: instrument.id,
    version: instrument.version,
    stage: instrument.stage,
    ...(parentId ? { parentId } : {}),
    occurredAt: new Date(context.occurredAt).toISOString(),
    setting: context.setting,
    place: context.place.trim(),
    interviewLanguage: context.interviewLanguage,
    interpreterLanguage: context.interpreterLanguage || null,
    narrative: context.narrative.trim() || null,
    ...(context.age !== undefined ? { age: context.age } : {}),
    ageInDoubt: context.ageInDoubt,
    answers,
  };
}

/**
 * The screening flow: the context (where, when, languages, the person's own words), then the rapid
 * screen; when it finds signs, the full indicator interview with the context carried over. The
 * engine's result is shown before anything is stored; Save stores it, and the person can be recorded.
 */
export function ScreeningPage() {
  const { t, i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  const queryClient = useQueryClient();
  const instruments = useQuery({ queryKey: ['instruments'], queryFn: screeningApi.instruments });
  const [step, setStep] = useState<'context' | 'questions'>('context');
  const [context, setContext] = useState<ScreeningContext>(emptyContext);
  const [instrumentId, setInstrumentId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, ScreeningAnswer>>({});
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [parent, setParent] = useState<Screening | null>(null);
  const [saved, setSaved] = useState<Screening | null>(null);
  const assessment = useMutation({ mutationFn: screeningApi.assess });
  const save = useMutation({
    mutationFn: saveScreening,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['screenings'] });
    },
  });

  const ordered = useMemo(
    () =>
      [...(instruments.data ?? [])].sort((a, b) => (a.stage === b.stage ? 0 : a.stage === 'rapid' ? -1 : 1)),
    [instruments.data],
  );
  const instrument = ordered.find((i) => i.id === instrumentId) ?? ordered[0];
  const fullInterview = ordered.find((i) => i.stage === 'full');
  const child = treatedAsChild(context.age, context.ageInDoubt);
  const shown = (instrument?.indicators ?? []).filter((i) => child || i.appliesTo !== 'child');

  function resetResult() {
    assessment.reset();
    save.reset();
    setSaved(null);
    setClientId(crypto.randomUUID());
  }

  function choose(id: string) {
    setInstrumentId(id);
    setAnswers({});
    setParent(null);
    resetResult();
  }

  function answer(id: string, value: ScreeningAnswer) {
    setAnswers((current) => ({ ...current, [id]: value }));
    if (assessment.data || saved) resetResult();
  }

  function startAgain() {
    setAnswers({});
    setContext(emptyContext());
    setParent(null);
    setInstrumentId(null);
    setStep('context');
    resetResult();
  }

  function visibleAnswers() {
    const visible = new Set(shown.map((i) => i.id));
    return Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
  }

  function submit() {
    if (!instrument) return;
    assessment.mutate({
      instrumentId: instrument.id,
      version: instrument.version,
      ...(context.age !== undefined ? { age: context.age } : {}),
      ageInDoubt: context.ageInDoubt,
      answers: visibleAnswers(),
    });
  }

  async function store(): Promise<Screening | null> {
    if (!instrument) return null;
    if (saved) return saved;
    try {
      const stored = await save.mutateAsync(
        toScreeningCreate(context, instrument, visibleAnswers(), clientId, parent?.id),
      );
      setSaved(stored);
      return stored;
    } catch {
      return null;
    }
  }

  /** The rapid screen is stored first, so that the full interview can name the screen it follows. */
  async function continueWithFullInterview() {
    if (!fullInterview) return;
    const rapid = await store();
    if (!rapid) return;
    setInstrumentId(fullInterview.id);
    setAnswers({});
    setParent(rapid);
    resetResult();
  }

  if (instruments.isPending) {
    return (
      <Page title={t('screening.title')}>
        <Center>
          <Loader aria-label={t('common.loading')} />
        </Center>
      </Page>
    );
  }
  if (!instrument) {
    return (
      <Page title={t('screening.title')}>
        <ErrorAlert error={instruments.error ?? new Error('no instruments')} />
      </Page>
    );
  }

  if (step === 'context') {
    return (
      <Page
        title={t('screening.title')}
        actions={
          <Button component={Link} to="/screenings" variant="default">
            {t('screening.flow.listLink')}
          </Button>
        }
      >
        <Text>{t('screening.flow.intro')}</Text>
        <ContextForm
          value={context}
          onChange={setContext}
          onDone={() => setStep('questions')}
          instruments={ordered}
          instrumentId={instrument.id}
          onChooseInstrument={choose}
          locale={locale}
        />
      </Page>
    );
  }

  return (
    <Page title={t('screening.title')}>
      <ContextSummary value={context} onChange={() => setStep('context')} />
      {parent && (
        <Alert color="blue" variant="outline" icon={<IconInfoCircle aria-hidden="true" />}>
          <Text>{t('screening.flow.follows', { reference: parent.reference })}</Text>
          <CarriedAnswers parent={parent} instruments={ordered} locale={locale} />
        </Alert>
      )}
      <Title order={2}>{instrument.title[locale]}</Title>

      {INDICATOR_ELEMENTS.map((element) => {
        const indicators = shown.filter((i) => i.element === element);
        if (indicators.length === 0) return null;
        return (
          <Stack key={element} component="section" aria-labelledby={`element-${element}`} gap="sm">
            <Title order={3} id={`element-${element}`}>
              {t(`screening.elements.${element}`)}
            </Title>
            {indicators.map((indicator) => (
              <IndicatorQuestion
                key={indicator.id}
                indicator={indicator}
                locale={locale}
                value={answers[indicator.id]}
                onChange={(value) => answer(indicator.id, value)}
              />
            ))}
          </Stack>
        );
      })}

      <Group>
        <Button onClick={submit} loading={assessment.isPending}>
          {t('screening.assess')}
        </Button>
        <Button variant="default" onClick={startAgain}>
          {t('screening.startAgain')}
        </Button>
        <Text size="sm">{t('screening.answered', { count: Object.keys(answers).length })}</Text>
      </Group>
      <ErrorAlert error={assessment.error} />
      {assessment.data && (
        <AssessmentResult
          result={assessment.data}
          instrument={instrument}
          locale={locale}
          onContinue={
            assessment.data.rule === 'R-RAPID-POSITIVE' && fullInterview
              ? () => void continueWithFullInterview()
              : undefined
          }
          footer={
            <SaveSection
              saved={saved}
              saving={save.isPending}
              error={save.error}
              onSave={() => void store()}
            />
          }
        />
      )}
    </Page>
  );
}

/** The signs the rapid screen found, shown above the full interview so they are asked about again. */
function CarriedAnswers({
  parent,
  instruments,
  locale,
}: {
  parent: Screening;
  instruments: Instrument[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const rapid = instruments.find((i) => i.id === parent.instrumentId);
  const present = Object.entries(parent.answers).filter(([, answer]) => answer === 'yes');
  if (present.length === 0) return null;
  return (
    <>
      <Text mt="xs" fw={600}>
        {t('screening.flow.carried')}
      </Text>
      <List>
        {present.map(([id]) => (
          <List.Item key={id}>{rapid?.indicators.find((i) => i.id === id)?.text[locale] ?? id}</List.Item>
        ))}
      </List>
    </>
  );
}

function ContextForm({
  value,
  onChange,
  onDone,
  instruments,
  instrumentId,
  onChooseInstrument,
  locale,
}: {
  value: ScreeningContext;
  onChange: (value: ScreeningContext) => void;
  onDone: () => void;
  instruments: Instrument[];
  instrumentId: string;
  onChooseInstrument: (id: string) => void;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const [errors, setErrors] = useState<Partial<Record<'place' | 'interviewLanguage' | 'occurredAt', string>>>(
    {},
  );
  const set = <K extends keyof ScreeningContext>(key: K, next: ScreeningContext[K]) =>
    onChange({ ...value, [key]: next });
  const languages = INTERVIEW_LANGUAGES.map((code) => ({ value: code, label: names.language(code) }));

  function done() {
    const found: typeof errors = {};
    if (!value.place.trim()) found.place = t('validation.required');
    if (!value.interviewLanguage) found.interviewLanguage = t('validation.required');
    if (!value.occurredAt || Number.isNaN(new Date(value.occurredAt).getTime()))
      found.occurredAt = t('validation.date');
    setErrors(found);
    if (Object.keys(found).length === 0) onDone();
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        done();
      }}
    >
      <Stack>
        <Title order={2}>{t('screening.flow.contextTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('screening.flow.setting')}
            required
            value={value.setting}
            onChange={(event) => set('setting', event.currentTarget.value as ScreeningSetting)}
          >
            {SCREENING_SETTINGS.map((setting) => (
              <option key={setting} value={setting}>
                {t(`screening.flow.settings.${setting}`)}
              </option>
            ))}
          </NativeSelect>
          <TextInput
            label={t('screening.flow.place')}
            description={t('screening.flow.placeHint')}
            required
            maxLength={200}
            value={value.place}
            error={errors.place}
            onChange={(event) => set('place', event.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('screening.flow.occurredAt')}
            required
            value={value.occurredAt}
            error={errors.occurredAt}
            onChange={(event) => set('occurredAt', event.currentTarget.value)}
          />
          <NativeSelect
            label={t('screening.flow.interviewLanguage')}
            required
            value={value.interviewLanguage}
            error={errors.interviewLanguage}
            onChange={(event) => set('interviewLanguage', event.currentTarget.value)}
          >
            <option value="">{t('common.choose')}</option>
            {languages.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('screening.flow.interpreterLanguage')}
            description={t('screening.flow.interpreterHint')}
            value={value.interpreterLanguage}
            onChange={(event) => set('interpreterLanguage', event.currentTarget.value)}
          >
            <option value="">{t('screening.flow.noInterpreter')}</option>
            {languages.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <Group align="flex-end" gap="lg">
          <NumberInput
            label={t('screening.age')}
            description={t('screening.ageHint')}
            min={0}
            max={130}
            allowDecimal={false}
            value={value.age ?? ''}
            onChange={(next) => set('age', typeof next === 'number' ? next : undefined)}
            w={200}
          />
          <Checkbox
            label={t('screening.ageInDoubt')}
            description={t('screening.ageInDoubtHint')}
            checked={value.ageInDoubt}
            onChange={(event) => set('ageInDoubt', event.currentTarget.checked)}
          />
        </Group>
        <Textarea
          label={t('screening.flow.narrative')}
          description={t('screening.flow.narrativeHint')}
          autosize
          minRows={3}
          maxLength={20000}
          value={value.narrative}
          onChange={(event) => set('narrative', event.currentTarget.value)}
        />
        <Stack gap="xs">
          <Text fw={600} id="screening-instrument">
            {t('screening.instrument')}
          </Text>
          <SegmentedControl
            aria-labelledby="screening-instrument"
            value={instrumentId}
            onChange={onChooseInstrument}
            data={instruments.map((i) => ({ value: i.id, label: i.title[locale] }))}
            fullWidth
          />
        </Stack>
        <Group>
          <Button type="submit">{t('screening.flow.toQuestions')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ContextSummary({ value, onChange }: { value: ScreeningContext; onChange: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-labelledby="context-summary">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={600} id="context-summary">
            {t('screening.flow.contextTitle')}
          </Text>
          <Text size="sm">
            {t(`screening.flow.settings.${value.setting}`)} · {value.place} ·{' '}
            {names.language(value.interviewLanguage)}
            {value.interpreterLanguage
              ? ` · ${t('screening.flow.interpreterShort', { language: names.language(value.interpreterLanguage) })}`
              : ''}
            {value.age !== undefined ? ` · ${t('screening.flow.ageShort', { age: value.age })}` : ''}
          </Text>
        </Stack>
        <Button variant="default" size="xs" onClick={onChange}>
          {t('screening.flow.changeContext')}
        </Button>
      </Group>
    </Card>
  );
}

function IndicatorQuestion({
  indicator,
  locale,
  value,
  onChange,
}: {
  indicator: Indicator;
  locale: Locale;
  value: ScreeningAnswer | undefined;
  onChange: (answer: ScreeningAnswer) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm">
      <Radio.Group
        value={value ?? null}
        onChange={(answer) => onChange(answer as ScreeningAnswer)}
        label={indicator.text[locale]}
        description={
          <Group gap={6} component="span">
            <Badge component="span" variant="outline" color="gray.8" size="sm">
              {t(`screening.grades.${indicator.grade}`)}
            </Badge>
            {indicator.tags.includes('drugs') && (
              <Badge component="span" variant="outline" color="grape.9" size="sm">
                {t('screening.drugsTag')}
              </Badge>
            )}
          </Group>
        }
      >
        <Group mt="xs">
          {SCREENING_ANSWERS.map((answer) => (
            <Radio key={answer} value={answer} label={t(`screening.answers.${answer}`)} />
          ))}
        </Group>
      </Radio.Group>
    </Card>
  );
}

type ResultLike = Pick<
  Assessment,
  'outcome' | 'rule' | 'reasons' | 'childRule' | 'nonPunishmentAlert' | 'nonPunishmentReasons'
>;

/** The engine's answer: outcome, the deciding rule in words, the indicators that counted, the alerts. */
export function AssessmentResult({
  result,
  instrument,
  locale,
  onContinue,
  footer,
  scroll = true,
}: {
  result: ResultLike;
  instrument: Instrument | undefined;
  locale: Locale;
  onContinue?: (() => void) | undefined;
  footer?: ReactNode;
  scroll?: boolean;
}) {
  const { t } = useTranslation();
  const section = useRef<HTMLDivElement>(null);
  // The result appears below a long list of questions: bring it into view.
  useEffect(() => {
    if (scroll) section.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [result, scroll]);
  const textOf = (id: string) => instrument?.indicators.find((i) => i.id === id)?.text[locale] ?? id;
  const color =
    result.outcome === 'grounds_to_refer'
      ? 'orange.9'
      : result.outcome === 'further_interview'
        ? 'blue.9'
        : 'gray.8';
  return (
    <Stack ref={section} component="section" aria-labelledby="screening-result" gap="md" role="status">
      {result.nonPunishmentAlert && (
        <Alert
          color="red"
          variant="filled"
          icon={<IconAlertOctagon aria-hidden="true" />}
          title={t('screening.nonPunishment.title')}
        >
          <Text>{t('screening.nonPunishment.text')}</Text>
          <Text mt="xs" fw={600}>
            {t('screening.nonPunishment.raisedBy')}
          </Text>
          <List>
            {result.nonPunishmentReasons.map((id) => (
              <List.Item key={id}>{textOf(id)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg">
        <Title order={2} id="screening-result" mb="xs">
          {t('screening.resultTitle')}:{' '}
          <Text span inherit c={color}>
            {t(`screening.outcomes.${result.outcome}`)}
          </Text>
        </Title>
        <Text>
          {t('screening.ruleLabel', { rule: result.rule })} {t(`screening.rules.${result.rule}`)}
        </Text>
        {result.childRule && (
          <Text mt="xs" fw={600}>
            {t('screening.childRule')}
          </Text>
        )}
        {result.reasons.length > 0 && (
          <>
            <Text mt="md" fw={600}>
              {t('screening.reasonsTitle')}
            </Text>
            <List>
              {result.reasons.map((id) => (
                <List.Item key={id}>{textOf(id)}</List.Item>
              ))}
            </List>
          </>
        )}
        {onContinue && (
          <Group mt="md">
            <Button onClick={onContinue}>{t('screening.continueFull')}</Button>
          </Group>
        )}
        {footer}
      </Card>
      <Alert color="gray" variant="outline" icon={<IconInfoCircle aria-hidden="true" />}>
        {t('screening.notAVerdict')}
      </Alert>
    </Stack>
  );
}

function SaveSection({
  saved,
  saving,
  error,
  onSave,
}: {
  saved: Screening | null;
  saving: boolean;
  error: unknown;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [recording, setRecording] = useState(false);
  if (!can('screening.create')) return null;
  return (
    <Stack mt="md" gap="sm">
      <ErrorAlert error={error} />
      {saved ? (
        <Group gap="sm">
          <IconCircleCheck aria-hidden="true" color="var(--mantine-color-green-9)" />
          <Text fw={600}>{t('screening.flow.savedAs', { reference: saved.reference })}</Text>
          <Anchor component={Link} to={`/screenings/${saved.id}`}>
            {t('screening.flow.openSaved')}
          </Anchor>
          {!saved.personId && can('victim.create') && (
            <Button variant="light" onClick={() => setRecording(true)}>
              {t('persons.record')}
            </Button>
          )}
        </Group>
      ) : (
        <Group>
          <Button onClick={onSave} loading={saving}>
            {t('screening.flow.save')}
          </Button>
          <Text size="sm">{t('screening.flow.saveHint')}</Text>
        </Group>
      )}
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        size="lg"
        title={t('persons.record')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {recording && saved && (
          <PersonForm
            screeningId={saved.id}
            childHint={saved.childRule}
            onCancel={() => setRecording(false)}
            onCreated={(person) => {
              setRecording(false);
              void navigate(`/persons/${person.id}`);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
