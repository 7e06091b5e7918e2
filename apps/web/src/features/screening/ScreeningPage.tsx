import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  List,
  Loader,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconAlertOctagon, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  INDICATOR_ELEMENTS,
  SCREENING_ANSWERS,
  isLocale,
  type Assessment,
  type Indicator,
  type Instrument,
  type Locale,
  type ScreeningAnswer,
} from '@veza/shared';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { screeningApi } from './screening.api.ts';

const ADULT_AGE = 18;

/** The same test the server applies: no age, or any doubt about it, means a child. */
function treatedAsChild(age: number | undefined, ageInDoubt: boolean): boolean {
  return ageInDoubt || age === undefined || age < ADULT_AGE;
}

/**
 * A screening: the rapid screen or the full indicator interview, answered yes / no / unknown in the
 * user's language. Nothing typed here is stored; the server only evaluates the answers.
 */
export function ScreeningPage() {
  const { t, i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  const instruments = useQuery({ queryKey: ['instruments'], queryFn: screeningApi.instruments });
  const [instrumentId, setInstrumentId] = useState<string | null>(null);
  const [age, setAge] = useState<number | undefined>(undefined);
  const [ageInDoubt, setAgeInDoubt] = useState(false);
  const [answers, setAnswers] = useState<Record<string, ScreeningAnswer>>({});
  const assessment = useMutation({ mutationFn: screeningApi.assess });

  const ordered = useMemo(
    () =>
      [...(instruments.data ?? [])].sort((a, b) => (a.stage === b.stage ? 0 : a.stage === 'rapid' ? -1 : 1)),
    [instruments.data],
  );
  const instrument = ordered.find((i) => i.id === instrumentId) ?? ordered[0];
  const child = treatedAsChild(age, ageInDoubt);
  const shown = (instrument?.indicators ?? []).filter((i) => child || i.appliesTo !== 'child');

  function choose(id: string) {
    setInstrumentId(id);
    setAnswers({});
    assessment.reset();
  }

  function startAgain() {
    setAnswers({});
    setAge(undefined);
    setAgeInDoubt(false);
    assessment.reset();
  }

  function submit() {
    if (!instrument) return;
    const visible = new Set(shown.map((i) => i.id));
    assessment.mutate({
      instrumentId: instrument.id,
      version: instrument.version,
      ...(age !== undefined ? { age } : {}),
      ageInDoubt,
      answers: Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id))),
    });
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

  const fullInterview = ordered.find((i) => i.stage === 'full');
  return (
    <Page title={t('screening.title')}>
      <Text>{t('screening.intro')}</Text>
      <Stack gap="xs">
        <Text fw={600} id="screening-instrument">
          {t('screening.instrument')}
        </Text>
        <SegmentedControl
          aria-labelledby="screening-instrument"
          value={instrument.id}
          onChange={choose}
          data={ordered.map((i) => ({ value: i.id, label: i.title[locale] }))}
          fullWidth
        />
      </Stack>
      <Group align="flex-end" gap="lg">
        <NumberInput
          label={t('screening.age')}
          description={t('screening.ageHint')}
          min={0}
          max={130}
          allowDecimal={false}
          value={age ?? ''}
          onChange={(value) => setAge(typeof value === 'number' ? value : undefined)}
          w={200}
        />
        <Checkbox
          label={t('screening.ageInDoubt')}
          description={t('screening.ageInDoubtHint')}
          checked={ageInDoubt}
          onChange={(event) => setAgeInDoubt(event.currentTarget.checked)}
        />
      </Group>

      {INDICATOR_ELEMENTS.map((element) => {
        const indicators = shown.filter((i) => i.element === element);
        if (indicators.length === 0) return null;
        return (
          <Stack key={element} component="section" aria-labelledby={`element-${element}`} gap="sm">
            <Title order={2} fz="h3" id={`element-${element}`}>
              {t(`screening.elements.${element}`)}
            </Title>
            {indicators.map((indicator) => (
              <IndicatorQuestion
                key={indicator.id}
                indicator={indicator}
                locale={locale}
                value={answers[indicator.id]}
                onChange={(answer) => setAnswers((current) => ({ ...current, [indicator.id]: answer }))}
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
              ? () => choose(fullInterview.id)
              : undefined
          }
        />
      )}
    </Page>
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

function AssessmentResult({
  result,
  instrument,
  locale,
  onContinue,
}: {
  result: Assessment;
  instrument: Instrument;
  locale: Locale;
  onContinue: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const section = useRef<HTMLDivElement>(null);
  // The result appears below a long list of questions: bring it into view.
  useEffect(() => {
    section.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [result]);
  const textOf = (id: string) => instrument.indicators.find((i) => i.id === id)?.text[locale] ?? id;
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
      </Card>
      <Alert color="gray" variant="outline" icon={<IconInfoCircle aria-hidden="true" />}>
        {t('screening.notAVerdict')}
      </Alert>
    </Stack>
  );
}
